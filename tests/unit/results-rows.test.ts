// The row finder on small pages: what it recognizes, and what it leaves alone.

import { describe, expect, test } from "vitest";
import { findResultRows } from "../../lib/results";
import { textOfPieces } from "../../lib/results/found-row";

function rows(html: string, root: ParentNode & Node = document.body) {
  document.body.innerHTML = html;
  return findResultRows(root).map((r) => [r.name, textOfPieces(r.valueText), r.result.judgement]);
}

const table = (head: string[], ...body: string[][]) =>
  `<table><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr>${body
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</table>`;

describe("tables", () => {
  test.each<[string, string[], string[]]>([
    [
      "MyChart order",
      ["Component", "Your Value", "Standard Range", "Flag"],
      ["Sodium", "150 mmol/L", "136 - 145", "H"],
    ],
    [
      "Range first",
      ["Reference Interval", "Units", "Result", "Test"],
      ["136 - 145", "mmol/L", "150", "Sodium"],
    ],
    ["Headings with colons and case", ["TEST:", "RESULT", "REF RANGE"], ["Sodium", "150 mmol/L", "136-145"]],
  ])("%s", (_name, head, row) => {
    expect(rows(table(head, row))).toEqual([["Sodium", expect.stringMatching(/^150/), "above"]]);
  });

  test("no name or no value heading: not a results table", () => {
    expect(rows(table(["Medication", "Dose", "How often"], ["Calcitriol", "0.25 mcg", "daily"]))).toEqual([]);
    expect(rows(table(["Name", "Role", "Phone"], ["Dr. A", "GP", "555-201-4437"]))).toEqual([]);
    expect(rows(table(["Test date", "Value"], ["Sodium", "140"]))).toEqual([]);
  });

  test("a value in both In Range and Out Of Range is ambiguous and left alone; the next row is read", () => {
    const html = table(
      ["Component", "In Range", "Out Of Range", "Reference Range"],
      ["Sodium", "140", "150 H", "136-145"],
      ["Potassium", "", "5.9 H", "3.5-5.1"],
    );
    expect(rows(html)).toEqual([["Potassium", "5.9", "above"]]);
  });

  test("spanning cells and rows of another shape are left alone", () => {
    const html = `${table(["Test", "Result", "Range"], ["Sodium", "140", "136-145"])}`.replace(
      "</table>",
      '<tr><td colspan="2">Sodium 150</td><td>136-145</td></tr><tr><td>K</td><td>4</td></tr></table>',
    );
    expect(rows(html)).toEqual([["Sodium", "140", "within"]]);
  });

  test("a flag the page prints but we cannot read makes the row ambiguous", () => {
    expect(rows(table(["Test", "Result", "Flag"], ["Sodium", "150", "See note"]))).toEqual([]);
    expect(rows(table(["Test", "Result", "Flag"], ["Sodium", "140", "N"]))).toEqual([
      ["Sodium", "140", "none"],
    ]);
  });

  test("a value cell and a flag column that disagree are ambiguous", () => {
    expect(rows(table(["Test", "Result", "Flag"], ["Sodium", "150 H", "L"]))).toEqual([]);
  });

  test("units in the value and the range that differ: shown, never judged", () => {
    expect(rows(table(["Test", "Result", "Range"], ["Creatinine", "122 umol/L", "0.6 - 1.2 mg/dL"]))).toEqual(
      [["Creatinine", "122 umol/L", "none"]],
    );
  });

  test("name and value ranges point into the page's own text nodes; the DOM is unchanged", () => {
    document.body.innerHTML = table(
      ["Test", "Result", "Range"],
      ["<b>Sodium</b> level", "<i>150</i> mmol/L", "136-145"],
    );
    const before = document.body.innerHTML;
    const [row] = findResultRows(document.body);
    expect(row?.nameText.map((p) => p.node.data.slice(p.start, p.end))).toEqual(["Sodium", " level"]);
    expect(row?.valueText.map((p) => p.node.data.slice(p.start, p.end))).toEqual(["150", " mmol/L"]);
    expect(document.body.innerHTML).toBe(before);
  });
});

describe("other layouts", () => {
  test("a shadow root is searched when given as the root", () => {
    document.body.innerHTML = "<div id=host></div>";
    const host = document.getElementById("host") as HTMLElement;
    const shadow = host.attachShadow({ mode: "open" });
    shadow.innerHTML = table(["Test", "Result", "Range"], ["Sodium", "150", "136-145"]);
    expect(findResultRows(shadow).map((r) => r.name)).toEqual(["Sodium"]);
  });

  test("dl with div wrappers", () => {
    expect(rows("<dl><div><dt>Sodium</dt><dd>150 mmol/L (136 - 145)</dd></div></dl>")).toEqual([
      ["Sodium", "150 mmol/L", "above"],
    ]);
  });

  test("a dl value with neither range nor flag is left alone (no headings vouch for it)", () => {
    expect(rows("<dl><dt>Dose</dt><dd>40 mg</dd></dl>")).toEqual([]);
    expect(rows("<dl><dt>Sodium</dt><dd>150 mmol/L H</dd></dl>")).toEqual([["Sodium", "150 mmol/L", "none"]]);
  });

  test("narrative needs a printed range", () => {
    expect(rows("<p>Sodium value : 150 mmol/L</p>")).toEqual([]);
    expect(rows("<p>Sodium value : 150 mmol/L Reference range : 136 - 145</p>")).toEqual([
      ["Sodium", "150 mmol/L", "above"],
    ]);
  });

  test("two narrative results in one block, names on their own lines", () => {
    const html =
      "<p>Urea<br>value : 9.8 mmol/L<br>Reference range : Low High 2.5 7.8<br>Sodium<br>value : 134 mmol/L<br>Reference range : Low High 133 146</p>";
    expect(rows(html)).toEqual([
      ["Urea", "9.8 mmol/L", "above"],
      ["Sodium", "134 mmol/L", "within"],
    ]);
  });

  test("fixed-width lines before the header are not rows", () => {
    const pre =
      "<pre>Sodium 140 136-145\nTest          Result    Range\nSodium        150       136-145\nPage 2 of 3\n</pre>";
    expect(rows(pre)).toEqual([["Sodium", "150", "above"]]);
  });

  test("div grid with a header row and rows beside it", () => {
    const html =
      '<div><div class="h"><span>Test</span><span>Result</span><span>Range</span></div>' +
      "<div><span>Sodium</span><span>150</span><span>136-145</span></div>" +
      "<div><span>Phone</span><span>555-201-4437</span><span></span></div></div>";
    expect(rows(html)).toEqual([["Sodium", "150", "above"]]);
  });
});
