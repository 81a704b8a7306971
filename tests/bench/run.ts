// `npm run bench`: runs each benchmark in turn. Add page-level benches here.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runMatchBench } from "./match";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

await runMatchBench(root);
