import { describe, expect, test } from "vitest";
import { glossary } from "../../glossary/data";
import { allowedEdits, buildSearchIndex, editDistance, normalize, search } from "../../glossary/search";
import type { Term } from "../../glossary/types";
import { makeTerm } from "./terms";

const real = buildSearchIndex(glossary);
const ids = (q: string, n = 5) => search(real, q, n).map((h) => h.id);

const term = (id: string, t: string, variants: string[] = [], definition = ""): Term =>
  makeTerm(id, { term: t, variants, definition });

describe("search on the real glossary", () => {
  test.each<[string, string, number]>([
    // query, expected id, within the first n results
    ["necrotic", "necrosis", 1],
    ["kidny", "kidney-disease", 5],
    ["kidney disease", "kidney-disease", 1],
    ["calciphylaxis", "calciphylaxis", 1],
    ["calcifilaxis", "calciphylaxis", 1],
    ["calciphy", "calciphylaxis", 1],
    ["ESRD", "end-stage-renal-disease", 1],
    ["Dialysis", "dialysis", 1],
    ["hyperparathyrodism", "hyperparathyroidism", 1],
    ["ulser", "ulcer", 1],
    ["blood thinner", "blood-thinning-medication", 1],
    ["kidny dis", "kidney-disease", 1],
    ["débridement", "debridement", 1],
    ["wound care", "wound-care", 1],
  ])("%s finds %s", (query, id, within) => {
    expect(ids(query, within)).toContain(id);
  });

  test("topics are found too", () => {
    const hits = search(real, "treatment");
    expect(hits[0]).toMatchObject({ kind: "topic", reason: "term" });
    expect(hits.some((h) => h.kind === "topic" && h.id === "treatment")).toBe(true);
  });

  test("nothing for an empty query or nonsense", () => {
    expect(search(real, "  ")).toEqual([]);
    expect(search(real, "zzqxv")).toEqual([]);
  });

  test("short words are not typo-matched", () => {
    // "pan" may begin a word ("pancreas"); it must not stand for a near miss.
    expect(search(real, "pan").filter((h) => h.reason === "typo")).toEqual([]);
    expect(search(real, "kidny").some((h) => h.reason === "typo")).toBe(true);
  });
});

describe("ranking", () => {
  const index = buildSearchIndex({
    documents: [],
    topics: [],
    references: [],
    terms: [
      term("text", "unrelated", [], "Mentions a stent in passing."),
      term("prefix", "stenting"),
      term("variant", "vascular stent", ["stent"]),
      term("exact", "stent"),
      term("typo", "stunt"),
    ],
  });

  test("exact term > variant > prefix > definition text", () => {
    expect(search(index, "stent").map((h) => h.id)).toEqual(["exact", "variant", "prefix", "typo", "text"]);
  });

  test("reasons are reported", () => {
    expect(search(index, "stent").map((h) => h.reason)).toEqual([
      "term",
      "variant",
      "prefix",
      "typo",
      "text",
    ]);
  });
});

describe("helpers", () => {
  test.each([
    ["Débridement", "debridement"],
    ["end-stage  renal", "end stage renal"],
    ["  CKD! ", "ckd"],
  ])("normalize(%s)", (input, out) => {
    expect(normalize(input)).toBe(out);
  });

  test.each([
    ["kidny", "kidney", 1],
    ["necrotic", "necrosis", 2],
    ["ulcre", "ulcer", 1], // a swap is one edit
    ["abc", "xyz", 3],
  ])("editDistance(%s, %s) = %i", (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  test("gives up past the limit", () => {
    expect(editDistance("aaaaaa", "bbbbbb", 2)).toBe(3);
  });

  test("longer words allow more typos", () => {
    expect([3, 5, 9].map(allowedEdits)).toEqual([0, 1, 2]);
  });
});

describe("search uses the page matcher's rules", () => {
  const index = real;
  test.each([
    ["end stage renal disease", "end-stage-renal-disease"],
    ["end\u2011stage renal disease", "end-stage-renal-disease"],
    ["calciphylaxis's", "calciphylaxis"],
    ["ESRD", "end-stage-renal-disease"],
  ])("%s finds %s first", (query, id) => {
    expect(search(index, query)[0]?.id).toBe(id);
  });

  test("a pasted sentence finds the terms it names", () => {
    const ids = search(index, "Patient on dialysis with skin necrosis").map((h) => h.id);
    expect(ids).toContain("dialysis");
    expect(ids).toContain("skin-necrosis");
  });
});
