import { render } from "preact";
import { pageApi } from "../../lib/page-api";
import { ReaderController } from "./controller";
import { ReaderExplainer } from "./explain";
import { ReaderApp } from "./ReaderApp";

const pages = document.getElementById("pages") as HTMLElement;
const api = pageApi();
let reader: ReaderController | null = null;
const explainer = api ? new ReaderExplainer(api, () => reader?.checkIdle()) : null;
reader = new ReaderController(pages, {
  textLayer: (view) => explainer?.scan(view.textLayerEl),
  closed: () => explainer?.reset(),
  busy: () => explainer?.busy ?? false,
});
const shown = reader;
// Figures of our own work for tests and the benchmark (our page: nothing to hide from it).
shown.onIdle(() => {
  if (!explainer) return;
  const root = document.documentElement.dataset;
  const { slices, firstHighlightAt } = explainer.stats;
  root.readerLongestSlice = Math.max(0, ...slices).toFixed(1);
  const sorted = [...slices].sort((a, b) => a - b);
  root.readerSliceP95 = (sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1);
  root.readerSlices = String(slices.length);
  if (firstHighlightAt !== null) root.readerFirstHighlight = firstHighlightAt.toFixed(0);
  root.readerTerms = String(explainer.size);
  root.readerIdleAt = performance.now().toFixed(0);
});
render(<ReaderApp reader={shown} />, document.getElementById("app") as HTMLElement);
void explainer?.start().finally(() => shown.openFromLocation());
if (!explainer) shown.openFromLocation();

let resizeTimer = 0;
addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => shown.resized(), 150);
});
