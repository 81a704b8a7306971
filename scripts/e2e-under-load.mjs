// Runs the whole Chromium e2e suite three times in a row while two busy loops
// load both cores, and prints each run's pass and fail counts: the suite
// waits for events, so a busy machine must not fail it.
//   npm run build && node scripts/e2e-under-load.mjs [runs]

import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const runs = Number(process.argv[2] ?? 3);
const spin = "const end = Date.now() + 3_600_000; while (Date.now() < end) {}";
const loops = [0, 1].map(() => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }));

function suite(i) {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = "";
    const child = spawn("npm", ["run", "test:e2e"], {
      shell: false,
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => {
      // The whole output of each run, for reading what failed and why.
      writeFileSync(`e2e-under-load-${i}.log`, out);
      const pass = out.match(/ℹ pass (\d+)/)?.[1] ?? "?";
      const fail = out.match(/ℹ fail (\d+)/)?.[1] ?? "?";
      const failed = [...out.matchAll(/^✖ (.+?) \(\d/gm)]
        .map((m) => m[1])
        .filter((t) => t !== "failing tests:");
      resolve({ code, pass, fail, failed, seconds: (Date.now() - started) / 1000 });
    });
  });
}

let ok = true;
try {
  for (let i = 1; i <= runs; i++) {
    const r = await suite(i);
    ok &&= r.code === 0;
    console.log(
      `run ${i}/${runs} under two busy loops: ${r.code === 0 ? "PASS" : "FAIL"}, ${r.pass} passed, ${r.fail} failed, ${r.seconds.toFixed(0)} s` +
        (r.failed.length ? `\n  failed: ${[...new Set(r.failed)].join("; ")}` : ""),
    );
  }
} finally {
  for (const l of loops) l.kill();
}
process.exit(ok ? 0 : 1);
