// The fixture pages against results-expected.json, which was written by hand
// from the pages before the parser existed: every row found, every value
// judged as expected, nothing else found (decoys each beside a control).

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findResultRows } from "../../lib/results";
import { textOfPieces } from "../../lib/results/found-row";

type Row = [string, string, string | null, string | null, string | null, string];
interface Page {
  rows: Row[];
  decoys: { text: string; why: string; control: string }[];
}
const expected = JSON.parse(readFileSync("tests/pages/results-expected.json", "utf8")) as {
  pages: Record<string, Page>;
};

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(`tests/pages/${file}`, "utf8"), "text/html");
}

describe.each(Object.entries(expected.pages))("%s", (file, page) => {
  const doc = load(file);
  const rows = findResultRows(doc);
  const got: Row[] = rows.map((r) => [
    r.name,
    r.result.value.text,
    r.result.unit,
    r.result.range?.text ?? null,
    r.result.flag?.text ?? null,
    r.result.judgement,
  ]);

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
