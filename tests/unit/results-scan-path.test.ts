// The path the content script takes: the page read as text blocks
// (collectBlocks), each block's layout found by containerForBlock, each
// layout read once, as PageResults.add does. It must find exactly the rows
// results-expected.json lists (written before the parser), like findResultRows.

import { expect, test } from "vitest";
import { collectBlocks } from "../../entrypoints/content-script/text-blocks";
import { containerForBlock, type FoundRow } from "../../lib/results";
import { asExpected, expected, loadPage } from "./results-expected";

function rowsThroughScan(): FoundRow[] {
  const known = new Set<Element>();
  const seen = new Set<Element>();
  const rows: FoundRow[] = [];
  for (const block of collectBlocks(document.body)) {
    const c = containerForBlock(block, known);
    if (!c || seen.has(c.el)) continue;
    seen.add(c.el);
    const found = c.read();
    if (found.length) known.add(c.el);
    rows.push(...found);
  }
  return rows;
}

test.each(Object.entries(expected.pages))("%s: the scan path finds every expected row", (file, page) => {
  document.documentElement.innerHTML = loadPage(file).documentElement.innerHTML;
  expect(rowsThroughScan().map(asExpected)).toEqual(page.rows);
});

test("a row added later to a known table is read with it", () => {
  document.body.innerHTML =
    "<table><tr><th>Test</th><th>Result</th><th>Range</th></tr><tr><td>Sodium</td><td>140</td><td>136-145</td></tr></table>";
  const known = new Set<Element>();
  const [heading] = collectBlocks(document.body);
  const first = heading && containerForBlock(heading, known);
  expect(first?.read().map((r) => r.name)).toEqual(["Sodium"]);
  if (first) known.add(first.el);
  const table = document.querySelector("table") as HTMLTableElement;
  const row = document.createElement("tr");
  row.innerHTML = "<td>Potassium</td><td>5.9</td><td>3.5-5.1</td>";
  (table.tBodies[0] ?? table).append(row);
  const added = collectBlocks(row)[0];
  const again = added && containerForBlock(added, known);
  expect(again?.el).toBe(table);
  expect(again?.read().map((r) => r.name)).toEqual(["Sodium", "Potassium"]);
});

test("blocks of an ordinary page give no layout to read", () => {
  document.body.innerHTML =
    "<h1>Test results explained</h1><p>Your result: see below.</p><p>Call 555-201-4437.</p><ul><li>Test</li></ul>";
  const known = new Set<Element>();
  const reads = collectBlocks(document.body)
    .map((b) => containerForBlock(b, known))
    .flatMap((c) => (c ? c.read() : []));
  expect(reads).toEqual([]);
});
