// Turns the YAML records of topics.yaml and entries.yaml into typed drafts
// that still carry line numbers for the cross-checks.
import type { Reporter } from "./diagnostics";
import { type Field, flag, type LocatedRecord, list, type RecordSpec, readRecordList, str } from "./schema";
import type { YamlFile } from "./yaml-source";

export interface TopicDraft {
  documentId: string;
  path: string;
  line: number;
  id: Field<string>;
  title: string;
  summary: Field<string>;
  points: string[];
  correction?: string;
}

export interface EntryDraft {
  documentId: string;
  path: string;
  line: number;
  id: Field<string>;
  term: Field<string>;
  variants: Field<string[]>;
  caseSensitive: Field<string[]>;
  definition: Field<string>;
  explanation?: string;
  topics: Field<string[]>;
  related: Field<string[]>;
  evidence: Field<string>;
  everyday: boolean;
  correction?: string;
}

const topicSpec: RecordSpec = {
  id: { type: "string", required: true },
  title: { type: "string", required: true },
  summary: { type: "string", required: true },
  points: { type: "strings", required: true },
  correction: { type: "string", required: false },
};

const entrySpec: RecordSpec = {
  id: { type: "string", required: true },
  term: { type: "string", required: true },
  variants: { type: "strings", required: false },
  caseSensitive: { type: "strings", required: false },
  definition: { type: "string", required: true },
  explanation: { type: "string", required: false },
  topics: { type: "strings", required: true },
  related: { type: "strings", required: false },
  evidence: { type: "string", required: true },
  everyday: { type: "boolean", required: false },
  correction: { type: "string", required: false },
};

/** Records missing a required field were already reported; they are skipped. */
function complete(rec: LocatedRecord, spec: RecordSpec): boolean {
  return Object.entries(spec).every(([key, f]) => !f.required || rec.fields.has(key));
}

export function readTopics(yaml: YamlFile, documentId: string, report: Reporter): TopicDraft[] {
  return readRecordList(yaml, topicSpec, "topic", report)
    .filter((rec) => complete(rec, topicSpec))
    .map((rec) => ({
      documentId,
      path: yaml.file.path,
      line: rec.line,
      id: str(rec, "id") as Field<string>,
      title: str(rec, "title")?.value ?? "",
      summary: str(rec, "summary") as Field<string>,
      points: list(rec, "points").value,
      correction: str(rec, "correction")?.value,
    }));
}

export function readEntries(yaml: YamlFile, documentId: string, report: Reporter): EntryDraft[] {
  return readRecordList(yaml, entrySpec, "entry", report)
    .filter((rec) => complete(rec, entrySpec))
    .map((rec) => ({
      documentId,
      path: yaml.file.path,
      line: rec.line,
      id: str(rec, "id") as Field<string>,
      term: str(rec, "term") as Field<string>,
      variants: list(rec, "variants"),
      caseSensitive: list(rec, "caseSensitive"),
      definition: str(rec, "definition") as Field<string>,
      explanation: str(rec, "explanation")?.value,
      topics: list(rec, "topics"),
      related: list(rec, "related"),
      evidence: str(rec, "evidence") as Field<string>,
      everyday: flag(rec, "everyday"),
      correction: str(rec, "correction")?.value,
    }));
}
