// Chrome trace helpers for the page benchmark: record a page load with the
// DevTools timeline categories, then find the renderer tasks that ran our
// code on a renderer main thread and add up their time. A task counts as ours when it holds a marker of
// our scripts (the gate, the injected index, the content script): their
// evaluation or compile (by URL, chrome-extension://<id>/...), a call into our
// isolated world (by world name) or a FunctionCall in our scripts (by URL).
// The whole task is counted (wall time `dur`, thread CPU time `tdur`), so
// this is an upper bound: a microtask checkpoint shared with the page is
// counted in full. Nothing of ours is written to the page's timeline: the
// trace is the only clock.

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
  "__metadata",
];

/** Enough to find a task marked by console.timeStamp and its CPU time. */
export const LIGHT_CATEGORIES = ["toplevel", "devtools.timeline", "__metadata"];

export async function startTrace(
  cdp: CDPSession,
  categories: readonly string[] = TRACE_CATEGORIES,
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    for (const ev of e.value) events.push(ev as TraceEvent);
  };
  cdp.on("Tracing.dataCollected", onData);
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: [...categories], recordMode: "recordAsMuchAsPossible" },
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
  /** Evaluations of each of our scripts, by path ("/content-script.js": one per frame it ran in). */
  evals: Map<string, number>;
  /** CPU time of the tasks that evaluated any of our scripts (ms). */
  evalCpuMs: number;
}

function urlOf(e: TraceEvent): string {
  const data = e.args?.data;
  if (typeof data?.url === "string") return data.url;
  return typeof e.args?.fileName === "string" ? e.args.fileName : "";
}

function isOurs(e: TraceEvent, origin: string, world: string): boolean {
  if (urlOf(e).startsWith(origin)) return true;
  return e.args?.worldName === world && (e.name === "v8.callFunction" || e.name === "v8.run");
}

/**
 * Top-level tasks (RunTask) per renderer main thread, sorted by start. Other
 * threads (the extension's service worker, compositors) are not the page's.
 */
function tasksByThread(events: readonly TraceEvent[]): Map<string, TraceEvent[]> {
  const mainThreads = new Set<string>();
  for (const e of events) {
    if (e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain") {
      mainThreads.add(`${e.pid}:${e.tid}`);
    }
  }
  // "RunTask" comes with the devtools timeline categories; without them, the
  // scheduler's own event marks the same tasks.
  const name = events.some((e) => e.name === "RunTask") ? "RunTask" : "ThreadControllerImpl::RunTask";
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.name !== name || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  for (const list of byThread.values()) list.sort((a, b) => a.ts - b.ts);
  return byThread;
}

/**
 * Our tasks in a trace. `origin` is chrome-extension://<id>, `world` the
 * extension's name (Chrome names the content scripts' isolated world after it).
 */
export function ourTasks(events: readonly TraceEvent[], origin: string, world: string): OurTasks {
  const byThread = tasksByThread(events);
  const hit = new Set<TraceEvent>();
  const evalTasks = new Set<TraceEvent>();
  const evals = new Map<string, number>();
  for (const e of events) {
    if (!isOurs(e, origin, world)) continue;
    const isEval = e.name === "EvaluateScript";
    if (isEval) {
      const path = urlOf(e).slice(origin.length);
      evals.set(path, (evals.get(path) ?? 0) + 1);
    }
    const task = containing(byThread.get(`${e.pid}:${e.tid}`) ?? [], e.ts);
    if (!task) continue;
    hit.add(task);
    if (isEval) evalTasks.add(task);
  }
  let cpuMs = 0;
  let wallMs = 0;
  let longestMs = 0;
  let longestCpuMs = 0;
  let evalCpuMs = 0;
  for (const t of hit) {
    const wall = (t.dur ?? 0) / 1000;
    const cpu = cpuOf(t);
    cpuMs += cpu;
    wallMs += wall;
    longestMs = Math.max(longestMs, wall);
    longestCpuMs = Math.max(longestCpuMs, cpu);
    if (evalTasks.has(t)) evalCpuMs += cpu;
  }
  return { count: hit.size, cpuMs, wallMs, longestMs, longestCpuMs, evalCpuMs, evals };
}

/** A task's thread CPU time (ms), its wall time when the trace has none. */
export function cpuOf(task: TraceEvent): number {
  return (task.tdur ?? task.dur ?? 0) / 1000;
}

/** The top-level task that holds the first event `pick` selects, if any. */
export function taskOf(
  events: readonly TraceEvent[],
  pick: (e: TraceEvent) => boolean,
): TraceEvent | undefined {
  const e = events.find(pick);
  return e ? containing(tasksByThread(events).get(`${e.pid}:${e.tid}`) ?? [], e.ts) : undefined;
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
