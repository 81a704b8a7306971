// Reads the document folders from disk; the only file-system reader of the build.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { DocumentSources, SharedSources } from "./build";
import type { SourceFile } from "./diagnostics";

function read(abs: string, cwd: string): SourceFile | null {
  return existsSync(abs) ? { path: relative(cwd, abs) || abs, text: readFileSync(abs, "utf8") } : null;
}

/** Every sub-folder is one document, so adding a document needs no code change. */
export function loadDocuments(root: string, cwd = process.cwd()): DocumentSources[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => !name.startsWith(".") && statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(root, name);
      return {
        id: name,
        folder: relative(cwd, dir) || dir,
        meta: read(join(dir, "document.yaml"), cwd),
        document: read(join(dir, "document.md"), cwd),
        topics: read(join(dir, "topics.yaml"), cwd),
        entries: read(join(dir, "entries.yaml"), cwd),
      };
    });
}

/** references.yaml and lab-tests.yaml beside the documents folder (glossary/), when present. */
export function loadShared(root: string, cwd = process.cwd()): SharedSources {
  const dir = dirname(root);
  return {
    references: read(join(dir, "references.yaml"), cwd),
    labTests: read(join(dir, "lab-tests.yaml"), cwd),
  };
}
