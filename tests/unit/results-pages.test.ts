// The fixture pages against results-expected.json, which was written by hand
// from the pages before the parser existed: every row found, every value
// judged as expected, nothing else found (decoys each beside a control).

import { describe, expect, test } from "vitest";
import { findResultRows } from "../../lib/results";
import { textOfPieces } from "../../lib/results/found-row";
import { asExpected, expected, loadPage } from "./results-expected";

describe.each(Object.entries(expected.pages))("%s", (file, page) => {
  const doc = loadPage(file);
  const rows = findResultRows(doc);
  const got = rows.map(asExpected);

  test("every row recognized and judged as written down beforehand, nothing else", () => {
    expect(got).toEqual(page.rows);
  });

  test("the name and value text ranges hold the printed name and value", () => {
    for (const r of rows) {
      expect(textOfPieces(r.nameText).replace(/\s+/g, " ")).toBe(r.name);
      const value = textOfPieces(r.valueText);
      // The value, then its unit when the unit shares the value's cell.
      expect([r.result.value.text, `${r.result.value.text} ${r.result.unit}`]).toContain(value);
    }
  });

  test.each(page.decoys)("decoy $text ($why) gives nothing; its control $control is found", (decoy) => {
    expect(doc.body.textContent).toContain(decoy.text);
    for (const r of rows) {
      expect(textOfPieces(r.valueText)).not.toContain(decoy.text);
      expect(r.result.range?.text ?? "").not.toBe(decoy.text);
    }
    expect(rows.map((r) => r.name)).toContain(decoy.control);
  });
});

test("at least 60 result rows over the fixture pages", () => {
  const total = Object.values(expected.pages).reduce((n, p) => n + p.rows.length, 0);
  expect(total).toBeGreaterThanOrEqual(60);
});
