// The whole build as a pure function of the source files: parse, validate,
// compile. Nothing here touches the file system.
import type { CompiledGlossary, ContentData } from "../types";
import { compileContentData, compileGlossary } from "./compile";
import { type Diagnostic, Reporter, type SourceFile } from "./diagnostics";
import { type ParsedDocument, parseDocument } from "./document";
import { median } from "./readability";
import {
  type EntryDraft,
  type LabTestDraft,
  type ReferenceDraft,
  readEntries,
  readLabTests,
  readReferences,
  readTopics,
  type TopicDraft,
} from "./records";
import { Citations, checkEntries, checkLabTests, checkReferences, checkTopics, LIMITS } from "./validate";
import { parseYaml } from "./yaml-source";

/** One folder under glossary/documents/; a missing file is null. */
export interface DocumentSources {
  id: string;
  folder: string;
  /** document.yaml: provenance and notice. */
  meta: SourceFile | null;
  document: SourceFile | null;
  topics: SourceFile | null;
  entries: SourceFile | null;
}

/** The files beside the document folders; both optional. */
export interface SharedSources {
  /** glossary/references.yaml: published sources cited by quote. */
  references?: SourceFile | null;
  /** glossary/lab-tests.yaml: the inventory of lab tests and their entries. */
  labTests?: SourceFile | null;
}

export interface BuildStats {
  documents: number;
  topics: number;
  entries: number;
  testCards: number;
  citations: number;
  references: number;
  /** Inventory rows, and those whose entry exists with a test card. */
  inventory: { tests: number; covered: number };
  medianGrade: number;
  maxGrade: number;
  maxGradeEntry: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  stats: BuildStats;
  /** Present only when there is no diagnostic. */
  output?: { glossary: CompiledGlossary; content: ContentData };
}

export function buildGlossary(
  sources: readonly DocumentSources[],
  rootLabel: string,
  shared: SharedSources = {},
): BuildResult {
  const report = new Reporter();
  if (sources.length === 0) report.error(rootLabel, 0, "no document folders found");
  const docs: ParsedDocument[] = [];
  const topics: TopicDraft[] = [];
  const entries: EntryDraft[] = [];
  for (const src of sources) {
    for (const [name, file] of [
      ["document.yaml", src.meta],
      ["document.md", src.document],
      ["topics.yaml", src.topics],
      ["entries.yaml", src.entries],
    ] as const) {
      if (!file) report.error(`${src.folder}/${name}`, 0, "file is missing");
    }
    if (src.document) docs.push(parseDocument(src.id, src.meta, src.document, report));
    if (src.topics)
      topics.push(...readTopics(parseYaml(src.topics, src.topics.text, report), src.id, report));
    if (src.entries)
      entries.push(...readEntries(parseYaml(src.entries, src.entries.text, report), src.id, report));
  }
  const references: ReferenceDraft[] = shared.references
    ? readReferences(parseYaml(shared.references, shared.references.text, report), report)
    : [];
  const labTests: LabTestDraft[] = shared.labTests
    ? readLabTests(parseYaml(shared.labTests, shared.labTests.text, report), report)
    : [];

  const cites = new Citations(docs, references, report);
  checkTopics(docs, topics, cites, report);
  const { grades, testCards } = checkEntries(topics, entries, cites, report);
  checkReferences(references, cites, report);
  const inventory = checkLabTests(labTests, docs, entries, report);

  const values = [...grades.values()];
  let maxGrade = Number.NEGATIVE_INFINITY;
  let maxGradeEntry = "";
  for (const [id, g] of grades) {
    if (g > maxGrade) [maxGrade, maxGradeEntry] = [g, id];
  }
  const stats: BuildStats = {
    documents: docs.length,
    topics: topics.length,
    entries: entries.length,
    testCards,
    citations: cites.verified,
    references: references.length,
    inventory,
    medianGrade: median(values),
    maxGrade: values.length > 0 ? maxGrade : 0,
    maxGradeEntry,
  };
  if (stats.medianGrade > LIMITS.medianGrade) {
    report.error(
      rootLabel,
      0,
      `median definition grade is ${stats.medianGrade} (at most ${LIMITS.medianGrade})`,
    );
  }
  if (!report.ok) return { diagnostics: report.diagnostics, stats };
  const glossary = compileGlossary(docs, topics, entries, references);
  return { diagnostics: [], stats, output: { glossary, content: compileContentData(glossary) } };
}

export function summaryLine(stats: BuildStats, errors: number): string {
  const grade = `median FK grade ${stats.medianGrade}, max ${stats.maxGrade}${stats.maxGradeEntry ? ` (${stats.maxGradeEntry})` : ""}`;
  const counts = [
    `${stats.documents} document(s)`,
    `${stats.topics} topics`,
    `${stats.entries} entries`,
    `${stats.testCards} test cards`,
    `${stats.citations} citations verified (${stats.references} references)`,
    `inventory ${stats.inventory.covered}/${stats.inventory.tests} tests covered`,
  ].join(", ");
  return errors > 0 ? `glossary: ${errors} error(s); ${counts}; ${grade}` : `glossary: ${counts}; ${grade}`;
}
