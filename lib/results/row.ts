// A result from the texts of a row's cells, once the columns are known (a
// table, a grid of divs, a fixed-width report). Pure: texts in, result out.
// The name must look like a name, exactly one value cell must hold a value,
// and every word of the value cell must be the value, a unit or a flag.

import { parseValueCell } from "./cell";
import { parseFlag } from "./flag";
import { judge } from "./judge";
import { parseRange } from "./range";
import { hasLetter, wordCount } from "./text";
import type { LabResult, ParsedValueCell } from "./types";
import { parseValue } from "./value";

export interface RowCells {
  name: string;
  /** One or two value columns (In Range / Out Of Range); empty strings for empty cells. */
  values: readonly string[];
  range?: string;
  flag?: string;
  unit?: string;
}

export interface RowResult extends LabResult {
  /** Which of `values` held the value, and where in it. */
  valueIndex: number;
  cell: ParsedValueCell;
}

/** A test name: has a letter, is not itself a value or a flag, is short. */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80 || !hasLetter(t)) return false;
  // (Having a letter, it is not a line of dashes.)
  if (parseValue(t) || parseFlag(t)) return false;
  return wordCount(t) <= 8;
}

export function resultFromCells(cells: RowCells): RowResult | null {
  if (!looksLikeName(cells.name)) return null;
  let found: { cell: ParsedValueCell; index: number } | null = null;
  const values = cells.values;
  for (let index = 0; index < values.length; index++) {
    const text = values[index] as string;
    if (text.trim().length === 0) continue;
    if (found) return null; // two values: ambiguous
    const cell = parseValueCell(text);
    if (!cell) return null;
    found = { cell, index };
  }
  if (!found) return null;
  const { cell } = found;
  const flagText = cells.flag?.trim() ?? "";
  const columnFlag = flagText ? parseFlag(flagText) : null;
  if (flagText && !columnFlag && !/^(?:n|normal)$/i.test(flagText)) return null; // a flag we cannot read
  if (columnFlag && cell.flag && columnFlag.kind !== cell.flag.kind) return null;
  const unitText = cells.unit?.trim() ?? "";
  if (unitText && cell.unit && unitText !== cell.unit) return null;
  const unit = cell.unit ?? (unitText || null);
  const rangeText = cells.range?.trim() ?? "";
  const range = rangeText ? parseRange(rangeText) : null;
  return {
    value: cell.value,
    unit,
    range,
    flag: cell.flag ?? columnFlag,
    judgement: judge(cell.value, range, unit),
    valueIndex: found.index,
    cell,
  };
}
