// `npm test`: every check in order, one summary at the end, non-zero exit
// on any failure. Each step's own output streams through as it runs.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const steps = [
  { name: "glossary", cmd: "npm run glossary -- --quiet" },
  { name: "typecheck", cmd: "npm run typecheck" },
  { name: "lint", cmd: "npm run lint" },
  { name: "unit", cmd: "npm run test:unit", count: /Tests\s+(\d+) passed/ },
  { name: "build chrome", cmd: "npm run build" },
  { name: "build firefox", cmd: "npm run build:firefox" },
  { name: "web-ext lint", cmd: "npm run lint:firefox", count: /errors\s+(\d+)/ },
  {
    name: "e2e (Chromium)",
    cmd: "npm run test:e2e",
    count: /ℹ pass (\d+)/,
    failCount: /ℹ fail (\d+)/,
    notRun: /scenarios not run in chromium: (\d+)(?: \((.*)\))?/,
  },
  // The shared scenarios (tests/e2e/scenarios/) again, in Firefox.
  {
    name: "e2e (Firefox)",
    cmd: "npm run test:e2e:firefox",
    count: /ℹ pass (\d+)/,
    failCount: /ℹ fail (\d+)/,
    notRun: /scenarios not run in firefox: (\d+)(?: \((.*)\))?/,
  },
  {
    name: "corpus",
    cmd: "npm run test:corpus",
    count: /ℹ pass (\d+)/,
    failCount: /ℹ fail (\d+)/,
    // Real pages beside the checkout; a fresh clone elsewhere has none.
    skip: existsSync("../shared/corpus/pages") ? null : "no ../shared/corpus: corpus tests skipped",
  },
];

function run(cmd) {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = "";
    const child = spawn(cmd, { shell: true, env: { ...process.env, FORCE_COLOR: "0" } });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (d) => {
        output += d;
        (stream === child.stdout ? process.stdout : process.stderr).write(d);
      });
    }
    child.on("close", (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = [];
for (const step of steps) {
  if (step.skip) {
    console.log(`\n━━ ${step.name}: ${step.skip}`);
    results.push({ ...step, ok: true, seconds: 0, detail: "skipped" });
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.cmd}`);
  const r = await run(step.cmd);
  const clean = r.output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
  let detail = "";
  if (step.count) {
    const m = clean.match(step.count);
    if (m) detail = step.name === "web-ext lint" ? `${m[1]} errors` : `${m[1]} passed`;
    const f = step.failCount && clean.match(step.failCount);
    if (f && f[1] !== "0") detail += `, ${f[1]} failed`;
    // Shared scenarios a browser does not run: counted and named.
    const n = step.notRun && clean.match(step.notRun);
    if (n) detail += `, ${n[1]} shared scenario(s) not run${n[2] ? `: ${n[2]}` : ""}`;
  }
  results.push({ ...step, ok: r.code === 0, seconds: r.seconds, detail });
}

console.log("\n━━ Summary");
for (const r of results) {
  console.log(
    `${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(16)} ${r.seconds.toFixed(1).padStart(6)}s  ${r.detail}`,
  );
}
const failed = results.filter((r) => !r.ok);
console.log(
  failed.length
    ? `\n${failed.length} step(s) failed: ${failed.map((r) => r.name).join(", ")}`
    : "\nAll checks passed.",
);
process.exit(failed.length ? 1 : 0);
