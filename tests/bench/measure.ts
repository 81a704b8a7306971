// Timing and heap helpers for the benchmark (Node only).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gcFn = runInNewContext("gc") as () => void;

export function gc(): void {
  gcFn();
  gcFn();
}

/** Heap plus typed-array backing stores, which heapUsed alone does not count. */
export function memoryNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * CPU milliseconds (user + system) of the process: other jobs on a shared
 * machine stretch wall time but not this, so ratios stay comparable.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median CPU milliseconds of `runs` calls after `warmup` untimed ones. */
export function timeMs(fn: () => void, runs: number, warmup = 1): number {
  return interleaved([fn], runs, warmup)[0] as number;
}

/**
 * Median CPU milliseconds of each function, run in turns (one call of each per
 * round) so that a busy period of the machine weighs on all of them alike.
 */
export function interleaved(fns: readonly (() => void)[], runs: number, warmup = 2): number[] {
  const times = fns.map(() => [] as number[]);
  for (let r = 0; r < warmup + runs; r++) {
    fns.forEach((fn, k) => {
      const t0 = cpuMs();
      fn();
      if (r >= warmup) times[k]?.push(cpuMs() - t0);
    });
  }
  return times.map(median);
}

/**
 * Median CPU milliseconds of each function, measured in its steady state: in
 * each of `rounds` rounds every function runs once untimed, then `runs` times
 * timed, back to back (warm caches, as a matcher working through a page has
 * them); the functions take turns round by round, so a busy spell of the
 * machine weighs on all of them alike. A full collection before each turn
 * leaves each function its own garbage only.
 */
export function warmTurns(fns: readonly (() => void)[], rounds: number, runs: number): number[] {
  const times = fns.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      gc();
      fn();
      for (let i = 0; i < runs; i++) {
        const t0 = cpuMs();
        fn();
        times[k]?.push(cpuMs() - t0);
      }
    });
  }
  return times.map(median);
}
