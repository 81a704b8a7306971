// Turns the YAML records of topics.yaml, entries.yaml, references.yaml and
// lab-tests.yaml into typed drafts that still carry line numbers for the
// cross-checks. Their forms are documented at the top of schema.ts.
import type { Reporter } from "./diagnostics";
import {
  type CitationDraft,
  citations,
  type Field,
  flag,
  type LocatedRecord,
  list,
  type PointDraft,
  points,
  type RecordSpec,
  readRecordList,
  str,
  type TestDraft,
  testCard,
} from "./schema";
import type { YamlFile } from "./yaml-source";

export interface TopicDraft {
  documentId: string;
  path: string;
  line: number;
  id: Field<string>;
  title: string;
  summary?: Field<string>;
  summaryCitations?: Field<CitationDraft[]>;
  points: PointDraft[];
  correction?: Field<string>;
  correctionCitations?: Field<CitationDraft[]>;
}

export interface EntryDraft {
  documentId: string;
  path: string;
  line: number;
  id: Field<string>;
  term: Field<string>;
  variants: Field<string[]>;
  caseSensitive: Field<string[]>;
  notWithin: Field<string[]>;
  definition: Field<string>;
  explanation?: string;
  topics: Field<string[]>;
  related: Field<string[]>;
  citations: Field<CitationDraft[]>;
  quoteWithoutTerm?: Field<string>;
  everyday: boolean;
  correction?: Field<string>;
  correctionCitations?: Field<CitationDraft[]>;
  test?: TestDraft;
}

export interface ReferenceDraft {
  path: string;
  line: number;
  id: Field<string>;
  authors: string;
  title: string;
  source: string;
  year: string;
  pmid?: string;
  doi?: string;
  url?: string;
  quotes: Field<string[]>;
}

export interface LabTestDraft {
  path: string;
  line: number;
  test: Field<string>;
  documents: Field<string[]>;
  entry: Field<string>;
}

const topicSpec: RecordSpec = {
  id: { type: "string", required: true },
  title: { type: "string", required: true },
  summary: { type: "string", required: false },
  summaryCitations: { type: "citations", required: false },
  points: { type: "points", required: false },
  correction: { type: "string", required: false },
  correctionCitations: { type: "citations", required: false },
};

const entrySpec: RecordSpec = {
  id: { type: "string", required: true },
  term: { type: "string", required: true },
  variants: { type: "strings", required: false },
  caseSensitive: { type: "strings", required: false },
  notWithin: { type: "strings", required: false },
  definition: { type: "string", required: true },
  explanation: { type: "string", required: false },
  topics: { type: "strings", required: true },
  related: { type: "strings", required: false },
  citations: { type: "citations", required: true },
  quoteWithoutTerm: { type: "string", required: false },
  everyday: { type: "boolean", required: false },
  correction: { type: "string", required: false },
  correctionCitations: { type: "citations", required: false },
  test: { type: "test", required: false },
};

const referenceSpec: RecordSpec = {
  id: { type: "string", required: true },
  authors: { type: "string", required: true },
  title: { type: "string", required: true },
  source: { type: "string", required: true },
  year: { type: "scalar", required: true },
  pmid: { type: "scalar", required: false },
  doi: { type: "string", required: false },
  url: { type: "string", required: false },
  quotes: { type: "strings", required: true },
};

const labTestSpec: RecordSpec = {
  test: { type: "string", required: true },
  documents: { type: "strings", required: true },
  entry: { type: "string", required: true },
};

/** Records missing a required field were already reported; they are skipped. */
function complete(rec: LocatedRecord, spec: RecordSpec): boolean {
  return Object.entries(spec).every(([key, f]) => !f.required || rec.fields.has(key));
}

function pairUp(
  rec: LocatedRecord,
  path: string,
  key: string,
  report: Reporter,
): { text?: Field<string>; cites?: Field<CitationDraft[]> } {
  const text = str(rec, key);
  const cites = citations(rec, `${key}Citations`);
  if (text && !cites)
    report.error(path, text.line, `${key} needs "${key}Citations" (a ${key} cites its source)`);
  if (cites && !text) report.error(path, cites.line, `"${key}Citations" without a ${key}`);
  return { text, cites };
}

export function readTopics(yaml: YamlFile, documentId: string, report: Reporter): TopicDraft[] {
  const path = yaml.file.path;
  return readRecordList(yaml, topicSpec, "topic", report)
    .filter((rec) => complete(rec, topicSpec))
    .map((rec) => {
      const summary = pairUp(rec, path, "summary", report);
      const correction = pairUp(rec, path, "correction", report);
      return {
        documentId,
        path,
        line: rec.line,
        id: str(rec, "id") as Field<string>,
        title: str(rec, "title")?.value ?? "",
        summary: summary.text,
        summaryCitations: summary.cites,
        points: points(rec, "points"),
        correction: correction.text,
        correctionCitations: correction.cites,
      };
    });
}

export function readEntries(yaml: YamlFile, documentId: string, report: Reporter): EntryDraft[] {
  const path = yaml.file.path;
  return readRecordList(yaml, entrySpec, "entry", report)
    .filter((rec) => complete(rec, entrySpec))
    .map((rec) => {
      const correction = pairUp(rec, path, "correction", report);
      return {
        documentId,
        path,
        line: rec.line,
        id: str(rec, "id") as Field<string>,
        term: str(rec, "term") as Field<string>,
        variants: list(rec, "variants"),
        caseSensitive: list(rec, "caseSensitive"),
        notWithin: list(rec, "notWithin"),
        definition: str(rec, "definition") as Field<string>,
        explanation: str(rec, "explanation")?.value,
        topics: list(rec, "topics"),
        related: list(rec, "related"),
        citations: citations(rec, "citations") as Field<CitationDraft[]>,
        quoteWithoutTerm: str(rec, "quoteWithoutTerm"),
        everyday: flag(rec, "everyday"),
        correction: correction.text,
        correctionCitations: correction.cites,
        test: testCard(rec, "test"),
      };
    });
}

export function readReferences(yaml: YamlFile, report: Reporter): ReferenceDraft[] {
  const path = yaml.file.path;
  return readRecordList(yaml, referenceSpec, "reference", report)
    .filter((rec) => complete(rec, referenceSpec))
    .map((rec) => {
      const ref: ReferenceDraft = {
        path,
        line: rec.line,
        id: str(rec, "id") as Field<string>,
        authors: str(rec, "authors")?.value ?? "",
        title: str(rec, "title")?.value ?? "",
        source: str(rec, "source")?.value ?? "",
        year: str(rec, "year")?.value ?? "",
        pmid: str(rec, "pmid")?.value,
        doi: str(rec, "doi")?.value,
        url: str(rec, "url")?.value,
        quotes: list(rec, "quotes"),
      };
      if (!ref.pmid && !ref.doi && !ref.url)
        report.error(path, rec.line, `reference "${ref.id.value}" needs a pmid, doi or url`);
      if (!/^(\d{4}|n\.d\.)$/.test(ref.year))
        report.error(
          path,
          rec.line,
          `reference "${ref.id.value}": year must be four digits, or "n.d." when the source shows none`,
        );
      return ref;
    });
}

export function readLabTests(yaml: YamlFile, report: Reporter): LabTestDraft[] {
  return readRecordList(yaml, labTestSpec, "lab test", report)
    .filter((rec) => complete(rec, labTestSpec))
    .map((rec) => ({
      path: yaml.file.path,
      line: rec.line,
      test: str(rec, "test") as Field<string>,
      documents: list(rec, "documents"),
      entry: str(rec, "entry") as Field<string>,
    }));
}
