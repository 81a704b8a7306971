// Standalone entry for the page benchmark: `tsx tests/bench/page-run.ts [--runs N] [file.html ...]`.
import { runPageBench } from "./page";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : undefined;
await runPageBench({ runs, only: args.length > 0 ? args : undefined });
