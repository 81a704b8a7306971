// Regression: a page that mutates on every tick of a fast timer chain must
// not starve the watcher (found by the e2e mutation-storm page: no rescan
// at all during a 5 s storm). Timers here behave like the browser's: a
// nested timer is clamped to 4 ms, and timers due together run in order.

import { describe, expect, test, vi } from "vitest";
import { Watcher } from "../../entrypoints/content-script/watcher";
import { useWatcherTarget } from "./watcher-target";

describe("Watcher under a timer-chain storm", () => {
  const watched = useWatcherTarget();

  const clamped = {
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, Math.max(4, ms)) as unknown as number,
  };

  for (const [name, perTick] of [
    ["small batches (rescans of changed blocks)", 1],
    ["storm batches (throttled full rescans)", 30],
  ] as const) {
    test(`keeps following the page while it mutates every 4 ms: ${name}`, async () => {
      document.body.innerHTML = "<div id=feed></div>";
      const feed = document.getElementById("feed") as HTMLElement;
      const w = new Watcher(watched.target, clamped, {
        debounceMs: 60,
        maxWaitMs: 200,
        stormRecords: 1000,
        rescanEveryMs: 1000,
      });
      w.observe(document.body);
      let ticks = 0;
      const tick = () => {
        for (let i = 0; i < perTick; i++) {
          const p = document.createElement("p");
          p.textContent = `tick ${ticks}`;
          feed.prepend(p);
        }
        if (++ticks < 375) setTimeout(tick, 4); // 1.5 s
      };
      setTimeout(tick, 4);
      await vi.advanceTimersByTimeAsync(1500);
      const during = watched.calls.filter((c) => c.startsWith("rescan")).length;
      // At least one flush per maxWait (small batches) or per rescanEveryMs (storms).
      expect(during).toBeGreaterThanOrEqual(perTick === 1 ? 5 : 2);
      w.disconnect();
    });
  }
});
