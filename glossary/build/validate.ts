// Cross-checks between documents, references, topics and entries. Each check
// reports at the line of the node that has to change.
import { buildIndex, matchChunks } from "../match/index";
import type { Reporter } from "./diagnostics";
import type { ParsedDocument } from "./document";
import { formKey, KEBAB, normalizeQuote } from "./normalize";
import { countSentences, countWords, fleschKincaidGrade, withoutForms } from "./readability";
import type { EntryDraft, LabTestDraft, ReferenceDraft, TopicDraft } from "./records";
import type { CitationDraft } from "./schema";

export const LIMITS = {
  definitionWords: 25,
  definitionGrade: 10,
  medianGrade: 8,
  summaryMin: 2,
  summaryMax: 5,
};

interface Seen {
  path: string;
  line: number;
}

function checkIds(
  items: { id: { value: string; line: number }; path: string }[],
  kind: string,
  report: Reporter,
) {
  const seen = new Map<string, Seen>();
  for (const { id, path } of items) {
    if (!KEBAB.test(id.value)) report.error(path, id.line, `${kind} id "${id.value}" must be kebab-case`);
    const first = seen.get(id.value);
    if (first)
      report.error(
        path,
        id.line,
        `duplicate ${kind} id "${id.value}" (first at ${first.path}:${first.line})`,
      );
    else seen.set(id.value, { path, line: id.line });
  }
}

/** Verifies citations against the documents and references; counts them and the references used. */
export class Citations {
  private readonly texts: Map<string, string>;
  private readonly refs: Map<string, string[]>;
  readonly usedReferences = new Set<string>();
  verified = 0;

  constructor(
    docs: readonly ParsedDocument[],
    references: readonly ReferenceDraft[],
    private readonly report: Reporter,
  ) {
    this.texts = new Map(docs.map((d) => [d.id, normalizeQuote(d.fullText)]));
    this.refs = new Map(references.map((r) => [r.id.value, r.quotes.value.map(normalizeQuote)]));
  }

  /** True when the citation's quote is where it says; otherwise reported. */
  check(c: CitationDraft, ownDocument: string, path: string): boolean {
    const quote = normalizeQuote(c.quote);
    if (c.reference !== undefined) {
      const quotes = this.refs.get(c.reference);
      if (!quotes) {
        this.report.error(path, c.line, `unknown reference "${c.reference}" (not in references.yaml)`);
        return false;
      }
      this.usedReferences.add(c.reference);
      if (!quotes.some((q) => q.includes(quote))) {
        this.report.error(
          path,
          c.quoteLine,
          `quote not found in the sentences recorded for reference "${c.reference}": "${c.quote}"`,
        );
        return false;
      }
      this.verified++;
      return true;
    }
    const docId = c.document ?? ownDocument;
    const text = this.texts.get(docId);
    if (text === undefined) {
      this.report.error(path, c.line, `unknown document "${docId}" (no folder in glossary/documents)`);
      return false;
    }
    if (!text.includes(quote)) {
      const where = c.document ? ` "${docId}"` : "";
      this.report.error(path, c.quoteLine, `quote not found verbatim in the document${where}: "${c.quote}"`);
      return false;
    }
    this.verified++;
    return true;
  }

  checkAll(list: readonly CitationDraft[], ownDocument: string, path: string): void {
    for (const c of list) this.check(c, ownDocument, path);
  }
}

export function checkTopics(
  docs: ParsedDocument[],
  topics: TopicDraft[],
  cites: Citations,
  report: Reporter,
): void {
  checkIds(topics, "topic", report);
  for (const doc of docs) {
    const own = topics.filter((t) => t.documentId === doc.id);
    for (const section of doc.sections) {
      if (!own.some((t) => t.id.value === section.id)) {
        report.error(doc.path, section.line, `section "${section.id}" has no topic in topics.yaml`);
      }
    }
    for (const topic of own) {
      if (!doc.sections.some((s) => s.id === topic.id.value)) {
        report.error(
          topic.path,
          topic.id.line,
          `topic "${topic.id.value}" has no section {#${topic.id.value}} in ${doc.path}`,
        );
      }
    }
  }
  for (const topic of topics) {
    if (topic.summary) {
      const n = countSentences(topic.summary.value);
      if (n < LIMITS.summaryMin || n > LIMITS.summaryMax) {
        report.error(
          topic.path,
          topic.summary.line,
          `summary must have ${LIMITS.summaryMin} to ${LIMITS.summaryMax} sentences, found ${n}`,
        );
      }
    }
    cites.checkAll(topic.summaryCitations?.value ?? [], topic.documentId, topic.path);
    for (const p of topic.points) cites.checkAll(p.citations, topic.documentId, topic.path);
    cites.checkAll(topic.correctionCitations?.value ?? [], topic.documentId, topic.path);
  }
}

