// What each tab holds: the terms every frame reported, and the badge that
// follows from it. Pure bookkeeping; the background feeds it events and
// passes a function that sets the badge.

export type Counts = Record<string, number>;

export interface TabSummary {
  /** Term id -> occurrences over all frames. */
  counts: Counts;
  /** Term id -> the frames holding it, top frame first, for "show me". */
  frames: Record<string, number[]>;
}

/** The badge for a tab: "off" on a switched-off site, else the distinct term count. */
export function badgeText(distinct: number, enabled: boolean): string {
  if (!enabled) return "off";
  if (distinct <= 0) return "";
  return distinct > 999 ? "999+" : String(distinct);
}

interface TabState {
  /** Site key of the top frame, when known. */
  site: string | null;
  frames: Map<number, Counts>;
}

export class TabTerms {
  private readonly tabs = new Map<number, TabState>();

  constructor(
    private readonly setBadge: (tabId: number, text: string) => void,
    private readonly isEnabled: (site: string) => boolean,
  ) {}

  private tab(tabId: number): TabState {
    let state = this.tabs.get(tabId);
    if (!state) {
      state = { site: null, frames: new Map() };
      this.tabs.set(tabId, state);
    }
    return state;
  }

  /** A frame's latest report replaces its earlier one. */
  report(tabId: number, frameId: number, counts: Counts): void {
    const state = this.tab(tabId);
    if (Object.keys(counts).length === 0) state.frames.delete(frameId);
    else state.frames.set(frameId, { ...counts });
    this.refresh(tabId);
  }

  /** The top frame's site decides "off"; null where Termlens never runs. */
  setSite(tabId: number, site: string | null): void {
    this.tab(tabId).site = site;
    this.refresh(tabId);
  }

  /** A new page in the tab: forget everything it held. */
  navigated(tabId: number): void {
    this.tabs.delete(tabId);
    this.setBadge(tabId, "");
  }

  removed(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** Settings changed: every known tab's badge may change. */
  refreshAll(): void {
    for (const tabId of this.tabs.keys()) this.refresh(tabId);
  }

  /** Plain data, for keeping across service-worker restarts. */
  snapshot(): Record<string, { site: string | null; frames: Record<string, Counts> }> {
    const out: Record<string, { site: string | null; frames: Record<string, Counts> }> = {};
    for (const [tabId, state] of this.tabs) {
      out[tabId] = { site: state.site, frames: Object.fromEntries(state.frames) };
    }
    return out;
  }

  /** Takes back a snapshot; anything malformed is skipped (it is only a cache). */
  restore(data: unknown): void {
    if (typeof data !== "object" || data === null) return;
    for (const [tabKey, value] of Object.entries(data)) {
      const tabId = Number(tabKey);
      const v = value as { site?: unknown; frames?: unknown };
      if (!Number.isInteger(tabId) || typeof v !== "object" || v === null) continue;
      if (typeof v.frames !== "object" || v.frames === null || this.tabs.has(tabId)) continue;
      const frames = new Map<number, Counts>();
      for (const [frameKey, counts] of Object.entries(v.frames)) {
        if (Number.isInteger(Number(frameKey)) && typeof counts === "object" && counts !== null)
          frames.set(Number(frameKey), counts as Counts);
      }
      this.tabs.set(tabId, { site: typeof v.site === "string" ? v.site : null, frames });
    }
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  summary(tabId: number): TabSummary {
    const counts: Counts = {};
    const frames: Record<string, number[]> = {};
    const state = this.tabs.get(tabId);
    if (!state) return { counts, frames };
    const frameIds = [...state.frames.keys()].sort((a, b) => a - b);
    for (const frameId of frameIds) {
      for (const [id, n] of Object.entries(state.frames.get(frameId) ?? {})) {
        counts[id] = (counts[id] ?? 0) + n;
        frames[id] = [...(frames[id] ?? []), frameId];
      }
    }
    return { counts, frames };
  }

  private refresh(tabId: number): void {
    const state = this.tabs.get(tabId);
    if (!state) return;
    const enabled = state.site === null || this.isEnabled(state.site);
    this.setBadge(tabId, badgeText(Object.keys(this.summary(tabId).counts).length, enabled));
  }
}
