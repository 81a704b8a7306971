// `npm run bench`: the matcher on extracted page text, the shipped build's
// sizes and index load time, then the extension itself in Chromium on the big
// corpus pages (against mark.js). The last two need a build: `npm run bench`
// builds first. They measure a copy of it, so a build started meanwhile in
// the shared tree cannot change what is measured.
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuildBench } from "./build-size";
import { runMatchBench } from "./match";
import { runPageBench } from "./page";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const built = join(root, ".output/chrome-mv3");
const copy = mkdtempSync(join(tmpdir(), "termlens-bench-build-"));
if (existsSync(built)) cpSync(built, copy, { recursive: true });
try {
  await runMatchBench(root);
  console.log("");
  runBuildBench(root, copy);
  console.log("");
  await runPageBench({ root, extensionDir: copy });
} finally {
  rmSync(copy, { recursive: true, force: true });
}
