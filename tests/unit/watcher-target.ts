// The watcher's target for unit tests (content-pure, watcher-storm): every
// call noted in order, under fake timers.

import { afterEach, beforeEach, vi } from "vitest";
import type { WatcherTarget } from "../../entrypoints/content-script/watcher";

export interface WatchedCalls {
  /** "pruned", "rescan <root ids or node names>", "rescanAll", in order. */
  readonly calls: string[];
  /** Our tooltip host (TERMLENS-TOOLTIP) is ours; nothing else is. */
  readonly target: WatcherTarget;
}

/** Before each test of the enclosing suite: fake timers and a fresh target; real timers after. */
export function useWatcherTarget(): WatchedCalls {
  const state: { calls: string[]; target: WatcherTarget } = {
    calls: [],
    target: { pruned() {}, rescan() {}, rescanAll() {}, isOurs: () => false },
  };
  beforeEach(() => {
    vi.useFakeTimers();
    const calls: string[] = [];
    state.calls = calls;
    state.target = {
      pruned: () => calls.push("pruned"),
      rescan: (roots) => calls.push(`rescan ${roots.map((r) => (r as Element).id || r.nodeName).join(",")}`),
      rescanAll: () => calls.push("rescanAll"),
      isOurs: (n) => n.nodeName === "TERMLENS-TOOLTIP",
    };
  });
  afterEach(() => vi.useRealTimers());
  return state;
}
