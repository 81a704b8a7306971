// `npm run bundle-report`: what each script injected into pages carries,
// source file by source file (bytes of minified output mapped to each source),
// from a build with source maps made into a temporary folder.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type MappingItem, SourceMapConsumer } from "source-map-js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const SCRIPTS = ["gate.js", "content-script.js", "content-index.js", "results-script.js", "frame-cards.js"];

/** Bytes of `code` mapped to each source of its map (unmapped bytes under "(unmapped)"). */
export function bytesBySource(code: string, map: string, mapDir: string): Map<string, number> {
  const consumer = new SourceMapConsumer(JSON.parse(map));
  const mappings: MappingItem[] = [];
  consumer.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const lines = code.split("\n");
  const sizes = new Map<string, number>();
  let mapped = 0;
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const end =
      next?.generatedLine === m.generatedLine
        ? next.generatedColumn
        : (lines[m.generatedLine - 1]?.length ?? 0) + 1;
    const source = m.source
      ? relative(root, resolve(mapDir, m.source)).replace(/^.*node_modules\//, "")
      : "(unknown)";
    sizes.set(source, (sizes.get(source) ?? 0) + end - m.generatedColumn);
    mapped += end - m.generatedColumn;
  });
  sizes.set("(unmapped)", Math.max(0, code.length - mapped));
  return sizes;
}

function main(): void {
  const out = mkdtempSync(join(tmpdir(), "termlens-bundle-"));
  try {
    execFileSync("npx", ["wxt", "build", "--mode", "production"], {
      cwd: root,
      env: { ...process.env, TERMLENS_SOURCEMAP: "1", TERMLENS_OUT_DIR: out },
      stdio: "ignore",
    });
    const dir = join(out, "chrome-mv3");
    for (const name of SCRIPTS) {
      const file = join(dir, name);
      if (!existsSync(`${file}.map`)) continue;
      const code = readFileSync(file, "utf8");
      const sizes = [...bytesBySource(code, readFileSync(`${file}.map`, "utf8"), dir)].sort(
        (a, b) => b[1] - a[1],
      );
      console.log(`\n== ${name}: ${code.length.toLocaleString("en-US")} bytes ==`);
      for (const [source, n] of sizes.slice(0, 25)) console.log(`${String(n).padStart(8)}  ${source}`);
      if (sizes.length > 25) console.log(`         … ${sizes.length - 25} more sources`);
    }
    console.log(`\n(a build with source maps in ${out}, removed since)`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main();
