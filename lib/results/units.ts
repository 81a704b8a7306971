// Units as lab reports print them, spelled out in words for the card. The
// table is the only source: a unit not in it is shown as printed, without
// words. Units are never converted.

import { isSpaceCode } from "./text";

const WORDS: Record<string, string> = {
  "mg/dl": "milligrams per deciliter",
  "g/dl": "grams per deciliter",
  "ng/dl": "nanograms per deciliter",
  "ug/dl": "micrograms per deciliter",
  "mcg/dl": "micrograms per deciliter",
  "g/l": "grams per liter",
  "mg/l": "milligrams per liter",
  "ug/l": "micrograms per liter",
  "mcg/l": "micrograms per liter",
  "ng/l": "nanograms per liter",
  "ng/ml": "nanograms per milliliter",
  "pg/ml": "picograms per milliliter",
  "ug/ml": "micrograms per milliliter",
  "mcg/ml": "micrograms per milliliter",
  "mmol/l": "millimoles per liter",
  "umol/l": "micromoles per liter",
  "nmol/l": "nanomoles per liter",
  "pmol/l": "picomoles per liter",
  "mmol/mol": "millimoles per mole",
  "meq/l": "milliequivalents per liter",
  "mosm/kg": "milliosmoles per kilogram",
  "u/l": "units per liter",
  "iu/l": "international units per liter",
  "u/ml": "units per milliliter",
  "iu/ml": "international units per milliliter",
  "ku/l": "kilounits per liter",
  "mu/l": "milliunits per liter",
  "miu/l": "milli-international units per liter",
  "miu/ml": "milli-international units per milliliter",
  "uiu/ml": "micro-international units per milliliter",
  "uu/ml": "microunits per milliliter",
  "%": "percent",
  "10^3/ul": "thousands per microliter",
  "k/ul": "thousands per microliter",
  "10^6/ul": "millions per microliter",
  "m/ul": "millions per microliter",
  "10^9/l": "billions per liter",
  "10^12/l": "trillions per liter",
  "cells/ul": "cells per microliter",
  "/ul": "per microliter",
  "/hpf": "per high-power field",
  "/lpf": "per low-power field",
  fl: "femtoliters",
  pg: "picograms",
  mg: "milligrams",
  g: "grams",
  "mg/g": "milligrams per gram",
  "mg/24h": "milligrams per 24 hours",
  "ml/min/1.73m2": "milliliters per minute per 1.73 square meters of body surface",
  "ml/min": "milliliters per minute",
  "mm/hr": "millimeters per hour",
  "mm/h": "millimeters per hour",
  mmhg: "millimeters of mercury",
  sec: "seconds",
  secs: "seconds",
  seconds: "seconds",
  s: "seconds",
  ratio: "ratio",
  index: "index",
};

// Pages repeat the same few units on every row: keys are remembered (bounded).
const keys = new Map<string, string>();

/** A printed unit reduced to the table's key: case, micro signs, spaces and 10^n spellings folded. */
export function unitKey(printed: string): string {
  let k = keys.get(printed);
  if (k === undefined) {
    k = foldUnit(printed);
    if (keys.size > 500) keys.clear();
    keys.set(printed, k);
  }
  return k;
}

function foldUnit(printed: string): string {
  let k = printed.trim().toLowerCase();
  // Each replacement runs only when its text can be there (most units are plain ASCII).
  if (!isAscii(k)) {
    k = k
      .replace(/[µμ]/g, "u")
      .replace(/×/g, "x")
      .replace(/³/g, "^3")
      .replace(/⁶/g, "^6")
      .replace(/⁹/g, "^9")
      .replace(/²/g, "2");
  }
  if (hasSpace(k)) k = k.replace(/\s+/g, "");
  if (k.includes("mcl")) k = k.replace(/mcl\b/g, "ul");
  // x10^3/uL, x10E3/uL, 10*3/uL, x10(3)/uL all mean 10^3/uL.
  if (k.startsWith("10") || k.startsWith("x10")) k = k.replace(/^x?10(?:\^|e|\*\*?|\()(\d+)\)?/, "10^$1");
  // mL/min/{1.73_m2}, mL/min/1.73 m2, mL/min/1.73sq.m
  if (k.startsWith("ml/min/")) k = k.replace(/^ml\/min\/\{?1\.73_?(?:m2|sq\.?m)\}?$/, "ml/min/1.73m2");
  if (k === "secs." || k === "sec.") k = "sec";
  return k;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

/** The unit in words ("milligrams per deciliter"), or null when the table does not have it. */
export function unitWords(printed: string): string | null {
  return WORDS[unitKey(printed)] ?? null;
}

/** Whether a printed token is a unit we know. */
export function isKnownUnit(printed: string): boolean {
  return unitKey(printed) in WORDS;
}

/** Whether two printed units are the same unit (for "never compare across units"). */
export function sameUnit(a: string, b: string): boolean {
  const ka = unitKey(a);
  const kb = unitKey(b);
  if (ka === kb) return true;
  const wa = WORDS[ka];
  return wa !== undefined && wa === WORDS[kb];
}
