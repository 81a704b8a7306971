// What the shipped Chrome build puts in a frame: the content script's size
// (minified, without the glossary's matching index), the index injected
// beside it, no web-accessible resource any page could probe for, and the
// time a frame spends loading the index. Prints figures and PASS/FAIL per
// bar; never fails the process (it reports).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LoadTime, shippedIndex, timeLoad } from "./index-load";
import { median, timeMs } from "./measure";

const SCRIPT_BAR_BYTES = 60 * 1024;
const LOAD_BAR_MS = 5;
/** Fresh processes for the cold load time, and warm calls in this one. */
const COLD_RUNS = 7;
const WARM_RUNS = 21;

export interface BuildFigures {
  skipped?: string;
  scriptBytes: number;
  indexBytes: number;
  webAccessible: boolean;
  coldLoadMs: number;
  warmLoadMs: number;
  pass: { script: boolean; noWebAccessible: boolean; load: boolean };
}

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const bytes = (n: number) => `${n.toLocaleString("en-US")} bytes (${(n / 1024).toFixed(1)} KB)`;

/** `dir`: the built extension (default: the root's .output/chrome-mv3). */
export function runBuildBench(root: string, dir = join(root, ".output/chrome-mv3")): BuildFigures {
  const script = join(dir, "content-script.js");
  const index = join(dir, "content-index.js");
  console.log("== Shipped build (Chrome MV3) ==");
  if (![script, index, join(dir, "manifest.json")].every(existsSync)) {
    const why = `skipped: no built extension in ${dir} (run "npm run build")`;
    console.log(`Build figures ${why}`);
    return {
      skipped: why,
      scriptBytes: Number.NaN,
      indexBytes: Number.NaN,
      webAccessible: false,
      coldLoadMs: Number.NaN,
      warmLoadMs: Number.NaN,
      pass: { script: false, noWebAccessible: false, load: false },
    };
  }
  const scriptBytes = statSync(script).size;
  const indexBytes = statSync(index).size;
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
  const webAccessible = "web_accessible_resources" in manifest;

  // Cold: one call in a fresh process, as each new frame has no warm code.
  const child = fileURLToPath(new URL("./index-load.ts", import.meta.url));
  const cold: LoadTime[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync(process.execPath, ["--import", "tsx", child, index], {
      cwd: root,
      encoding: "utf8",
    });
    cold.push(JSON.parse(out.trim()) as LoadTime);
  }
  const serialized = shippedIndex(index);
  const warmLoadMs = timeMs(() => timeLoad(serialized), WARM_RUNS, 3);
  // CPU time, as every time limit of the bench: wall time on a busy machine
  // measures the machine. The process's CPU time also counts V8's helper
  // threads, so it errs high.
  const coldCpu = cold.map((c) => c.cpuMs);
  const coldLoadMs = median(coldCpu);
  const forms = serialized.meta.length;
  // "Without the index": a few of the index's longest plain forms must be in
  // content-index.js (the check can see them) and not in the script.
  const probes = serialized.forms
    .split("\n")
    .filter((f) => /^[a-z][a-z -]{11,}$/.test(f))
    .sort((a, b) => b.length - a.length)
    .slice(0, 5);
  const scriptText = readFileSync(script, "utf8");
  const indexText = readFileSync(index, "utf8");
  const indexInScript = probes.some((f) => scriptText.includes(f));
  const checkSees = probes.length > 0 && probes.every((f) => indexText.includes(f));

  console.log(`content-script.js  ${bytes(scriptBytes)}: minified, without the index`);
  console.log(
    `content-index.js   ${bytes(indexBytes)}: the glossary's matching index (${serialized.ids.length} terms, ` +
      `${forms} forms), injected into each frame just before the script`,
  );
  const readers = join(dir, "results-script.js");
  if (existsSync(readers)) {
    console.log(
      `results-script.js  ${bytes(statSync(readers).size)}: the lab-result readers and card, injected only ` +
        "into frames whose text may hold results",
    );
  }
  const pass = {
    script: scriptBytes <= SCRIPT_BAR_BYTES && !indexInScript && checkSees,
    noWebAccessible: !webAccessible,
    load: coldLoadMs <= LOAD_BAR_MS,
  };
  console.log(
    `${verdict(pass.script)}  content-script.js <= 60 KB (${SCRIPT_BAR_BYTES.toLocaleString("en-US")} bytes): ` +
      `${scriptBytes.toLocaleString("en-US")} bytes` +
      (indexInScript
        ? "; but it embeds the matching index"
        : checkSees
          ? `; none of the index's ${probes.length} longest forms is in it`
          : "; could not check that the index is not in it (its forms are not verbatim in content-index.js)"),
  );
  console.log(
    `${verdict(pass.noWebAccessible)}  manifest.json has no web_accessible_resources` +
      (webAccessible ? ` (it lists ${JSON.stringify(manifest.web_accessible_resources)})` : ""),
  );
  console.log(
    `${verdict(pass.load)}  per-frame index load (loadIndex of the shipped index) <= ${LOAD_BAR_MS} ms: ` +
      `median ${coldLoadMs.toFixed(2)} ms cold (one call in each of ${COLD_RUNS} fresh Node processes, process CPU time; ` +
      `range ${Math.min(...coldCpu).toFixed(2)}-${Math.max(...coldCpu).toFixed(2)}; wall time median ` +
      `${median(cold.map((c) => c.wallMs)).toFixed(2)} ms); warm ${warmLoadMs.toFixed(2)} ms CPU (median of ${WARM_RUNS} calls)`,
  );
  return { scriptBytes, indexBytes, webAccessible, coldLoadMs, warmLoadMs, pass };
}
