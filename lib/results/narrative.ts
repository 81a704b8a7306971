// Results written as running text by an EHR: "Serum creatinine value : 122
// umol/L (High) Reference range : Low High 64 104". The test's name is the
// text before "value :" on its line, or the line before when that is empty;
// a value and a printed range are both required (narratives have no column
// headings to vouch for a row, so without a range the text is left alone).

import { judge } from "./judge";
import { type LabelledRange, parseValueWithRange } from "./labelled";
import { looksLikeName } from "./row";
import { isSpaceCode } from "./text";
import type { LabResult } from "./types";

export interface NarrativeResult {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  range: LabelledRange;
  result: LabResult;
}

const VALUE_LABEL = /\b(?:value|result)\s*:\s*/gi;

function trimmed(text: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Results in a text whose lines are separated by "\n". */
export function readNarrative(text: string): NarrativeResult[] {
  const out: NarrativeResult[] = [];
  // Finds the label after each one (its own lastIndex, apart from the loop's).
  const next = new RegExp(VALUE_LABEL.source, "gi");
  for (const m of text.matchAll(VALUE_LABEL)) {
    const at = m.index;
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    let [nameStart, nameEnd] = trimmed(text, lineStart, at);
    if (nameStart === nameEnd && lineStart > 0) {
      const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
      [nameStart, nameEnd] = trimmed(text, prevStart, lineStart - 1);
    }
    if (!looksLikeName(text.slice(nameStart, nameEnd))) continue;
    // The value and range run to the next result: its "value :", or the line holding its name.
    const from = at + m[0].length;
    next.lastIndex = from;
    const after = next.exec(text);
    let to = text.length;
    if (after) {
      const nextLine = text.lastIndexOf("\n", after.index - 1) + 1;
      to = Math.max(from, nextLine > from ? nextLine - 1 : after.index);
      if (nextLine > from && text.slice(nextLine, after.index).trim() === "") {
        to = Math.max(from, text.lastIndexOf("\n", nextLine - 2));
      }
    }
    const segment = text.slice(from, to).replace(/\n/g, " ");
    const parsed = parseValueWithRange(segment);
    if (!parsed?.range) continue;
    const { cell, range } = parsed;
    out.push({
      nameStart,
      nameEnd,
      valueStart: from + cell.valueStart,
      valueEnd: from + cell.valueEnd,
      range: { ...range, start: from + range.start, end: from + range.end },
      result: {
        value: cell.value,
        unit: cell.unit,
        range: range.range,
        flag: cell.flag,
        judgement: judge(cell.value, range.range, cell.unit),
      },
    });
  }
  return out;
}
