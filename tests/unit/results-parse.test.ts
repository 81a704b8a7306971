// The text parsers of lib/results, table by table.

import { describe, expect, test } from "vitest";
import {
  flagExplanation,
  judge,
  judgementSentence,
  parseFlag,
  parseRange,
  parseValue,
  parseValueCell,
  unitWords,
} from "../../lib/results";
import { headingKind, isNameHeading } from "../../lib/results/headers";
import { parseValueWithRange } from "../../lib/results/labelled";

describe("parseValue", () => {
  test.each<[string, number | null, string | null]>([
    ["7.1", 7.1, null],
    ["140", 140, null],
    ["1,204", 1204, null],
    ["12,345.6", 12345.6, null],
    [".5", 0.5, null],
    ["-2.1", -2.1, null],
    ["−2.1", -2.1, null],
    ["<0.01", 0.01, "<"],
    ["< 0.01", 0.01, "<"],
    ["> 90", 90, ">"],
    [">=60", 60, ">="],
    ["≤5", 5, "<="],
    ["> OR = 60", 60, ">="],
    ["1,5", null, null],
    ["1,2345", null, null],
    ["11/20/2026", null, null],
    ["555-201-4437", null, null],
    ["W2611200342", null, null],
    ["Pending", null, null],
    ["", null, null],
    ["7.1.2", null, null],
    ["2 of 3", null, null],
  ])("%j", (text, number, comparator) => {
    const v = parseValue(text);
    if (number === null) expect(v).toBeNull();
    else expect(v).toEqual({ text: text.trim(), number, comparator });
  });
});

describe("parseRange", () => {
  type Ends = [number | null, boolean | null, number | null, boolean | null, string | null];
  test.each<[string, Ends | null]>([
    ["2.5 - 4.5", [2.5, true, 4.5, true, null]],
    ["2.5-4.5", [2.5, true, 4.5, true, null]],
    ["2.5–4.5 mg/dL", [2.5, true, 4.5, true, "mg/dL"]],
    ["2.5 — 4.5", [2.5, true, 4.5, true, null]],
    ["0.0 to 1.2", [0, true, 1.2, true, null]],
    ["1,000 - 4,000 /uL", [1000, true, 4000, true, "/uL"]],
    ["4.0 - 10.5 x10^3/uL", [4, true, 10.5, true, "x10^3/uL"]],
    ["4.0 - 10.5 x 10^3/uL", [4, true, 10.5, true, "x 10^3/uL"]],
    ["<150", [null, null, 150, false, null]],
    ["< 5.0", [null, null, 5, false, null]],
    ["<=200 mg/dL", [null, null, 200, true, "mg/dL"]],
    [">=60", [60, true, null, null, null]],
    ["> OR = 60", [60, true, null, null, null]],
    ["< OR = 5", [null, null, 5, true, null]],
    [">39", [39, false, null, null, null]],
    ["≥ 60 mL/min/1.73m2", [60, true, null, null, "mL/min/1.73m2"]],
    ["Less than 5", [null, null, 5, false, null]],
    ["Low 64 High 104", [64, true, 104, true, null]],
    ["Low High 64 104", [64, true, 104, true, null]],
    ["Low: 64 High: 104 umol/L", [64, true, 104, true, "umol/L"]],
    ["-2 - 2", [-2, true, 2, true, null]],
    ["4.5 - 2.5", null],
    ["Negative", null],
    ["See note", null],
    ["", null],
    ["11/20/2026", null],
    ["555-201-4437", null],
    ["26-324-0087", null],
    ["2.5 - 4.5 twice daily", null],
    ["Page 2 of 3", null],
  ])("%j", (text, ends) => {
    const r = parseRange(text);
    if (!ends) return expect(r).toBeNull();
    const [lo, loIn, hi, hiIn, unit] = ends;
    expect(r?.low ? { value: r.low.value, inclusive: r.low.inclusive } : null).toEqual(
      lo === null ? null : { value: lo, inclusive: loIn },
    );
    expect(r?.high ? { value: r.high.value, inclusive: r.high.inclusive } : null).toEqual(
      hi === null ? null : { value: hi, inclusive: hiIn },
    );
    expect(r?.unit).toBe(unit);
    expect(r?.text).toBe(text);
  });
});

