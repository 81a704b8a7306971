// The compiled index is built at glossary build time and imported as JSON by
// the content script: it must survive JSON and match exactly like the original.
// Loading copies the tables the build made, so the shipped ones must be what
// this matcher builds from the shipped forms.
import { describe, expect, it } from "vitest";
import { contentData } from "../../glossary/data";
import { base64ToInt32s, int32sToBase64 } from "../../glossary/match/base64";
import {
  buildIndex,
  loadIndex,
  type MatchPattern,
  matchChunks,
  type SerializedIndex,
  serializeIndex,
} from "../../glossary/match/index";
import { tabulate } from "../../glossary/match/tabulate";

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
    expect(data.version).toBe(2);
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

describe("loading copies the built tables", () => {
  it.each<[string, MatchPattern[]]>([
    ["the test glossary", GLOSSARY],
    [
      "a glossary with punctuation first and shared forms",
      [
        ...GLOSSARY,
        { id: "lop2", text: '"LOP" EAR', caseSensitive: true },
        { id: "paren", text: "(sic)", caseSensitive: false },
        { id: "calci2", text: "Calciphylaxis", caseSensitive: true },
      ],
    ],
  ])("%s", (_name, patterns) => {
    const built = buildIndex(patterns);
    const loaded = roundTrip(serializeIndex(built));
    // As text: deep equality of typed arrays this size is slow.
    const words = (a: ArrayLike<number> | null) => (a === null ? null : int32sToBase64(a));
    expect(words(loaded.table.slots)).toBe(words(built.table.slots));
    expect([loaded.table.mask, loaded.table.shift]).toEqual([built.table.mask, built.table.shift]);
    expect(words(loaded.filter.bits)).toBe(words(built.filter.bits));
    expect(loaded.filter.shift).toBe(built.filter.shift);
    expect([...loaded.next]).toEqual([...built.next]);
    expect(words(loaded.punctFirst)).toBe(words(built.punctFirst));
    expect([...loaded.meta]).toEqual([...built.meta]);
    expect(loaded.forms).toBeNull(); // split at the first verification
    matchChunks(loaded, ["calciphylaxis"]);
    expect(loaded.forms).toEqual(built.forms);
  });

  it("the shipped index holds the tables this matcher builds from its forms", () => {
    const shipped = contentData.index;
    const rebuilt = tabulate({ ids: shipped.ids, forms: shipped.forms, meta: shipped.meta });
    expect(serializeIndex(rebuilt)).toEqual(shipped);
  });

  it("forms and meta of different lengths are refused at the first verification", () => {
    const data = serializeIndex(buildIndex(GLOSSARY));
    const torn = roundTrip({ ...data, meta: data.meta.slice(1) });
    expect(() => matchChunks(torn, ["calciphylaxis"])).toThrow(/match index/);
  });
});

describe("base64 tables", () => {
  it.each([[[]], [[0]], [[1, -1, 2147483647, -2147483648, 0x811c9dc5 | 0]]])("round-trip %j", (values) => {
    expect([...base64ToInt32s(int32sToBase64(values))]).toEqual(values);
  });

  it("are little-endian", () => {
    expect(int32sToBase64([1])).toBe("AQAAAA==");
  });

  it("refuses bytes that are not whole words", () => {
    expect(() => base64ToInt32s("AQAA")).toThrow(/match index/);
  });
});
