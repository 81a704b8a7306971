// What the row finder reports for each recognized result row.

import type { TextPiece } from "./dom-text";
import type { LabResult } from "./types";

export type RowLayout = "table" | "grid" | "pre" | "dl" | "narrative";

export interface FoundRow {
  layout: RowLayout;
  /** The test's name as printed. */
  name: string;
  /** The text-node pieces of the name, and of the value (with its unit). */
  nameText: TextPiece[];
  valueText: TextPiece[];
  result: LabResult;
}

export function textOfPieces(pieces: readonly TextPiece[]): string {
  return pieces.map((p) => p.node.data.slice(p.start, p.end)).join("");
}
