// Visible text of saved HTML pages, regex-based (no DOM in Node): drops
// comments and script/style/noscript/template contents, splits at tags (each
// piece is one "text node" chunk), decodes common entities. Good enough for a
// throughput benchmark; not a faithful HTML parser.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "\u00ad",
  ndash: "\u2013",
  mdash: "\u2014",
  rsquo: "\u2019",
  lsquo: "\u2018",
  ldquo: "\u201c",
  rdquo: "\u201d",
  hellip: "\u2026",
  copy: "\u00a9",
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

export function htmlChunks(html: string): string[] {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, "");
  const chunks: string[] = [];
  for (const piece of body.split(/<[^>]*>/)) {
    // Whitespace-only pieces stay: they are text nodes the content script walks too.
    if (piece !== "") chunks.push(decode(piece));
  }
  return chunks;
}

export interface Page {
  name: string;
  chunks: string[];
  text: string;
}

/**
 * Pages as chunks. split() and replace() leave sliced and cons strings that
 * are slower to read than a DOM text node's data, a flat string; the JSON
 * round trip gives flat strings, like the content script gets.
 */
export function loadPages(dir: string): Page[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((name) => {
      const chunks = JSON.parse(
        JSON.stringify(htmlChunks(readFileSync(join(dir, name), "utf8"))),
      ) as string[];
      return { name, chunks, text: chunks.join("") };
    });
}