interface Claim {
  path: string;
  line: number;
  entryId: string;
  form: string;
  caseSensitive: boolean;
}

function formsOf(e: EntryDraft): { text: string; line: number }[] {
  return [
    { text: e.term.value, line: e.term.line },
    ...e.variants.value.map((text, i) => ({ text, line: e.variants.itemLines[i] ?? e.variants.line })),
  ];
}

/** Every form of every entry of every document, so that no page word can point at two entries. */
function checkForms(entries: EntryDraft[], report: Reporter): void {
  const claims = new Map<string, Claim[]>();
  for (const e of entries) {
    const forms = formsOf(e);
    const all = new Set(forms.map((f) => f.text));
    e.caseSensitive.value.forEach((form, i) => {
      if (!all.has(form)) {
        report.error(
          e.path,
          e.caseSensitive.itemLines[i] ?? e.line,
          `caseSensitive form "${form}" is not the term or one of its variants`,
        );
      }
    });
    const exact = new Set(e.caseSensitive.value);
    for (const { text, line } of forms) {
      const claim: Claim = {
        path: e.path,
        line,
        entryId: e.id.value,
        form: formKey(text, true),
        caseSensitive: exact.has(text),
      };
      // Keyed case-folded: a case-insensitive "cua" would also match a case-sensitive "CUA".
      const key = formKey(text, false);
      const clash = (claims.get(key) ?? []).find(
        (c) => !(c.caseSensitive && claim.caseSensitive && c.form !== claim.form),
      );
      if (!clash) {
        claims.set(key, [...(claims.get(key) ?? []), claim]);
      } else if (clash.entryId === claim.entryId) {
        report.error(e.path, line, `variant "${text}" repeats another form of entry "${e.id.value}"`);
      } else {
        report.error(
          e.path,
          line,
          `variant "${text}" of entry "${e.id.value}" is already claimed by entry "${clash.entryId}" (${clash.path}:${clash.line})`,
        );
      }
    }
  }
  // A phrase the entry is not (its words inside something else) must hold one
  // of its forms, or it shadows nothing, and be no entry's form, or it would
  // hide that entry.
  for (const e of entries) {
    e.notWithin.value.forEach((phrase, i) => {
      const line = e.notWithin.itemLines[i] ?? e.notWithin.line;
      const owner = claims.get(formKey(phrase, false))?.[0];
      if (owner)
        report.error(
          e.path,
          line,
          `notWithin "${phrase}" is a form of entry "${owner.entryId}" (${owner.path}:${owner.line})`,
        );
      else if (!findsForm(e, phrase))
        report.error(e.path, line, `notWithin "${phrase}" holds neither "${e.term.value}" nor a variant`);
    });
  }
}

export function definitionGrade(e: Pick<EntryDraft, "term" | "variants" | "definition">): number {
  return fleschKincaidGrade(withoutForms(e.definition.value, [e.term.value, ...e.variants.value]));
}

/** Whether the matcher finds one of the entry's forms (or `extra`) in the text. */
function findsForm(e: EntryDraft, text: string, extra: string[] = []): boolean {
  const cs = new Set(e.caseSensitive.value);
  const patterns = [
    ...formsOf(e).map((f) => ({ id: e.id.value, text: f.text, caseSensitive: cs.has(f.text) })),
    ...extra.map((t) => ({ id: e.id.value, text: t, caseSensitive: false })),
  ];
  return matchChunks(buildIndex(patterns), [text]).length > 0;
}

export interface EntryChecks {
  grades: Map<string, number>;
  testCards: number;
}

