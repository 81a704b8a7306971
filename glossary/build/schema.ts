// The YAML forms of the glossary, and a small schema checker for them: it
// reports unknown, missing and mistyped fields with the line of the offending
// node, and keeps those lines for the later cross-checks.
//
// ## Citations (how every claim is grounded)
// A citation is one verbatim quote that states what the text citing it claims:
//
//   - quote: "words from the citing file's own document.md"
//   - document: other-document-id        # a folder in glossary/documents/
//     quote: "words from that document's document.md"
//   - reference: some-reference-id      # an id in glossary/references.yaml
//     quote: "words from one of that reference's recorded quotes"
//
// A quote is compared after folding whitespace and quote styles. A reference
// quote must lie within a sentence recorded for that reference (as its source says it).
//
// ## entries.yaml: a list of entries
//   id, term, variants?, caseSensitive?, notWithin? (phrases holding a form that
//   name something else: never matched), definition (<= 25 words, grade <= 10),
//   explanation?, correction? (popup term view only, never the tooltip),
//   correctionCitations? (required with correction), topics, related?,
//   everyday?, citations (at least one; each quote must contain the term or a
//   variant as the matcher finds it), quoteWithoutTerm? ("reason": the only
//   way a citation may lack every form; the build rejects a stale one),
//   test? (a test card, lab tests and measurements only):
//     test:
//       measures:  { text: "plain words", cite: { document?: id, quote: "..." } }  # required
//       why:       { text, cite }          # optional: why it is done
//       high:      { text, cite }          # optional: what a high result can mean
//       low:       { text, cite }          # optional
//       questions: [ { text, cite } ]      # optional: questions for the care team
//   A `cite` is one citation (document or reference, as above).
//
// ## topics.yaml: one topic per section of document.md
//   id, title, summary? (2 to 5 sentences; a topic may have only a title, and
//   the popup then shows the section's own text), summaryCitations (required
//   with summary), points? (each { text, citations }), correction? (where the
//   source is wrong; popup only), correctionCitations (required with
//   correction). Every summary, key point and correction carries citations.
//
// ## glossary/references.yaml: published sources not shipped as documents
//   - id: kebab-case
//     authors: "Surname AB, Surname CD, et al."
//     title: "..."
//     source: "journal or site"
//     year: 2017                       # or "n.d." when the source shows no date
//     pmid / doi / url: at least one  # and every reference is cited at least once
//     quotes: ["sentences exactly as the source states them"]
//
// ## glossary/lab-tests.yaml: the inventory of lab tests the documents explain
//   - test: "name as the documents write it"
//     documents: [document ids that explain it]
//     entry: entry-id   # must exist and have a test card; each document must name the test or the entry
import type { Node, Pair } from "yaml";
import type { Reporter } from "./diagnostics";
import { isMap, isScalar, isSeq, type YamlFile } from "./yaml-source";

export interface CitationDraft {
  line: number;
  document?: string;
  reference?: string;
  quote: string;
  quoteLine: number;
}

/** A sentence of a test card, with its one citation. */
export interface CitedTextDraft {
  text: string;
  line: number;
  cite: CitationDraft;
}

export interface PointDraft {
  text: string;
  line: number;
  citations: CitationDraft[];
}

export interface TestDraft {
  line: number;
  measures: CitedTextDraft;
  why?: CitedTextDraft;
  high?: CitedTextDraft;
  low?: CitedTextDraft;
  questions: CitedTextDraft[];
}

export type FieldType = "string" | "strings" | "boolean" | "scalar" | "citations" | "points" | "test";
export type RecordSpec = Record<string, { type: FieldType; required: boolean }>;
type FieldValue = string | string[] | boolean | CitationDraft[] | PointDraft[] | TestDraft;

export interface Field<T> {
  value: T;
  line: number;
  /** For lists: the line of each item. */
  itemLines: number[];
}

export interface LocatedRecord {
  line: number;
  fields: Map<string, Field<FieldValue>>;
}

const typeName: Record<FieldType, string> = {
  string: "a non-empty string",
  strings: "a list of non-empty strings",
  boolean: "true or false",
  scalar: "a non-empty string or a number",
  citations: "a non-empty list of citations ({quote, document?} or {reference, quote})",
  points: "a list of key points ({text, citations})",
  test: "a test card ({measures, why?, high?, low?, questions?})",
};

/** Where nested problems are reported. */
interface Ctx {
  yaml: YamlFile;
  report: Reporter;
  what: string;
}

function text(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== "string" || node.value.trim() === "") return undefined;
  return node.value.trim();
}

