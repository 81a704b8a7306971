// YAML parsing that keeps line numbers, so each message can point at the
// node an author has to fix.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Reporter, SourceFile } from "./diagnostics";

export interface YamlFile {
  file: SourceFile;
  root: Node | null;
  lineOf(node: Node | null | undefined): number;
}

/** `lineOffset` is for YAML embedded in another file (front matter). */
export function parseYaml(file: SourceFile, text: string, report: Reporter, lineOffset = 0): YamlFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) {
    const line = counter.linePos(err.pos[0]).line + lineOffset;
    report.error(file.path, line, `YAML: ${err.message.split("\n")[0]}`);
  }
  const lineOf = (node: Node | null | undefined): number => {
    const start = node?.range?.[0];
    return start === undefined ? 1 + lineOffset : counter.linePos(start).line + lineOffset;
  };
  const root = doc.errors.length > 0 ? null : ((doc.contents as Node | null) ?? null);
  return { file, root, lineOf };
}

export { isMap, isScalar, isSeq };
