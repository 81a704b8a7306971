import { describe, expect, test } from "vitest";
import { numberLine, parseRange, parseValue } from "../../lib/results";

function line(value: string, range: string) {
  const v = parseValue(value);
  if (!v) throw new Error(value);
  return numberLine(v, parseRange(range));
}

describe("numberLine", () => {
  test("a two-sided range takes the middle half; the value is placed proportionally", () => {
    const l = line("4.0", "3.5 - 4.5");
    expect(l).toMatchObject({ rangeStart: 0.25, rangeEnd: 0.75, offscale: null });
    expect(l?.low).toEqual({ position: 0.25, label: "3.5" });
    expect(l?.high).toEqual({ position: 0.75, label: "4.5" });
    expect(l?.value).toBeCloseTo(0.5);
  });

  test.each<[string, string, number]>([
    ["3.5", "3.5 - 4.5", 0.25],
    ["4.5", "3.5 - 4.5", 0.75],
    ["5.0", "3.5 - 4.5", 1],
    ["3.0", "3.5 - 4.5", 0],
  ])("%s on %s sits at %d", (value, range, pos) => {
    const l = line(value, range);
    expect(l?.value).toBeCloseTo(Math.min(0.96, Math.max(0.04, pos)));
    expect(l?.offscale).toBeNull();
  });

  test("a value far outside is clamped to the edge with its direction", () => {
    expect(line("812", "15 - 65")).toMatchObject({ value: 0.96, offscale: "above" });
    expect(line("5", "100 - 120")).toMatchObject({ value: 0.04, offscale: "below" });
  });

  test("one-sided ranges are drawn open on their side, from the printed end only", () => {
    const below = line("131", "<100");
    expect(below).toMatchObject({
      rangeStart: 0,
      rangeEnd: 0.5,
      low: null,
      high: { position: 0.5, label: "100" },
    });
    expect(below?.value).toBeGreaterThan(0.5);
    const above = line("24", ">=60");
    expect(above).toMatchObject({
      rangeStart: 0.5,
      rangeEnd: 1,
      high: null,
      low: { position: 0.5, label: "60" },
    });
    expect(above?.value).toBeLessThan(0.5);
    expect(line("600", ">=60")).toMatchObject({ offscale: "above" });
  });

  test("no printed range, no line", () => {
    const v = parseValue("7");
    expect(v && numberLine(v, null)).toBeNull();
  });

  test("a comparator value is placed at its number", () => {
    expect(line("<5", "15-150")?.value).toBeLessThan(0.25);
  });
});