describe("parseFlag", () => {
  test.each<[string, string | null]>([
    ["H", "high"],
    ["(H)", "high"],
    ["[L]", "low"],
    ["High", "high"],
    ["LOW", "low"],
    ["HH", "critical-high"],
    ["LL", "critical-low"],
    ["Critical High", "critical-high"],
    ["Critical", "critical"],
    ["A", "abnormal"],
    ["Abnormal", "abnormal"],
    ["*", "marked"],
    ["h", null],
    ["a", null],
    ["Normal", null],
    ["-", null],
    ["HHH", null],
    ["", null],
  ])("%j", (text, kind) => {
    expect(parseFlag(text)?.kind ?? null).toBe(kind);
  });

  test("explanations say what the lab marked, and critical ones only to follow instructions", () => {
    expect(flagExplanation({ text: "H", kind: "high" })).toBe(
      "H means the lab marked it as higher than its range.",
    );
    expect(flagExplanation({ text: "L", kind: "low" })).toBe(
      "L means the lab marked it as lower than its range.",
    );
    const crit = flagExplanation({ text: "HH", kind: "critical-high" });
    expect(crit).toBe(
      "HH means the lab marked it as critically high. Follow the lab's or your care team's instructions.",
    );
    for (const kind of ["high", "low", "abnormal", "marked", "critical", "critical-low"] as const) {
      expect(flagExplanation({ text: "X", kind })).not.toMatch(/medicine|medication|dose|stop|start/i);
    }
  });
});

describe("parseValueCell", () => {
  test.each<[string, [string, string | null, string | null, string] | null]>([
    ["140 mmol/L", ["140", "mmol/L", null, "140 mmol/L"]],
    ["5.9 H", ["5.9", null, "H", "5.9"]],
    ["84.1 HH", ["84.1", null, "HH", "84.1"]],
    ["122 umol/L (High)", ["122", "umol/L", "High", "122 umol/L"]],
    ["H 7.1", ["7.1", null, "H", "7.1"]],
    ["7.1%", ["7.1", "%", null, "7.1%"]],
    ["5.4 %", ["5.4", "%", null, "5.4 %"]],
    ["< 0.01 ng/mL", ["< 0.01", "ng/mL", null, "< 0.01 ng/mL"]],
    ["11.8 x 10^3/uL H", ["11.8", "x 10^3/uL", "H", "11.8 x 10^3/uL"]],
    ["5.6*", ["5.6", null, "*", "5.6"]],
    ["1,204 U/L Critical High", ["1,204", "U/L", "Critical High", "1,204 U/L"]],
    ["500 mg twice daily", null],
    ["See report", null],
    ["Page 2 of 3", null],
    ["2 of 3", null],
    ["11/20/2026 8:14 AM", null],
    ["(555) 201-4437", null],
    ["0.25 mcg", null],
    ["H 7.1 L", null],
    ["", null],
  ])("%j", (text, want) => {
    const c = parseValueCell(text);
    if (!want) return expect(c).toBeNull();
    expect([c?.value.text, c?.unit, c?.flag?.text ?? null, text.slice(c?.valueStart, c?.valueEnd)]).toEqual(
      want,
    );
  });
});

describe("parseValueWithRange", () => {
  test.each<[string, string, string | null]>([
    ["13.2 g/dL (Normal range: 12.0 - 15.5 g/dL)", "13.2", "12.0 - 15.5 g/dL"],
    ["13.2 g/dL (12.0 - 15.5)", "13.2", "12.0 - 15.5"],
    ["52 nmol/L, reference range >50 nmol/L", "52", ">50 nmol/L"],
    ["122 umol/L (High) Reference range : Low High 64 104", "122", "Low High 64 104"],
    ["122 umol/L (High)", "122", null],
  ])("%j", (text, value, range) => {
    const r = parseValueWithRange(text);
    expect(r?.cell.value.text).toBe(value);
    expect(r?.range ? text.slice(r.range.start, r.range.end) : null).toBe(range);
  });
  test.each(["Normal range: 2.5 - 4.5 mg/dL", "Reference range : Low High 2.2 2.6", "500 mg twice daily"])(
    "%j is not a value",
    (text) => expect(parseValueWithRange(text)).toBeNull(),
  );
});

