// Shared helpers for the glossary tests: a small valid document ("mini") and
// per-rule folders whose files replace the matching files of that document.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildResult, buildGlossary, type DocumentSources } from "../../glossary/build/build";
import { formatDiagnostic, type SourceFile } from "../../glossary/build/diagnostics";
import { loadDocuments } from "../../glossary/build/load";

// Plain strings, not URL objects: the DOM test environment replaces the global URL.
const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, "../fixtures/glossary");
export const REPO = join(HERE, "../..");

/** Loads a fixture root; messages then name files relative to it ("mini/entries.yaml"). */
export function buildFixture(root: string): BuildResult {
  return buildGlossary(loadDocuments(join(FIXTURES, root), join(FIXTURES, root)), root);
}

function overlay(file: SourceFile | null, dir: string, name: string): SourceFile | null {
  const replacement = join(dir, name);
  return existsSync(replacement) && file
    ? { path: file.path, text: readFileSync(replacement, "utf8") }
    : file;
}

function shared(dir: string, name: string): SourceFile | null {
  const path = join(dir, name);
  return existsSync(path) ? { path: name, text: readFileSync(path, "utf8") } : null;
}

/**
 * The base document with the files of rules/<rule>/ put in place of its own;
 * a references.yaml or lab-tests.yaml there is read as the shared file of that name.
 */
export function buildRule(rule: string): BuildResult {
  const base = join(FIXTURES, "base");
  const dir = join(FIXTURES, "rules", rule);
  const sources: DocumentSources[] = loadDocuments(base, base).map((doc) => ({
    ...doc,
    meta: overlay(doc.meta, dir, "document.yaml"),
    document: overlay(doc.document, dir, "document.md"),
    topics: overlay(doc.topics, dir, "topics.yaml"),
    entries: overlay(doc.entries, dir, "entries.yaml"),
  }));
  return buildGlossary(sources, "base", {
    references: shared(dir, "references.yaml"),
    labTests: shared(dir, "lab-tests.yaml"),
  });
}

export function messages(result: BuildResult): string[] {
  return result.diagnostics.map(formatDiagnostic);
}
