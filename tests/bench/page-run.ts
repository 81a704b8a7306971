// Standalone entry for the page benchmark:
// `tsx tests/bench/page-run.ts [--runs N] [--mark-runs N] [file.html ...]`.
import { runPageBench } from "./page";

const args = process.argv.slice(2);
const option = (name: string): number | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
};
const runs = option("--runs");
const markRuns = option("--mark-runs");
await runPageBench({ runs, markRuns, only: args.length > 0 ? args : undefined });
