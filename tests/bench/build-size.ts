// What the shipped Chrome build puts in a frame: the content script's size
// (minified, without the glossary's matching index), the index injected
// beside it (content-index.js, its size), no web-accessible resource any page
// could probe for, and the time a frame spends on the index: evaluating
// content-index.js and loading what it leaves, in fresh Chromium frames
// (index-load.ts says how). Prints figures and PASS/FAIL per bar; never fails
// the process (it reports).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_RUNS, type FrameLoads, shippedIndex } from "./index-load";

const SCRIPT_BAR_BYTES = 60 * 1024;
const LOAD_BAR_MS = 5;

export interface BuildFigures {
  skipped?: string;
  scriptBytes: number;
  indexBytes: number;
  webAccessible: boolean;
  /** Per frame, thread CPU medians (null when no Chromium could run). */
  frameLoad: FrameLoads | null;
  pass: { script: boolean; noWebAccessible: boolean; load: boolean };
}

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const bytes = (n: number) => `${n.toLocaleString("en-US")} bytes (${(n / 1024).toFixed(1)} KB)`;

/** `dir`: the built extension (default: the root's .output/chrome-mv3). */
export function runBuildBench(
  root: string,
  dir = join(root, ".output/chrome-mv3"),
  runs = DEFAULT_RUNS,
): BuildFigures {
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
      frameLoad: null,
      pass: { script: false, noWebAccessible: false, load: false },
    };
  }
  const scriptBytes = statSync(script).size;
  const indexBytes = statSync(index).size;
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
  const webAccessible = "web_accessible_resources" in manifest;

  const serialized = shippedIndex(index);
  // In a child process, so that this stays synchronous like the bench's other steps.
  let frameLoad: FrameLoads | null = null;
  let loadError = "";
  try {
    const child = fileURLToPath(new URL("./index-load.ts", import.meta.url));
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", child, index, "--runs", String(runs), "--json"],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    frameLoad = JSON.parse(out.trim().split("\n").pop() ?? "") as FrameLoads;
  } catch (e) {
    loadError = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
  }
  const forms = serialized.meta.length;
  // "Without the index": a few of the index's longest plain forms must be in
  // content-index.js (the check can see them) and not in the script.
  const probes = serialized.forms
    .split("\t")
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
    load: frameLoad !== null && frameLoad.totalMs <= LOAD_BAR_MS,
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
  if (frameLoad === null) {
    console.log(`FAIL  per-frame index load <= ${LOAD_BAR_MS} ms: not measured (${loadError})`);
  } else {
    const totals = frameLoad.runs.map((r) => r.evalMs + r.loadMs);
    console.log(
      `${verdict(pass.load)}  per-frame index load <= ${LOAD_BAR_MS} ms: median ${frameLoad.totalMs.toFixed(2)} ms ` +
        `(content-index.js, ${bytes(indexBytes)}: evaluate ${frameLoad.evalMs.toFixed(2)} ms + loadIndex ` +
        `${frameLoad.loadMs.toFixed(2)} ms; range ${Math.min(...totals).toFixed(2)}-${Math.max(...totals).toFixed(2)}), ` +
        `renderer main-thread CPU time in ${frameLoad.runs.length} fresh Chromium frames (an isolated world each)`,
    );
  }
  return { scriptBytes, indexBytes, webAccessible, frameLoad, pass };
}
