// Lab results on a page: the pure parsers (value, unit, range, flag), the
// judgement against the printed range, the number line, and the row finder.
// Nothing here touches the extension APIs, stores or sends anything.

export { mayHoldResults } from "./candidate";
export { describeLine, type ResultView, resultView } from "./card-view";
export { parseValueCell } from "./cell";
export { type TextPiece, textMap } from "./dom-text";
export { findResultRows } from "./find-rows";
export { type Field, fields, readFixedWidth } from "./fixed-width";
export { flagExplanation, isCritical, parseFlag } from "./flag";
export type { FoundRow, RowLayout } from "./found-row";
export { headingKind } from "./headers";
export { judge, judgementSentence } from "./judge";
export { parseLabelledRange, parseValueWithRange } from "./labelled";
export { readNarrative } from "./narrative";
export { containerForBlock, type ResultContainer } from "./near-block";
export { type NumberLine, numberLine } from "./number-line";
export { parseRange } from "./range";
export { resultFromCells } from "./row";
export type * from "./types";
export { isKnownUnit, sameUnit, unitWords } from "./units";
export { parseValue } from "./value";
