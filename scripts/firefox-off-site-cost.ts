// What a switched-off site costs in Firefox: loads a page with its site off,
// then on, in a Firefox started with its own profiler (MOZ_PROFILER_STARTUP,
// written at shutdown), and counts the profiler's samples whose stack runs
// through our page scripts (gate.js, content-index.js, content-script.js),
// with the sampling interval that makes them CPU milliseconds. Needs the
// Firefox build: npm run build:firefox && npx tsx scripts/firefox-off-site-cost.ts

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firefoxDriver } from "../tests/e2e/scenarios/firefox";
import { serve } from "../tests/e2e/server";

interface Table {
  schema: Record<string, number>;
  data: unknown[][];
}
interface GeckoThread {
  name: string;
  processType?: string;
  stringTable: string[];
  samples: Table;
  stackTable: Table;
  frameTable: Table;
}
interface GeckoProfile {
  meta: { interval: number };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

/** The scripts of ours that run in web pages (the background and extension pages are not counted). */
const PAGE_SCRIPTS = /moz-extension:\/\/[^/]+\/(gate|content-script|content-index)\.js/;

/** Samples (and their ms) whose stack holds a frame of ours, per thread name, over web content processes. */
function ourSamples(profile: GeckoProfile): { samples: number; ms: number; total: number } {
  let samples = 0;
  let total = 0;
  const where = new Map<string, number>();
  const visit = (p: GeckoProfile) => {
    for (const t of p.threads) {
      if (t.processType !== "tab" || t.name !== "GeckoMain") continue;
      const ours = new Map<number, boolean>();
      const frameIsOurs = (f: number) =>
        PAGE_SCRIPTS.test(
          t.stringTable[t.frameTable.data[f]?.[t.frameTable.schema.location ?? 0] as number] ?? "",
        );
      const stackIsOurs = (s: number | null): boolean => {
        if (s === null) return false;
        const known = ours.get(s);
        if (known !== undefined) return known;
        const row = t.stackTable.data[s] ?? [];
        const value =
          frameIsOurs(row[t.stackTable.schema.frame ?? 1] as number) ||
          stackIsOurs(row[t.stackTable.schema.prefix ?? 0] as number | null);
        ours.set(s, value);
        return value;
      };
      for (const row of t.samples.data) {
        total++;
        const st = row[t.samples.schema.stack ?? 0] as number | null;
        if (stackIsOurs(st)) {
          samples++;
          if (process.env.DEBUG_COST) {
            let loc = "?";
            for (let s2: number | null = st; s2 !== null; ) {
              const r = t.stackTable.data[s2] ?? [];
              const f = r[t.stackTable.schema.frame ?? 1] as number;
              const l =
                t.stringTable[t.frameTable.data[f]?.[t.frameTable.schema.location ?? 0] as number] ?? "";
              if (PAGE_SCRIPTS.test(l)) {
                loc = l;
                break;
              }
              s2 = (r[t.stackTable.schema.prefix ?? 0] as number | null) ?? null;
            }
            const key = `${t.processType}/${(t as unknown as { processName?: string }).processName}/${(t as unknown as { pid?: string }).pid}/${(t as unknown as { "eTLD+1"?: string })["eTLD+1"]}: ${loc.slice(0, 40)}`;
            where.set(key, (where.get(key) ?? 0) + 1);
          }
        }
      }
    }
    for (const child of p.processes ?? []) visit(child);
  };
  visit(profile);
  if (process.env.DEBUG_COST) console.log([...where].sort((a, b) => b[1] - a[1]).slice(0, 15));
  return { samples, ms: samples * profile.meta.interval, total };
}

async function measure(
  siteOn: boolean,
  loads: number,
): Promise<{ samples: number; ms: number; total: number }> {
  const dir = mkdtempSync(join(tmpdir(), "termlens-ffprof-"));
  const out = join(dir, "profile.json");
  const env = {
    MOZ_PROFILER_STARTUP: "1",
    MOZ_PROFILER_STARTUP_INTERVAL: "1",
    MOZ_PROFILER_STARTUP_ENTRIES: "16000000",
    MOZ_PROFILER_STARTUP_FEATURES: "js,stackwalk",
    MOZ_PROFILER_STARTUP_FILTERS: "GeckoMain",
    MOZ_PROFILER_SHUTDOWN: out,
  };
  Object.assign(process.env, env);
  const server = await serve();
  const driver = await firefoxDriver();
  for (const k of Object.keys(env)) delete process.env[k];
  try {
    await driver.setStorage("sync", {
      siteSettings: { mode: "everywhere-except", paused: false, shards: siteOn ? 0 : 1 },
      siteSettings$: { v: 2 },
      ...(siteOn ? {} : { "siteRules.0": { "127.0.0.1": false } }),
    });
    // The registration follows the setting before the pages load.
    await driver.inExtension(
      `(async () => { for (let i = 0; i < 200; i++) { const s = await api.scripting.getRegisteredContentScripts(); if (s.length && s.some((r) => (r.excludeMatches ?? []).includes("*://127.0.0.1/*")) !== ${siteOn}) return; await new Promise((ok) => setTimeout(ok, 25)); } throw new Error("registration"); })()`,
    );
    // One tab, navigated: in Firefox the gate's registration (with
    // matchOriginAsFallback) also matches a script-opened tab's first
    // about:blank document, once per new tab; counted here once, in both runs.
    const page = await driver.newPage();
    for (let i = 0; i < loads; i++) {
      await page.goto(`${server.origin}/health-article.html?load=${i}`);
      if (siteOn)
        await page.waitFor(
          () => document.documentElement.getAttribute("data-termlens-scan") === "idle",
          undefined,
          10_000,
        );
      else await new Promise((ok) => setTimeout(ok, 1000));
    }
  } finally {
    await driver.close();
    await server.close();
  }
  // Firefox writes the profile as it shuts down: wait until it parses.
  let profile: GeckoProfile | null = null;
  for (let i = 0; i < 900 && !profile; i++) {
    try {
      if (existsSync(out)) profile = JSON.parse(readFileSync(out, "utf8")) as GeckoProfile;
    } catch {
      // Still being written.
    }
    if (!profile) await new Promise((ok) => setTimeout(ok, 100));
  }
  // Under load Firefox is sometimes ended before it has written it.
  if (!profile) throw new Error("Firefox wrote no profile before it was closed: run again");
  const result = ourSamples(profile);
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/** Under load Firefox is sometimes ended before its profile is written: up to three tries. */
async function measured(siteOn: boolean, loads: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(siteOn, loads);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("no profile")) throw error;
    }
  }
}

const loads = 3;
const off = await measured(false, loads);
const on = process.env.DEBUG_COST ? off : await measured(true, loads);
console.log(
  `Firefox, ${loads} loads of health-article.html, profiler samples (1 ms) in web content main threads:`,
);
console.log(`  site off: ${off.samples} samples with our code (${off.ms.toFixed(0)} ms CPU) of ${off.total}`);
console.log(`  site on:  ${on.samples} samples with our code (${on.ms.toFixed(0)} ms CPU) of ${on.total}`);