export function checkEntries(
  topics: TopicDraft[],
  entries: EntryDraft[],
  cites: Citations,
  report: Reporter,
): EntryChecks {
  checkIds(entries, "entry", report);
  checkForms(entries, report);
  const topicIds = new Set(topics.map((t) => t.id.value));
  const entryIds = new Set(entries.map((e) => e.id.value));
  const grades = new Map<string, number>();
  let testCards = 0;
  for (const e of entries) {
    const words = countWords(e.definition.value).length;
    if (words > LIMITS.definitionWords) {
      report.error(
        e.path,
        e.definition.line,
        `definition has ${words} words (at most ${LIMITS.definitionWords})`,
      );
    }
    const grade = definitionGrade(e);
    grades.set(e.id.value, grade);
    if (grade > LIMITS.definitionGrade) {
      report.error(
        e.path,
        e.definition.line,
        `definition reads at grade ${grade} (at most ${LIMITS.definitionGrade})`,
      );
    }
    let withoutTerm = 0;
    for (const c of e.citations.value) {
      if (cites.check(c, e.documentId, e.path) && !findsForm(e, c.quote)) {
        withoutTerm++;
        if (!e.quoteWithoutTerm)
          report.error(
            e.path,
            c.quoteLine,
            `quote contains neither "${e.term.value}" nor a variant (add the form, cite other words, or give quoteWithoutTerm with the reason): "${c.quote}"`,
          );
      }
    }
    if (e.quoteWithoutTerm && withoutTerm === 0)
      report.error(
        e.path,
        e.quoteWithoutTerm.line,
        "quoteWithoutTerm is not needed: every quote contains a form",
      );
    cites.checkAll(e.correctionCitations?.value ?? [], e.documentId, e.path);
    if (e.test) {
      testCards++;
      const t = e.test;
      for (const part of [t.measures, t.why, t.high, t.low, ...t.questions]) {
        if (part && part.text !== "") cites.check(part.cite, e.documentId, e.path);
      }
    }
    if (e.topics.value.length === 0)
      report.error(e.path, e.topics.line, "entry must list at least one topic");
    e.topics.value.forEach((t, i) => {
      if (!topicIds.has(t))
        report.error(e.path, e.topics.itemLines[i] ?? e.topics.line, `unknown topic "${t}"`);
    });
    e.related.value.forEach((r, i) => {
      const line = e.related.itemLines[i] ?? e.related.line;
      if (r === e.id.value) report.error(e.path, line, "an entry cannot be related to itself");
      else if (!entryIds.has(r)) report.error(e.path, line, `unknown related entry "${r}"`);
    });
  }
  return { grades, testCards };
}

export function checkReferences(references: ReferenceDraft[], cites: Citations, report: Reporter): void {
  checkIds(references, "reference", report);
  for (const r of references) {
    if (!cites.usedReferences.has(r.id.value))
      report.error(r.path, r.id.line, `reference "${r.id.value}" is never cited`);
  }
}

export interface Coverage {
  tests: number;
  covered: number;
}

/** Every row of lab-tests.yaml names a test card that exists and documents that explain it. */
export function checkLabTests(
  rows: LabTestDraft[],
  docs: ParsedDocument[],
  entries: EntryDraft[],
  report: Reporter,
): Coverage {
  const byId = new Map(entries.map((e) => [e.id.value, e]));
  const docsById = new Map(docs.map((d) => [d.id, d]));
  const seen = new Map<string, number>();
  let covered = 0;
  for (const row of rows) {
    const key = formKey(row.test.value, false);
    const first = seen.get(key);
    if (first !== undefined)
      report.error(
        row.path,
        row.test.line,
        `test "${row.test.value}" is listed twice (first at line ${first})`,
      );
    else seen.set(key, row.test.line);
    const entry = byId.get(row.entry.value);
    if (!entry) {
      report.error(
        row.path,
        row.entry.line,
        `unknown entry "${row.entry.value}" for test "${row.test.value}"`,
      );
    } else if (!entry.test) {
      report.error(
        row.path,
        row.entry.line,
        `entry "${row.entry.value}" for test "${row.test.value}" has no test card ("test:" in ${entry.path})`,
      );
    } else covered++;
    if (row.documents.value.length === 0)
      report.error(row.path, row.documents.line, `test "${row.test.value}" lists no document`);
    row.documents.value.forEach((id, i) => {
      const line = row.documents.itemLines[i] ?? row.documents.line;
      const doc = docsById.get(id);
      if (!doc) report.error(row.path, line, `unknown document "${id}" for test "${row.test.value}"`);
      else if (entry && !findsForm(entry, doc.fullText, [row.test.value]))
        report.error(
          row.path,
          line,
          `document "${id}" mentions neither "${row.test.value}" nor a form of entry "${entry.id.value}"`,
        );
    });
  }
  return { tests: rows.length, covered };
}
