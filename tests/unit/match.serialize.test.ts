// The compiled index is built at glossary build time and imported as JSON by
// the content script: it must survive JSON and match exactly like the original.
import { describe, expect, it } from "vitest";
import {
  buildIndex,
  loadIndex,
  type MatchPattern,
  matchChunks,
  type SerializedIndex,
  serializeIndex,
} from "../../glossary/match/index";

const GLOSSARY: MatchPattern[] = [
  { id: "calci", text: "calciphylaxis", caseSensitive: false },
  { id: "esrd", text: "end-stage renal disease", caseSensitive: false },
  { id: "esrd", text: "ESRD", caseSensitive: true },
  { id: "renal", text: "renal disease", caseSensitive: false },
  { id: "alz", text: "Alzheimer\u2019s disease", caseSensitive: false },
  { id: "lop", text: '"Lop" ear', caseSensitive: false },
  { id: "ja", text: "腎不全", caseSensitive: false },
];

const TEXTS: string[][] = [
  ["End-stage renal disease (ESRD) and calciphylaxis's wounds; esrd."],
  ["Alzheimer's disease, ", '"lop" ear', " and 腎不全"],
  ["end", "\u00a0stage ", "", "renal disease"],
];

const roundTrip = (data: SerializedIndex) => loadIndex(JSON.parse(JSON.stringify(data)) as SerializedIndex);

describe("serialized index", () => {
  const index = buildIndex(GLOSSARY);
  const data = serializeIndex(index);

  it("keeps its format and version", () => {
    expect(data.format).toBe("termlens-match");
    expect(data.version).toBe(1);
  });

  it.each(TEXTS.map((t) => [t.join("|"), t] as const))("matches the same after JSON: %s", (_name, chunks) => {
    const expected = matchChunks(index, chunks);
    expect(expected.length).toBeGreaterThan(0);
    expect(matchChunks(roundTrip(data), chunks)).toEqual(expected);
  });

  it("serializes a loaded index to the same data", () => {
    expect(serializeIndex(roundTrip(data))).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it("an empty glossary round-trips and matches nothing", () => {
    expect(matchChunks(roundTrip(serializeIndex(buildIndex([]))), ["calciphylaxis"])).toEqual([]);
  });

  it.each<[string, Partial<SerializedIndex>]>([
    ["another format", { format: "other" as "termlens-match" }],
    ["another version", { version: 0 }],
    ["meta of the wrong length", { meta: [] }],
  ])("refuses %s", (_name, change) => {
    expect(() => loadIndex({ ...data, ...change })).toThrow(/match index/);
  });
});
