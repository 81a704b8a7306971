// Where a value sits against the range the lab printed. Only the printed
// range counts: no range, no judgement. A value printed with a comparator
// ("<0.1") is judged only when every number it allows falls on the same
// side. Units are never converted: when the value and the range name
// different units, there is no judgement.

import type { Judgement, ParsedRange, ParsedValue, RangeEnd } from "./types";
import { sameUnit } from "./units";

/** The set of numbers the printed value allows, as an interval. */
function interval(v: ParsedValue): { lo: number; loIn: boolean; hi: number; hiIn: boolean } {
  switch (v.comparator) {
    case "<":
      return { lo: -Infinity, loIn: false, hi: v.number, hiIn: false };
    case "<=":
      return { lo: -Infinity, loIn: false, hi: v.number, hiIn: true };
    case ">":
      return { lo: v.number, loIn: false, hi: Infinity, hiIn: false };
    case ">=":
      return { lo: v.number, loIn: true, hi: Infinity, hiIn: true };
    default:
      return { lo: v.number, loIn: true, hi: v.number, hiIn: true };
  }
}

/** Every allowed number is below the range's low end. */
function allBelow(iv: ReturnType<typeof interval>, low: RangeEnd): boolean {
  return iv.hi < low.value || (iv.hi === low.value && (!iv.hiIn || !low.inclusive));
}

/** Every allowed number is above the range's high end. */
function allAbove(iv: ReturnType<typeof interval>, high: RangeEnd): boolean {
  return iv.lo > high.value || (iv.lo === high.value && (!iv.loIn || !high.inclusive));
}

/** Every allowed number is at or above the low end (so not below it). */
function notBelow(iv: ReturnType<typeof interval>, low: RangeEnd | null): boolean {
  if (!low) return true;
  return iv.lo > low.value || (iv.lo === low.value && (low.inclusive || !iv.loIn));
}

function notAbove(iv: ReturnType<typeof interval>, high: RangeEnd | null): boolean {
  if (!high) return true;
  return iv.hi < high.value || (iv.hi === high.value && (high.inclusive || !iv.hiIn));
}

export function judge(
  value: ParsedValue,
  range: ParsedRange | null,
  valueUnit: string | null = null,
): Judgement {
  if (!range || (!range.low && !range.high)) return "none";
  if (valueUnit && range.unit && !sameUnit(valueUnit, range.unit)) return "none";
  const iv = interval(value);
  if (range.low && allBelow(iv, range.low)) return "below";
  if (range.high && allAbove(iv, range.high)) return "above";
  if (notBelow(iv, range.low) && notAbove(iv, range.high)) return "within";
  return "none";
}

const SENTENCES: Record<Exclude<Judgement, "none">, string> = {
  above: "Your value is above the range this lab lists.",
  below: "Your value is below the range this lab lists.",
  within: "Your value is within the range this lab lists.",
};

/** The plain sentence for the card, or null when there is no judgement. */
export function judgementSentence(j: Judgement): string | null {
  return j === "none" ? null : SENTENCES[j];
}