/** Reads a nested mapping against allowed keys; unknown keys are reported. */
function nestedMap(
  node: unknown,
  keys: readonly string[],
  label: string,
  ctx: Ctx,
): Map<string, Node> | null {
  if (!isMap(node)) return null;
  const out = new Map<string, Node>();
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    if (!keys.includes(key)) {
      ctx.report.error(
        ctx.yaml.file.path,
        ctx.yaml.lineOf(keyNode),
        `${ctx.what}: ${label}: unknown field "${key}"`,
      );
      continue;
    }
    out.set(key, (pair.value as Node | null) ?? (keyNode as Node));
  }
  return out;
}

function readCitation(node: unknown, ctx: Ctx): CitationDraft | null {
  const line = ctx.yaml.lineOf(node as Node);
  const path = ctx.yaml.file.path;
  const map = nestedMap(node, ["quote", "document", "reference"], "citation", ctx);
  if (!map) {
    ctx.report.error(
      path,
      line,
      `${ctx.what}: a citation must be a mapping {quote, document?} or {reference, quote}`,
    );
    return null;
  }
  const quoteNode = map.get("quote");
  const quote = text(quoteNode);
  let ok = true;
  if (!quote) {
    ctx.report.error(path, line, `${ctx.what}: citation needs a non-empty "quote"`);
    ok = false;
  }
  const out: CitationDraft = {
    line,
    quote: quote ?? "",
    quoteLine: ctx.yaml.lineOf(quoteNode ?? (node as Node)),
  };
  for (const key of ["document", "reference"] as const) {
    if (!map.has(key)) continue;
    const v = text(map.get(key));
    if (v) out[key] = v;
    else {
      ctx.report.error(path, ctx.yaml.lineOf(map.get(key)), `${ctx.what}: citation "${key}" must be an id`);
      ok = false;
    }
  }
  if (out.document && out.reference) {
    ctx.report.error(path, line, `${ctx.what}: a citation names a document or a reference, not both`);
    ok = false;
  }
  return ok ? out : null;
}

function readCitations(node: unknown, ctx: Ctx): CitationDraft[] | undefined {
  if (!isSeq(node) || node.items.length === 0) return undefined;
  const out: CitationDraft[] = [];
  for (const item of node.items) {
    const c = readCitation(item, ctx);
    if (c) out.push(c);
  }
  return out;
}

function readCitedText(node: unknown, label: string, ctx: Ctx): CitedTextDraft | null {
  const line = ctx.yaml.lineOf(node as Node);
  const map = nestedMap(node, ["text", "cite"], label, ctx);
  const t = map ? text(map.get("text")) : undefined;
  if (!map || !t || !map.has("cite")) {
    ctx.report.error(
      ctx.yaml.file.path,
      line,
      `${ctx.what}: ${label} must be {text, cite: {document?, quote}}`,
    );
    return null;
  }
  const cite = readCitation(map.get("cite"), ctx);
  return cite ? { text: t, line, cite } : null;
}

function readTest(node: unknown, ctx: Ctx): TestDraft | undefined {
  const map = nestedMap(node, ["measures", "why", "high", "low", "questions"], "test", ctx);
  if (!map) return undefined;
  const line = ctx.yaml.lineOf(node as Node);
  const part = (key: string) =>
    map.has(key) ? (readCitedText(map.get(key), `test.${key}`, ctx) ?? undefined) : undefined;
  const measures = part("measures");
  if (!map.has("measures"))
    ctx.report.error(
      ctx.yaml.file.path,
      line,
      `${ctx.what}: a test card needs "measures" (what the test measures)`,
    );
  const questions: CitedTextDraft[] = [];
  if (map.has("questions")) {
    const q = map.get("questions");
    if (!isSeq(q))
      ctx.report.error(ctx.yaml.file.path, ctx.yaml.lineOf(q), `${ctx.what}: test.questions must be a list`);
    else
      for (const item of q.items) {
        const c = readCitedText(item, "test.questions item", ctx);
        if (c) questions.push(c);
      }
  }
  // A card whose measures line failed was reported above; it still counts as a card.
  return {
    line,
    measures: measures ?? { text: "", line, cite: { line, quote: "", quoteLine: line } },
    why: part("why"),
    high: part("high"),
    low: part("low"),
    questions,
  };
}

