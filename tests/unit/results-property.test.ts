// No input makes the result parsers or the row finder throw, and what they
// return keeps its promises (ranges ordered, positions within 0..1).

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  findResultRows,
  judge,
  numberLine,
  parseFlag,
  parseRange,
  parseValue,
  parseValueCell,
  readFixedWidth,
  readNarrative,
  unitWords,
} from "../../lib/results";
import { parseValueWithRange } from "../../lib/results/labelled";

// Strings built from the pieces result text is made of, plus anything at all.
const piece = fc.constantFrom(
  " ",
  "  ",
  "\n",
  "-",
  "–",
  "<",
  ">",
  "=",
  "OR",
  "(",
  ")",
  ",",
  ".",
  ":",
  "*",
  "%",
  "H",
  "L",
  "HH",
  "High",
  "Low",
  "value",
  "Reference range",
  "mg/dL",
  "x10^3/uL",
  "µmol/L",
  "1",
  "0",
  "42",
  "1,204",
  "3.5",
  "Test",
  "Result",
  "Flag",
);
const texty = fc.oneof(
  fc.string(),
  fc.array(piece, { maxLength: 20 }).map((a) => a.join("")),
);

describe("never throws", () => {
  test("text parsers", () => {
    fc.assert(
      fc.property(texty, (t) => {
        const v = parseValue(t);
        const r = parseRange(t);
        parseFlag(t);
        parseValueCell(t);
        parseValueWithRange(t);
        unitWords(t);
        readNarrative(t);
        readFixedWidth(t.split("\n"));
        if (r?.low && r.high) expect(r.low.value).toBeLessThanOrEqual(r.high.value);
        if (v) expect(Number.isFinite(v.number)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("judgement and number line on any value and range", () => {
    fc.assert(
      fc.property(texty, texty, (a, b) => {
        const v = parseValue(a) ?? parseValue("1");
        if (!v) return;
        const r = parseRange(b);
        expect(["above", "below", "within", "none"]).toContain(judge(v, r));
        const l = numberLine(v, r);
        if (l) {
          for (const p of [l.value, l.rangeStart, l.rangeEnd]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("judgement and number line on any numbers", () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), (x, lo, hi) => {
        const v = { text: String(x), number: x, comparator: null };
        const r = {
          text: "",
          low: { value: lo, text: String(lo), inclusive: true },
          high: { value: hi, text: String(hi), inclusive: true },
          unit: null,
        };
        judge(v, r);
        const l = numberLine(v, r);
        if (l && !Number.isNaN(l.value)) {
          expect(l.value).toBeGreaterThanOrEqual(0);
          expect(l.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  test("row finder on random markup", () => {
    const tag = fc.constantFrom("table", "tr", "td", "th", "pre", "dl", "dt", "dd", "div", "p", "span", "br");
    const html = fc.array(
      fc.oneof(
        texty,
        tag.map((t) => `<${t}>`),
        tag.map((t) => `</${t}>`),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(html, (parts) => {
        document.body.innerHTML = parts.join("");
        for (const row of findResultRows(document.body)) {
          expect(row.nameText.length).toBeGreaterThan(0);
          expect(row.valueText.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
