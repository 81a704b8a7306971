// Picks the tooltip theme that fits the page under the term: a dark card on
// dark pages, a light one on light pages. Read only when a tooltip opens.

export type Theme = "light" | "dark";
export type ThemeSetting = Theme | "auto";

/** Parses "rgb(r, g, b)" / "rgba(r, g, b, a)"; null when transparent or unknown. */
export function parseColor(css: string): [number, number, number] | null {
  const m = css.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith("%") ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.5) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function themeFor(
  setting: ThemeSetting,
  background: [number, number, number] | null,
  prefersDark: boolean,
): Theme {
  if (setting !== "auto") return setting;
  if (!background) return prefersDark ? "dark" : "light";
  return luminance(background) < 0.25 ? "dark" : "light";
}

/** The first opaque background color behind `el`, walking up (and out of shadow roots). */
export function backgroundBehind(el: Element | null): [number, number, number] | null {
  for (let node: Element | null = el; node; ) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color) return color;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : (parent as Element | null);
    if (node && node.nodeType !== Node.ELEMENT_NODE) node = null;
  }
  return null;
}
