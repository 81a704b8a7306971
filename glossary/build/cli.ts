// `npm run glossary [-- --quiet | --json] [--root DIR] [--out DIR]`
// Writes both generated files only when the whole build is clean, so a broken
// glossary can never reach the extension.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ContentData } from "../types";
import { buildGlossary, summaryLine } from "./build";
import { formatDiagnostic } from "./diagnostics";
import { loadDocuments, loadShared } from "./load";

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
}

function writeAtomically(path: string, data: unknown, pretty = true): void {
  const tmp = `${path}.tmp`;
  // The content data ships in the extension bundle, so it is kept compact.
  writeFileSync(tmp, `${JSON.stringify(data, null, pretty ? 2 : undefined)}\n`);
  renameSync(tmp, path);
}

/**
 * The content data again, as a module: bundled from it, the injected
 * content-index.js holds one object literal of a few long strings, which a
 * fresh frame evaluates in about half the time of what a JSON import becomes
 * (JSON.parse of a template literal, which esbuild's minifier prefers for text
 * full of double quotes). Annotated, so tsc checks the build's output against
 * glossary/types.ts (glossary/data.ts exports it).
 */
function writeContentModule(path: string, content: ContentData): void {
  const tmp = `${path}.tmp`;
  writeFileSync(
    tmp,
    "// Written by `npm run glossary` with content-data.json: the same data, as literals.\n" +
      'import type { ContentData } from "../types";\n\n' +
      `export const contentData: ContentData = ${JSON.stringify(content)};\n`,
  );
  renameSync(tmp, path);
}

function main(args: string[]): number {
  const quiet = args.includes("--quiet");
  const json = args.includes("--json");
  const root = option(args, "--root", "glossary/documents");
  const out = option(args, "--out", "glossary/generated");
  // references.yaml and lab-tests.yaml are read from the folder above the documents.
  const result = buildGlossary(loadDocuments(root), relative(process.cwd(), root) || root, loadShared(root));
  // With --json, stdout carries the JSON only; everything else goes to stderr.
  const log = json ? console.error : console.log;
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  if (!result.output) {
    console.error(summaryLine(result.stats, result.diagnostics.length));
    return 1;
  }
  mkdirSync(out, { recursive: true });
  const glossaryPath = join(out, "glossary.json");
  const contentPath = join(out, "content-data.json");
  writeAtomically(glossaryPath, result.output.glossary);
  writeAtomically(contentPath, result.output.content, false);
  writeContentModule(join(out, "content-data.ts"), result.output.content);
  if (json) process.stdout.write(`${JSON.stringify(result.output.glossary, null, 2)}\n`);
  if (!quiet) log(`wrote ${glossaryPath} and ${contentPath}`);
  log(summaryLine(result.stats, 0));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
