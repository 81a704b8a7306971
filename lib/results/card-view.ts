// What the result card shows beyond the printed numbers, worked out from a
// row's parsed result: the number line and its words, the plain sentence, the
// unit and the flag spelled out. Computed where the readers are (the results
// script), so the card itself (components/ResultCard.tsx) only draws it.

import { flagExplanation, isCritical } from "./flag";
import { judgementSentence } from "./judge";
import { type NumberLine, numberLine } from "./number-line";
import type { LabResult } from "./types";
import { unitWords } from "./units";

export interface ResultView {
  line: NumberLine | null;
  /** The number line in words, for screen readers (and the tests). */
  lineText: string | null;
  /** One plain sentence judging the value against the printed range, when it can. */
  sentence: string | null;
  /** The unit in words ("millimoles per liter"), when known. */
  unitWords: string | null;
  /** The flag spelled out, when the page printed one. */
  flagText: string | null;
  critical: boolean;
}

/** The number line in words. */
export function describeLine(result: LabResult, line: NumberLine): string {
  const { range, value, judgement } = result;
  const low = range?.low?.text;
  const high = range?.high?.text;
  const span =
    low && high ? `runs from ${low} to ${high}` : low ? `starts at ${low} and goes up` : `goes up to ${high}`;
  const where =
    judgement === "none"
      ? "it cannot be placed clearly against the range"
      : `it is ${judgement} the range${line.offscale ? ", far beyond the edge of the line" : ""}`;
  return `Number line: the range this lab lists ${span}. Your value, ${value.text}, is marked; ${where}.`;
}

export function resultView(result: LabResult): ResultView {
  const line = numberLine(result.value, result.range);
  return {
    line,
    lineText: line && describeLine(result, line),
    sentence: judgementSentence(result.judgement),
    unitWords: result.unit ? unitWords(result.unit) : null,
    flagText: result.flag ? flagExplanation(result.flag) : null,
    critical: !!result.flag && isCritical(result.flag),
  };
}
