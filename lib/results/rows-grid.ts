// Result rows laid out in columns under a header row: HTML tables (header in
// <th> cells or a first row of headings) and grids or flex rows of divs
// (role="row" or not). Columns are found by their headings in any order;
// a data row must have the header's shape, or it is left alone.

import { piecesOf, type TextMap, textMap, trimmedPieces } from "./dom-text";
import type { FoundRow, RowLayout } from "./found-row";
import { type ColumnKind, headerKinds, isNameHeading } from "./headers";
import { resultFromCells } from "./row";
import { squeezeSpace } from "./text";

function cellText(el: Element): string {
  // A cell holding one text node: its data, not a new string from textContent.
  const only = el.firstChild;
  const text = only && only.nodeType === 3 && !only.nextSibling ? (only as Text).data : el.textContent;
  return squeezeSpace(text ?? "");
}

/** The columns of each kind, read once per layout. */
interface Columns {
  name: number | undefined;
  values: number[];
  range: number | undefined;
  flag: number | undefined;
  unit: number | undefined;
}

function columnsOf(kinds: readonly (ColumnKind | null)[]): Columns {
  const c: Columns = { name: undefined, values: [], range: undefined, flag: undefined, unit: undefined };
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    if (k === "value") c.values.push(i);
    else if (k && c[k] === undefined) c[k] = i;
  }
  return c;
}

function readRows(kinds: (ColumnKind | null)[], rows: Element[][], layout: RowLayout): FoundRow[] {
  const out: FoundRow[] = [];
  const {
    name: nameCol,
    values: valueCols,
    range: rangeCol,
    flag: flagCol,
    unit: unitCol,
  } = columnsOf(kinds);
  if (nameCol === undefined) return out;
  const text = (cells: Element[], i: number | undefined) =>
    i === undefined ? undefined : cellText(cells[i] as Element);
  // Value cells are read raw, so the parsed offsets are offsets in the cell's text map.
  const maps: TextMap[] = [];
  const values: string[] = [];
  for (const cells of rows) {
    if (cells.length !== kinds.length) continue;
    const nameCell = cells[nameCol] as Element;
    const name = cellText(nameCell);
    maps.length = 0;
    values.length = 0;
    for (const i of valueCols) {
      const map = textMap(cells[i] as Element);
      maps.push(map);
      values.push(map.text);
    }
    const result = resultFromCells({
      name,
      values,
      range: text(cells, rangeCol),
      flag: text(cells, flagCol),
      unit: text(cells, unitCol),
    });
    const vmap = maps[result?.valueIndex ?? -1];
    if (!result || !vmap) continue;
    const { value, unit, range, flag, judgement } = result;
    out.push({
      layout,
      name,
      nameText: trimmedPieces(textMap(nameCell)),
      valueText: piecesOf(vmap, result.cell.valueStart, result.cell.valueEnd),
      result: { value, unit, range, flag, judgement },
    });
  }
  return out;
}

/** Cells of a table row, or null when spanning cells make the columns unclear. */
function tableCells(tr: HTMLTableRowElement): Element[] | null {
  const cells = tr.cells;
  const out: Element[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as HTMLTableCellElement;
    if (cell.colSpan > 1) return null;
    out.push(cell);
  }
  return out;
}

export function readTable(table: HTMLTableElement): FoundRow[] {
  const rows = table.rows;
  for (let h = 0; h < Math.min(4, rows.length); h++) {
    const header = tableCells(rows[h] as HTMLTableRowElement);
    const kinds = header && headerKinds(header.map(cellText));
    if (!kinds) continue;
    const data: Element[][] = [];
    for (let r = h + 1; r < rows.length; r++) {
      const cells = tableCells(rows[r] as HTMLTableRowElement);
      if (cells) data.push(cells);
    }
    return readRows(kinds, data, "table");
  }
  return [];
}

/** A header row of divs around a "Component"/"Test" heading, or null. */
export function gridHeader(heading: Element): { row: Element; kinds: (ColumnKind | null)[] } | null {
  let cell: Element | null = heading;
  for (let depth = 0; cell && depth < 2; depth++, cell = cell.parentElement) {
    const row = cell.parentElement;
    if (!row || row.children.length < 2 || row.children.length > 10) continue;
    const kinds = headerKinds(Array.from(row.children, cellText));
    if (kinds) return { row, kinds };
  }
  return null;
}

/** The element holding a grid's header and its rows (what changes when rows arrive). */
export function gridContainer(header: Element): Element | null {
  const parent = header.parentElement;
  if (!parent) return null;
  return header.nextElementSibling ? parent : (parent.parentElement ?? parent);
}

/** The rows of a grid, read from its header row. */
export function readGrid(header: { row: Element; kinds: (ColumnKind | null)[] }): FoundRow[] {
  return readRows(header.kinds, gridRows(header.row), "grid");
}

/** Data rows after a grid's header row: its next siblings, or the next row group's rows. */
function gridRows(header: Element): Element[][] {
  let rows: Element[] = [];
  for (let r = header.nextElementSibling; r; r = r.nextElementSibling) rows.push(r);
  if (rows.length === 0) {
    for (let g = header.parentElement?.nextElementSibling; g; g = g.nextElementSibling)
      rows.push(...g.children);
  }
  rows = rows.filter((r) => r.children.length === header.children.length);
  return rows.map((r) => Array.from(r.children));
}

/** Grids of divs: anchored on a text that is exactly a name heading, outside tables and pre. */
export function readGrids(root: ParentNode & Node): FoundRow[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: FoundRow[] = [];
  const seen = new Set<Element>();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const data = (t as Text).data;
    if (data.length > 40 || !isNameHeading(data)) continue;
    const el = t.parentElement;
    if (!el || el.closest("td, th, pre")) continue;
    const header = gridHeader(el);
    if (!header || seen.has(header.row)) continue;
    seen.add(header.row);
    out.push(...readRows(header.kinds, gridRows(header.row), "grid"));
  }
  return out;
}
