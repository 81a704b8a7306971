// Fixed-width text reports (a <pre> on a portal, a line of a PDF): a header
// line names the columns ("Component  In Range  Out Of Range  Reference
// Range  Units"), and each following line is cut into fields at runs of two
// or more spaces; a field belongs to the column under whose heading it
// starts. A line with two fields under one heading is left alone.

import { type ColumnKind, headerKinds } from "./headers";
import { type RowResult, resultFromCells } from "./row";
import { isSpaceCode } from "./text";

export interface Field {
  text: string;
  start: number;
  end: number;
}

/** Fields of a line: text separated by two or more spaces, or a tab (`/\S+(?: \S+)*\/g`). */
export function fields(line: string): Field[] {
  const out: Field[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    for (;;) {
      while (i < n && !isSpaceCode(line.charCodeAt(i))) i++;
      // One plain space between words keeps the field going.
      if (i + 1 < n && line.charCodeAt(i) === 32 && !isSpaceCode(line.charCodeAt(i + 1))) i++;
      else break;
    }
    out.push({ text: line.slice(start, i), start, end: i });
  }
  return out;
}

export interface Column {
  kind: ColumnKind | null;
  start: number;
}

/** The columns a header line names, or null when it is not a result header. */
export function headerColumns(line: string): Column[] | null {
  return columnsOf(fields(line));
}

function columnsOf(fs: readonly Field[]): Column[] | null {
  if (fs.length < 3) return null;
  const kinds = headerKinds(fs.map((f) => f.text));
  if (!kinds) return null;
  return fs.map((f, i) => ({ kind: kinds[i] ?? null, start: f.start }));
}

const SLACK = 1; // a field may start this many characters left of its heading

/** Each column's field in a line (null when empty), or null when the line does not fit the columns. */
export function assignFields(line: string, columns: readonly Column[]): (Field | null)[] | null {
  return assign(fields(line), columns);
}

function assign(fs: readonly Field[], columns: readonly Column[]): (Field | null)[] | null {
  const out: (Field | null)[] = columns.map(() => null);
  for (const f of fs) {
    let col = 0;
    for (let i = 0; i < columns.length; i++) if ((columns[i]?.start ?? 0) <= f.start + SLACK) col = i;
    if (out[col]) return null;
    out[col] = f;
  }
  return out;
}

export interface LineRow {
  line: number;
  name: Field;
  /** The value's position in the line (value and unit, as on the card). */
  valueStart: number;
  valueEnd: number;
  result: RowResult;
}

/** The first column of each kind (-1 when none: no field there), and every value column. */
interface KindColumns {
  name: number;
  values: number[];
  range: number;
  flag: number;
  unit: number;
}

function kindColumns(columns: readonly Column[]): KindColumns {
  const first = (kind: ColumnKind) => columns.findIndex((c) => c.kind === kind);
  const values: number[] = [];
  columns.forEach((c, i) => {
    if (c.kind === "value") values.push(i);
  });
  return { name: first("name"), values, range: first("range"), flag: first("flag"), unit: first("unit") };
}

/** Result rows of a fixed-width report given as lines. */
export function readFixedWidth(lines: readonly string[]): LineRow[] {
  const rows: LineRow[] = [];
  let columns: Column[] | null = null;
  let kinds: KindColumns | null = null;
  for (let index = 0; index < lines.length; index++) {
    const fs = fields(lines[index] as string);
    const header = columnsOf(fs);
    if (header) {
      columns = header;
      kinds = kindColumns(header);
      continue;
    }
    if (!columns || !kinds) continue;
    const assigned = assign(fs, columns);
    if (!assigned) continue;
    const name = assigned[kinds.name];
    const values = kinds.values.map((i) => assigned[i] ?? null);
    const range = assigned[kinds.range];
    const flag = assigned[kinds.flag];
    const unit = assigned[kinds.unit];
    if (!name) continue;
    const result = resultFromCells({
      name: name.text,
      values: values.map((f) => f?.text ?? ""),
      range: range?.text,
      flag: flag?.text,
      unit: unit?.text,
    });
    const valueField = values[result?.valueIndex ?? -1];
    if (!result || !valueField) continue;
    rows.push({
      line: index,
      name,
      valueStart: valueField.start + result.cell.valueStart,
      valueEnd: valueField.start + result.cell.valueEnd,
      result,
    });
  }
  return rows;
}