function readPoints(node: unknown, ctx: Ctx): PointDraft[] | undefined {
  if (!isSeq(node)) return undefined;
  const out: PointDraft[] = [];
  for (const item of node.items) {
    const line = ctx.yaml.lineOf(item as Node);
    const map = isMap(item) ? nestedMap(item, ["text", "citations"], "key point", ctx) : null;
    const t = map ? text(map.get("text")) : undefined;
    if (!map || !t) {
      ctx.report.error(
        ctx.yaml.file.path,
        line,
        `${ctx.what}: a key point must be {text, citations} (every key point cites its source)`,
      );
      continue;
    }
    const citations = map.has("citations") ? readCitations(map.get("citations"), ctx) : undefined;
    if (!citations) {
      ctx.report.error(
        ctx.yaml.file.path,
        line,
        `${ctx.what}: key point needs a non-empty list of citations`,
      );
      continue;
    }
    out.push({ text: t, line, citations });
  }
  return out;
}

function readValue(node: Node | null, type: FieldType, ctx: Ctx): Field<FieldValue> | undefined {
  const line = ctx.yaml.lineOf(node);
  const wrap = (value: FieldValue | undefined) =>
    value === undefined ? undefined : { value, line, itemLines: [] };
  switch (type) {
    case "strings": {
      if (!isSeq(node)) return undefined;
      const value: string[] = [];
      const itemLines: number[] = [];
      for (const item of node.items) {
        const t = text(item);
        if (t === undefined) return undefined;
        value.push(t);
        itemLines.push(ctx.yaml.lineOf(item as Node));
      }
      return { value, line, itemLines };
    }
    case "boolean":
      return isScalar(node) && typeof node.value === "boolean" ? wrap(node.value) : undefined;
    case "scalar":
      return isScalar(node) && typeof node.value === "number" ? wrap(String(node.value)) : wrap(text(node));
    case "string":
      return wrap(text(node));
    case "citations":
      return wrap(readCitations(node, ctx));
    case "points":
      return wrap(readPoints(node, ctx));
    case "test":
      return wrap(readTest(node, ctx));
  }
}

/** Reads one mapping; returns null when it is not a mapping at all. */
export function readRecord(
  node: unknown,
  spec: RecordSpec,
  what: string,
  yaml: YamlFile,
  report: Reporter,
): LocatedRecord | null {
  const path = yaml.file.path;
  if (!isMap(node)) {
    report.error(path, yaml.lineOf(node as Node), `${what}: expected a mapping of fields`);
    return null;
  }
  const line = yaml.lineOf(node);
  const fields = new Map<string, Field<FieldValue>>();
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    const field = spec[key];
    if (!field) {
      report.error(path, yaml.lineOf(keyNode), `${what}: unknown field "${key}"`);
      continue;
    }
    const valueNode = (pair.value as Node | null) ?? null;
    const value = readValue(valueNode, field.type, { yaml, report, what });
    if (!value) {
      report.error(
        path,
        yaml.lineOf(valueNode ?? keyNode),
        `${what}: field "${key}" must be ${typeName[field.type]}`,
      );
      continue;
    }
    fields.set(key, value);
  }
  for (const [key, field] of Object.entries(spec)) {
    if (field.required && !fields.has(key) && !node.has(key)) {
      report.error(path, line, `${what}: missing field "${key}"`);
    }
  }
  return { line, fields };
}

/** Reads a top-level list of mappings (one per topic or entry). */
export function readRecordList(
  yaml: YamlFile,
  spec: RecordSpec,
  what: string,
  report: Reporter,
): LocatedRecord[] {
  if (yaml.root === null) return [];
  if (!isSeq(yaml.root)) {
    report.error(yaml.file.path, yaml.lineOf(yaml.root), `expected a list of ${what} entries`);
    return [];
  }
  const out: LocatedRecord[] = [];
  for (const item of yaml.root.items) {
    const rec = readRecord(item, spec, what, yaml, report);
    if (rec) out.push(rec);
  }
  return out;
}

export function str(rec: LocatedRecord, key: string): Field<string> | undefined {
  const f = rec.fields.get(key);
  return f && typeof f.value === "string" ? (f as Field<string>) : undefined;
}

export function list(rec: LocatedRecord, key: string): Field<string[]> {
  const f = rec.fields.get(key);
  return f && Array.isArray(f.value) ? (f as Field<string[]>) : { value: [], line: rec.line, itemLines: [] };
}

export function flag(rec: LocatedRecord, key: string): boolean {
  return rec.fields.get(key)?.value === true;
}

export function citations(rec: LocatedRecord, key: string): Field<CitationDraft[]> | undefined {
  return rec.fields.get(key) as Field<CitationDraft[]> | undefined;
}

export function points(rec: LocatedRecord, key: string): PointDraft[] {
  return (rec.fields.get(key)?.value as PointDraft[] | undefined) ?? [];
}

export function testCard(rec: LocatedRecord, key: string): TestDraft | undefined {
  return rec.fields.get(key)?.value as TestDraft | undefined;
}
