// Fixed-width text reports (a <pre> on a portal, a line of a PDF): a header
// line names the columns ("Component  In Range  Out Of Range  Reference
// Range  Units"), and each following line is cut into fields at runs of two
// or more spaces; a field belongs to the column under whose heading it
// starts. A line with two fields under one heading is left alone.

import { type ColumnKind, headerKinds } from "./headers";
import { type RowResult, resultFromCells } from "./row";

export interface Field {
  text: string;
  start: number;
  end: number;
}

/** Fields of a line: text separated by two or more spaces, or a tab. */
export function fields(line: string): Field[] {
  const out: Field[] = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export interface Column {
  kind: ColumnKind | null;
  start: number;
}

/** The columns a header line names, or null when it is not a result header. */
export function headerColumns(line: string): Column[] | null {
  const fs = fields(line);
  if (fs.length < 3) return null;
  const kinds = headerKinds(fs.map((f) => f.text));
  if (!kinds) return null;
  return fs.map((f, i) => ({ kind: kinds[i] ?? null, start: f.start }));
}

const SLACK = 1; // a field may start this many characters left of its heading

/** Each column's field in a line (null when empty), or null when the line does not fit the columns. */
export function assignFields(line: string, columns: readonly Column[]): (Field | null)[] | null {
  const out: (Field | null)[] = columns.map(() => null);
  for (const f of fields(line)) {
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

/** Result rows of a fixed-width report given as lines. */
export function readFixedWidth(lines: readonly string[]): LineRow[] {
  const rows: LineRow[] = [];
  let columns: Column[] | null = null;
  for (const [index, line] of lines.entries()) {
    const header = headerColumns(line);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) continue;
    const assigned = assignFields(line, columns);
    if (!assigned) continue;
    const of = (kind: ColumnKind) => assigned.filter((_, i) => columns?.[i]?.kind === kind);
    const name = of("name")[0];
    const values = of("value");
    if (!name) continue;
    const result = resultFromCells({
      name: name.text,
      values: values.map((f) => f?.text ?? ""),
      range: of("range")[0]?.text,
      flag: of("flag")[0]?.text,
      unit: of("unit")[0]?.text,
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