describe("judge", () => {
  const r = (t: string) => parseRange(t);
  const v = (t: string) => parseValue(t) ?? { text: t, number: Number.NaN, comparator: null };
  test.each<[string, string | null, string, string | null, string | null]>([
    ["5.6", "3.5 - 5.1", "above", null, null],
    ["3.4", "3.5 - 5.1", "below", null, null],
    ["3.5", "3.5 - 5.1", "within", null, null],
    ["5.1", "3.5 - 5.1", "within", null, null],
    ["150", "<150", "above", null, null],
    ["149.9", "<150", "within", null, null],
    ["60", ">=60", "within", null, null],
    ["60", ">60", "below", null, null],
    ["59", "> OR = 60", "below", null, null],
    ["<0.01", "<0.04", "within", null, null],
    ["<5", "15-150", "below", null, null],
    ["<0.1", "0.0-4.0", "none", null, null],
    ["<20", "15-150", "none", null, null],
    [">90", ">=60", "within", null, null],
    [">90", "60-120", "none", null, null],
    [">200", "60-120", "above", null, null],
    ["7", null, "none", null, null],
    ["122", "64 - 104 umol/L", "above", "umol/L", null],
    ["122", "64 - 104 µmol/L", "above", "umol/L", null],
    ["1.38", "0.72 - 1.18 mg/dL", "none", "umol/L", "units differ: never converted"],
  ])("%s against %s is %s", (value, range, want, unit) => {
    expect(judge(v(value), range === null ? null : r(range), unit)).toBe(want);
  });

  test("sentences name the printed range, and none is silent", () => {
    expect(judgementSentence("above")).toBe("Your value is above the range this lab lists.");
    expect(judgementSentence("below")).toBe("Your value is below the range this lab lists.");
    expect(judgementSentence("within")).toBe("Your value is within the range this lab lists.");
    expect(judgementSentence("none")).toBeNull();
  });
});

describe("unitWords", () => {
  test.each<[string, string | null]>([
    ["mg/dL", "milligrams per deciliter"],
    ["MG/DL", "milligrams per deciliter"],
    ["mmol/L", "millimoles per liter"],
    ["umol/L", "micromoles per liter"],
    ["µmol/L", "micromoles per liter"],
    ["μmol/L", "micromoles per liter"],
    ["g/dL", "grams per deciliter"],
    ["U/L", "units per liter"],
    ["IU/L", "international units per liter"],
    ["mEq/L", "milliequivalents per liter"],
    ["%", "percent"],
    ["x10^3/uL", "thousands per microliter"],
    ["x10E3/uL", "thousands per microliter"],
    ["10*3/uL", "thousands per microliter"],
    ["×10³/µL", "thousands per microliter"],
    ["K/uL", "thousands per microliter"],
    ["x10^9/L", "billions per liter"],
    ["fL", "femtoliters"],
    ["pg", "picograms"],
    ["ng/mL", "nanograms per milliliter"],
    ["mL/min/1.73m2", "milliliters per minute per 1.73 square meters of body surface"],
    ["mL/min/{1.73_m2}", "milliliters per minute per 1.73 square meters of body surface"],
    ["mL/min/1.73 m²", "milliliters per minute per 1.73 square meters of body surface"],
    ["seconds", "seconds"],
    ["sec", "seconds"],
    ["ratio", "ratio"],
    ["furlongs/fortnight", null],
  ])("%j", (unit, words) => {
    expect(unitWords(unit)).toBe(words);
  });
});

describe("column headings", () => {
  test.each<[string, string | null]>([
    ["Component", "name"],
    [" Test \u00a0 Name :", "name"],
    ["LAB TEST:", "name"],
    ["Reference Range", "range"],
    ["Your Value", "value"],
    ["Test date", null],
    ["constructor", null],
    ["", null],
  ])("%j is %s", (text, kind) => {
    expect(headingKind(text)).toBe(kind);
    expect(isNameHeading(text)).toBe(kind === "name");
  });
});
