// Result rows in text: fixed-width reports in <pre>, definition lists
// (<dt>name</dt><dd>value (range)</dd>), and EHR narratives ("value : …
// Reference range : …"). Each reads an element's text map and hands the
// text to the pure readers, then maps offsets back to text nodes.

import { piecesOf, type TextMap, textMap, trimmedPieces } from "./dom-text";
import { readFixedWidth } from "./fixed-width";
import type { FoundRow } from "./found-row";
import { judge } from "./judge";
import { parseLabelledRange, parseValueWithRange } from "./labelled";
import { readNarrative } from "./narrative";
import { looksLikeName } from "./row";
import { squeezeSpace } from "./text";

export function readPre(pre: Element): FoundRow[] {
  const map = textMap(pre);
  const lines = map.text.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return readFixedWidth(lines).map((r) => {
    const base = starts[r.line] ?? 0;
    const { value, unit, range, flag, judgement } = r.result;
    return {
      layout: "pre" as const,
      name: r.name.text,
      nameText: piecesOf(map, base + r.name.start, base + r.name.end),
      valueText: piecesOf(map, base + r.valueStart, base + r.valueEnd),
      result: { value, unit, range, flag, judgement },
    };
  });
}

/** Groups of a dl: each <dt> with the <dd>s after it (also inside <div> wrappers). */
function dlGroups(dl: Element): { dt: Element; dds: Element[] }[] {
  const items: Element[] = [];
  for (const c of dl.children) {
    if (c.tagName === "DIV") items.push(...c.children);
    else items.push(c);
  }
  const groups: { dt: Element; dds: Element[] }[] = [];
  for (const el of items) {
    if (el.tagName === "DT") groups.push({ dt: el, dds: [] });
    else if (el.tagName === "DD") groups[groups.length - 1]?.dds.push(el);
  }
  return groups;
}

export function readDl(dl: Element): FoundRow[] {
  const out: FoundRow[] = [];
  for (const { dt, dds } of dlGroups(dl)) {
    const name = squeezeSpace(dt.textContent ?? "");
    const first = dds[0];
    if (!first || !looksLikeName(name)) continue;
    const map = textMap(first);
    const parsed = parseValueWithRange(map.text);
    if (!parsed) continue;
    let range = parsed.range?.range ?? null;
    const second = dds[1];
    if (!range && second) range = parseLabelledRange(textMap(second).text)?.range ?? null;
    const { cell } = parsed;
    // No headings vouch for a dl: a value counts only with a printed range or flag.
    if (!range && !cell.flag) continue;
    out.push({
      layout: "dl",
      name,
      nameText: trimmedPieces(textMap(dt)),
      valueText: piecesOf(map, cell.valueStart, cell.valueEnd),
      result: {
        value: cell.value,
        unit: cell.unit,
        range,
        flag: cell.flag,
        judgement: judge(cell.value, range, cell.unit),
      },
    });
  }
  return out;
}

export function readNarrativeBlock(block: Element, map: TextMap = textMap(block)): FoundRow[] {
  return readNarrative(map.text).map((r) => ({
    layout: "narrative" as const,
    name: map.text.slice(r.nameStart, r.nameEnd),
    nameText: piecesOf(map, r.nameStart, r.nameEnd),
    valueText: piecesOf(map, r.valueStart, r.valueEnd),
    result: r.result,
  }));
}
