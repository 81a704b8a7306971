// Chrome trace helpers for the page benchmark: record a page load with the
// DevTools timeline categories, then find the renderer tasks that ran our
// content script and add up their time. A task counts as ours when it holds a
// marker of our script: its evaluation or compile (by URL), a call into our
// isolated world (by world name), a FunctionCall in our script (by URL) or one
// of our `termlens:scan` user-timing measures. The whole task is counted
// (wall time `dur`, thread CPU time `tdur`), so this is an upper bound: a
// microtask checkpoint shared with the page is counted in full.

import type { CDPSession } from "playwright-core";

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

export const TRACE_CATEGORIES = [
  "toplevel",
  "disabled-by-default-devtools.timeline",
  "devtools.timeline",
  "v8",
  "v8.execute",
  "blink.user_timing",
  "__metadata",
];

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    for (const ev of e.value) events.push(ev as TraceEvent);
  };
  cdp.on("Tracing.dataCollected", onData);
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: "recordAsMuchAsPossible" },
    transferMode: "ReportEvents",
  });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
    await cdp.send("Tracing.end");
    await complete;
    cdp.off("Tracing.dataCollected", onData);
    return events;
  };
}

export interface OurTasks {
  /** Tasks holding any of our work. */
  count: number;
  /** Sum of their thread CPU time (ms). */
  cpuMs: number;
  /** Sum of their wall time (ms). */
  wallMs: number;
  /** The longest of them, wall time (ms). */
  longestMs: number;
  /** The longest of them by thread CPU time (ms): robust when the machine is busy. */
  longestCpuMs: number;
  /** Evaluations of our script (one per frame it ran in). */
  evals: number;
  /** CPU time of our script's evaluation tasks alone (ms). */
  evalCpuMs: number;
}

function isOurs(e: TraceEvent, origin: string, world: string): boolean {
  const data = e.args?.data;
  const url = typeof data?.url === "string" ? data.url : "";
  const file = typeof e.args?.fileName === "string" ? (e.args.fileName as string) : "";
  if (url.startsWith(origin) || file.startsWith(origin)) return true;
  if (e.args?.worldName === world && (e.name === "v8.callFunction" || e.name === "v8.run")) return true;
  return e.name === "termlens:scan" && (e.ph === "b" || e.ph === "B" || e.ph === "X");
}

/**
 * Our tasks in a trace. `origin` is chrome-extension://<id>, `world` the
 * extension's name (Chrome names the content scripts' isolated world after it).
 */
export function ourTasks(events: readonly TraceEvent[], origin: string, world: string): OurTasks {
  const tasksByThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.name !== "RunTask" || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = tasksByThread.get(key);
    if (list) list.push(e);
    else tasksByThread.set(key, [e]);
  }
  for (const list of tasksByThread.values()) list.sort((a, b) => a.ts - b.ts);
  const hit = new Set<TraceEvent>();
  const evalTasks = new Set<TraceEvent>();
  let evals = 0;
  for (const e of events) {
    if (!isOurs(e, origin, world)) continue;
    if (e.name === "EvaluateScript") evals++;
    // User-timing events are async ("b"/"e") and may carry another tid: match on pid and time.
    const candidates =
      e.cat === "blink.user_timing"
        ? [...tasksByThread.entries()].filter(([k]) => k.startsWith(`${e.pid}:`)).map(([, v]) => v)
        : [tasksByThread.get(`${e.pid}:${e.tid}`) ?? []];
    for (const list of candidates) {
      const task = containing(list, e.ts);
      if (!task) continue;
      hit.add(task);
      if (e.name === "EvaluateScript") evalTasks.add(task);
    }
  }
  let cpuMs = 0;
  let wallMs = 0;
  let longestMs = 0;
  let longestCpuMs = 0;
  let evalCpuMs = 0;
  for (const t of hit) {
    const wall = (t.dur ?? 0) / 1000;
    const cpu = (t.tdur ?? t.dur ?? 0) / 1000;
    cpuMs += cpu;
    wallMs += wall;
    longestMs = Math.max(longestMs, wall);
    longestCpuMs = Math.max(longestCpuMs, cpu);
    if (evalTasks.has(t)) evalCpuMs += cpu;
  }
  return { count: hit.size, cpuMs, wallMs, longestMs, longestCpuMs, evalCpuMs, evals };
}

/** The task (sorted by start) whose span holds `ts`, if any. */
function containing(tasks: readonly TraceEvent[], ts: number): TraceEvent | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tasks[mid] as TraceEvent).ts <= ts) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Tasks do not overlap on one thread, except a task nested in another (a
  // nested run loop): step back a little and keep the outermost.
  let found: TraceEvent | undefined;
  for (let i = best; i >= 0 && i >= best - 3; i--) {
    const t = tasks[i] as TraceEvent;
    if (t.ts <= ts && ts <= t.ts + (t.dur ?? 0)) found = t;
  }
  return found;
}
