// `npm run bench`: the matcher on extracted page text, then the extension
// itself in Chromium on the big corpus pages (against mark.js). The page
// bench needs a build: `npm run bench` builds first.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runMatchBench } from "./match";
import { runPageBench } from "./page";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

await runMatchBench(root);
console.log("");
await runPageBench();
