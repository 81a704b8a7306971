// Column headings of result tables, grids and fixed-width reports, in any
// order: Component / Test, Your Value / Result, Standard Range / Reference
// Range / Reference Interval, Flag, Units. A heading must be one of these
// exactly (case, spacing and a trailing colon aside): "Test date" is not "Test".

import { headingKey, NAME_HEADINGS } from "./name-headings";
import { squeezeSpace } from "./text";

export { isNameHeading } from "./name-headings";

export type ColumnKind = "name" | "value" | "range" | "flag" | "unit";

const HEADINGS: Record<string, ColumnKind> = {
  ...Object.fromEntries(NAME_HEADINGS.map((h) => [h, "name" as const])),
  value: "value",
  "your value": "value",
  result: "value",
  results: "value",
  "your result": "value",
  "result value": "value",
  "observed value": "value",
  "in range": "value",
  "out of range": "value",
  "within range": "value",
  "outside range": "value",
  "standard range": "range",
  "reference range": "range",
  "reference interval": "range",
  "reference intervals": "range",
  "reference ranges": "range",
  "ref range": "range",
  "ref. range": "range",
  "ref interval": "range",
  "normal range": "range",
  "normal ranges": "range",
  "normal values": "range",
  "reference values": "range",
  range: "range",
  flag: "flag",
  flags: "flag",
  "abnormal flag": "flag",
  "abn flag": "flag",
  abnormal: "flag",
  "h/l": "flag",
  units: "unit",
  unit: "unit",
  uom: "unit",
};

export function headingKind(text: string): ColumnKind | null {
  const key = headingKey(text, squeezeSpace);
  // Own keys only: "constructor" is no heading.
  return Object.hasOwn(HEADINGS, key) ? (HEADINGS[key] as ColumnKind) : null;
}

/**
 * Kinds of a row of headings, or null when it is not a result header:
 * one name column and at least one value column are needed; empty or
 * unknown headings (Comment, Lab) are allowed and ignored.
 */
export function headerKinds(cells: readonly string[]): (ColumnKind | null)[] | null {
  const kinds = cells.map(headingKind);
  const names = kinds.filter((k) => k === "name").length;
  const values = kinds.filter((k) => k === "value").length;
  if (names !== 1 || values < 1 || values > 2) return null;
  for (const k of ["range", "flag", "unit"] as const)
    if (kinds.filter((x) => x === k).length > 1) return null;
  return kinds;
}
