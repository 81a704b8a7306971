// The lab-result fixture pages and what they hold, for the tests that read
// them (results-pages, results-scan-path): tests/pages/results-expected.json
// was written by hand from the pages before the parser existed.

import { readFileSync } from "node:fs";
import type { FoundRow } from "../../lib/results";

/** Name, value, unit, range, flag and judgement, as printed (null: none). */
export type ExpectedRow = [string, string, string | null, string | null, string | null, string];

export interface ExpectedPage {
  rows: ExpectedRow[];
  decoys: { text: string; why: string; control: string }[];
}

export const expected = JSON.parse(readFileSync("tests/pages/results-expected.json", "utf8")) as {
  pages: Record<string, ExpectedPage>;
};

/** A fixture page, parsed. */
export function loadPage(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(`tests/pages/${file}`, "utf8"), "text/html");
}

/** A row found, in the shape results-expected.json lists rows in. */
export function asExpected(r: FoundRow): ExpectedRow {
  return [
    r.name,
    r.result.value.text,
    r.result.unit,
    r.result.range?.text ?? null,
    r.result.flag?.text ?? null,
    r.result.judgement,
  ];
}
