// `npm run bench`: the matcher on extracted page text, the shipped build's
// sizes and index load time, the extension itself in Chromium on the big
// corpus pages (against mark.js), the PDF reader, then what a switched-off
// site costs in Firefox (the Firefox build). All but the first need a build:
// `npm run bench` builds both first. They measure a copy of it, so a build
// started meanwhile in the shared tree cannot change what is measured.
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuildBench } from "./build-size";
import { runFirefoxOffSiteBench } from "./firefox-off-site";
import { runMatchBench } from "./match";
import { runPageBench } from "./page";
import { runReaderBench } from "./reader";
import { runResultsBench } from "./results";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const built = join(root, ".output/chrome-mv3");
const copy = mkdtempSync(join(tmpdir(), "termlens-bench-build-"));
if (existsSync(built)) cpSync(built, copy, { recursive: true });
const builtFirefox = join(root, ".output/firefox-mv2");
const copyFirefox = mkdtempSync(join(tmpdir(), "termlens-bench-build-ff-"));
if (existsSync(builtFirefox)) cpSync(builtFirefox, copyFirefox, { recursive: true });
/** Our main-thread CPU time per big page (the page benchmark): what result detection is judged against. */
let oursMs: Map<string, number> | undefined;
try {
  await runMatchBench(root);
  console.log("");
  runBuildBench(root, copy);
  console.log("");
  const pageFigures = await runPageBench({ root, extensionDir: copy });
  oursMs = new Map(pageFigures.pages.map((p) => [p.file, p.oursMs]));
  console.log("");
  await runReaderBench({ extensionDir: copy });
  console.log("");
  await runFirefoxOffSiteBench({ root, extensionDir: copyFirefox });
} finally {
  rmSync(copy, { recursive: true, force: true });
  rmSync(copyFirefox, { recursive: true, force: true });
}
console.log("");
await runResultsBench(root, { oursMs });
