// One table per matching rule (see the header of glossary/match/index.ts).
// Each row: a glossary, the text (chunks), and the matched spans as
// "id:matched text" in document order.
import { describe, expect, it } from "vitest";
import { buildIndex, type MatchPattern, matchChunks, normalizeForm } from "../../glossary/match/index";

type Row = [name: string, text: string | string[], expected: string[]];

const p = (id: string, text: string, caseSensitive = false): MatchPattern => ({ id, text, caseSensitive });

const GLOSSARY: MatchPattern[] = [
  p("necrosis", "necrosis"),
  p("skin-necrosis", "skin necrosis"),
  p("renal", "renal disease"),
  p("esrd-long", "end-stage renal disease"),
  p("esrd", "ESRD", true),
  p("cua", "CUA", true),
  p("calci", "calciphylaxis"),
  p("vessels", "blood vessels"),
  p("kidney", "kidney"),
  p("ckd", "chronic kidney disease"),
  p("alz", "Alzheimer's disease"),
  p("cafe", "café au lait spots"),
  p("t2d", "type 2 diabetes"),
  p("adrenergic", "receptors, adrenergic"),
  p("lop", '"Lop" ear'),
  p("ru", "почечная недостаточность"),
  p("ja", "腎不全"),
];

/** Runs the glossary on the text and renders each match as "id:text". */
function run(text: string | string[], glossary: MatchPattern[] = GLOSSARY): string[] {
  const chunks = typeof text === "string" ? [text] : text;
  const joined = chunks.join("");
  const starts: number[] = [];
  let acc = 0;
  for (const c of chunks) {
    starts.push(acc);
    acc += c.length;
  }
  return matchChunks(buildIndex(glossary), chunks).map((m) => {
    const from = (starts[m.startChunk] as number) + m.startOffset;
    const to = (starts[m.endChunk] as number) + m.endOffset;
    return `${m.id}:${joined.slice(from, to)}`;
  });
}

function table(title: string, rows: Row[], glossary?: MatchPattern[]) {
  describe(title, () => {
    it.each(rows)("%s", (_name, text, expected) => {
      expect(run(text, glossary)).toEqual(expected);
    });
  });
}

table("leftmost-longest, non-overlapping, in document order", [
  ["longer term wins", "skin necrosis", ["skin-necrosis:skin necrosis"]],
  ["nested term", "end-stage renal disease", ["esrd-long:end-stage renal disease"]],
  ["shorter term alone", "renal disease", ["renal:renal disease"]],
  ["prefix of a longer term", "end-stage kidney", ["kidney:kidney"]],
  ["back off to the longest complete term", "chronic kidney", ["kidney:kidney"]],
  [
    "several, in order",
    "necrosis, then skin necrosis and kidney",
    ["necrosis:necrosis", "skin-necrosis:skin necrosis", "kidney:kidney"],
  ],
  [
    "no overlap: a match consumes its words",
    "chronic kidney disease kidney",
    ["ckd:chronic kidney disease", "kidney:kidney"],
  ],
]);

table("case", [
  ["case-insensitive by default", "SKIN Necrosis", ["skin-necrosis:SKIN Necrosis"]],
  ["case-sensitive abbreviation as written", "ESRD and CUA", ["esrd:ESRD", "cua:CUA"]],
  ["case-sensitive abbreviation otherwise", "esrd, Esrd, cua, Cua", []],
  ["non-Latin case folding", "ПОЧЕЧНАЯ НЕДОСТАТОЧНОСТЬ", ["ru:ПОЧЕЧНАЯ НЕДОСТАТОЧНОСТЬ"]],
  ["accented letters fold", "CAFÉ AU LAIT SPOTS", ["cafe:CAFÉ AU LAIT SPOTS"]],
]);

table("whole words by Unicode rules", [
  ["not inside a longer word", "osteonecrosis necrosisx xnecrosis", []],
  ["digits are word characters", "necrosis2 2necrosis", []],
  ["accented letters are word characters", "énecrosis necrosisé", []],
  ["combining marks are word characters", "necrosis\u0301", []],
  ["underscore is not a word character", "_necrosis_", ["necrosis:necrosis"]],
  ["Cyrillic letters are word characters", "кnecrosis necrosisк", []],
  ["CJK letters are word characters", "腎necrosis", []],
  ["punctuation is a boundary", "(necrosis).", ["necrosis:necrosis"]],
  [
    "digits inside a term",
    "type 2 diabetes, type-2 diabetes",
    ["t2d:type 2 diabetes", "t2d:type-2 diabetes"],
  ],
  [
    "punctuation inside a term is required",
    "receptors, adrenergic / receptors adrenergic",
    ["adrenergic:receptors, adrenergic"],
  ],
  ["a term starting with punctuation", 'the "Lop" ear', ['lop:"Lop" ear']],
  ["no Unicode normalization: a decomposed é is another word", "cafe\u0301 au lait spots", []],
  ["CJK term", "慢性腎不全です", []],
  ["CJK term standing alone", "腎不全", ["ja:腎不全"]],
]);

table("separators between words are equivalent", [
  ["hyphen", "end-stage renal disease", ["esrd-long:end-stage renal disease"]],
  ["space", "end stage renal disease", ["esrd-long:end stage renal disease"]],
  [
    "several spaces and a line break",
    "end  stage\nrenal \r\n disease",
    ["esrd-long:end  stage\nrenal \r\n disease"],
  ],
  ["no-break space", "end\u00a0stage renal disease", ["esrd-long:end\u00a0stage renal disease"]],
  [
    "thin and ideographic spaces",
    "end\u2009stage\u3000renal disease",
    ["esrd-long:end\u2009stage\u3000renal disease"],
  ],
  ["Unicode hyphen", "end\u2010stage renal disease", ["esrd-long:end\u2010stage renal disease"]],
  ["non-breaking hyphen", "end\u2011stage renal disease", ["esrd-long:end\u2011stage renal disease"]],
  ["en dash", "end\u2013stage renal disease", ["esrd-long:end\u2013stage renal disease"]],
  ["hyphen and spaces", "end - stage renal disease", ["esrd-long:end - stage renal disease"]],
  [
    "soft hyphen at a line break",
    "end-\u00ad\nstage renal disease",
    ["esrd-long:end-\u00ad\nstage renal disease"],
  ],
  [
    "zero-width space beside a space",
    "end \u200bstage renal disease",
    ["esrd-long:end \u200bstage renal disease"],
  ],
  ["joined words are one word", "endstage renal disease", ["renal:renal disease"]],
  ["zero-width joined words are one word", "end\u200bstage renal disease", ["renal:renal disease"]],
]);

table("invisible characters inside a word are ignored", [
  ["soft hyphen", "necro\u00adsis", ["necrosis:necro\u00adsis"]],
  ["zero-width space", "ne\u200bcrosis", ["necrosis:ne\u200bcrosis"]],
  ["zero-width joiner and non-joiner", "nec\u200drosi\u200cs", ["necrosis:nec\u200drosi\u200cs"]],
  ["word joiner and BOM", "\ufeffnecro\u2060sis", ["necrosis:necro\u2060sis"]],
  ["trailing invisible characters are not part of the span", "necrosis\u00ad\u200b.", ["necrosis:necrosis"]],
  ["invisible characters do not make a word boundary", "osteo\u00adnecrosis", []],
]);

table("apostrophes and possessives", [
  ["straight apostrophe in a term", "Alzheimer's disease", ["alz:Alzheimer's disease"]],
  ["curly apostrophe in a term", "Alzheimer\u2019s disease", ["alz:Alzheimer\u2019s disease"]],
  ["possessive 's: span is the term", "calciphylaxis's course", ["calci:calciphylaxis"]],
  ["possessive ’s", "calciphylaxis\u2019s course", ["calci:calciphylaxis"]],
  ["possessive 'S in capitals", "CALCIPHYLAXIS'S", ["calci:CALCIPHYLAXIS"]],
  ["plural possessive apostrophe", "calciphylaxis\u2019 course", ["calci:calciphylaxis"]],
  ["possessive of a multi-word term", "skin necrosis's", ["skin-necrosis:skin necrosis"]],
  ["not a possessive: more letters", "calciphylaxis'ish", []],
  ["not a possessive: other letter", "calciphylaxis'd", []],
  ["apostrophe-joined word is one word", "o'necrosis", []],
]);

table("chunks", [
  ["term split across two chunks", ["skin ", "necrosis"], ["skin-necrosis:skin necrosis"]],
  ["word split across chunks", ["necr", "osis"], ["necrosis:necrosis"]],
  [
    "term across three chunks with empty ones",
    ["end-", "", "stage re", "", "nal disease", ""],
    ["esrd-long:end-stage renal disease"],
  ],
  ["chunk boundary is not a word boundary", ["osteo", "necrosis"], []],
  ["gap spread over chunks", ["skin", " ", "\n", "necrosis"], ["skin-necrosis:skin \nnecrosis"]],
  ["possessive across chunks", ["calciphylaxis\u2019", "s"], ["calci:calciphylaxis"]],
  ["soft hyphen across chunks", ["necro\u00ad", "sis"], ["necrosis:necro\u00adsis"]],
  ["only empty chunks", ["", "", ""], []],
  ["no chunks", [], []],
  [
    "long whitespace between chunks",
    ["skin", " ".repeat(2000), "necrosis"],
    [`skin-necrosis:skin${" ".repeat(2000)}necrosis`],
  ],
]);

table("pages in other scripts have no hits", [
  ["Japanese", ["慢性腎臓病は、腎臓の働きが徐々に低下する病気です。", "血管の石灰化が見られます。"], []],
  ["Arabic", "مرض الكلى المزمن هو حالة تتدهور فيها وظائف الكلى تدريجيا", []],
  ["Russian without the term", "Хроническая болезнь почек — это медленная потеря функции почек.", []],
  ["Hebrew and emoji", "מחלת כליות 😀 𠀀 necrosis😀", ["necrosis:necrosis"]],
]);

describe("several patterns", () => {
  it.each<[string, MatchPattern[], string, string[]]>([
    [
      "same form, two ids: the first wins",
      [p("a", "necrosis"), p("b", "Necrosis")],
      "NECROSIS",
      ["a:NECROSIS"],
    ],
    [
      "variants share an id",
      [p("k", "kidney failure"), p("k", "renal failure")],
      "renal failure",
      ["k:renal failure"],
    ],
    ["no stemming", [p("u", "ulcer")], "ulcers", []],
    [
      "case-sensitive and insensitive forms of one word",
      [p("cs", "AIDS", true), p("ci", "aids")],
      "AIDS aids",
      ["cs:AIDS", "ci:aids"],
    ],
    [
      "a case-sensitive failure falls back to a shorter term",
      [p("x", "kidney"), p("y", "kidney FAILURE", true)],
      "kidney failure",
      ["x:kidney"],
    ],
    [
      "patterns that normalize to nothing are dropped",
      [p("e", " - "), p("n", "necrosis")],
      "necrosis",
      ["n:necrosis"],
    ],
    ["empty glossary", [], "necrosis", []],
  ])("%s", (_name, glossary, text, expected) => {
    expect(run(text, glossary)).toEqual(expected);
  });
});

describe("normalizeForm", () => {
  it.each<[string, boolean, string]>([
    ["End-Stage  Renal\u00a0Disease", false, "end stage renal disease"],
    ["ESRD", true, "ESRD"],
    ["Alzheimer\u2019s", false, "alzheimer's"],
    ["necro\u00adsis", false, "necrosis"],
    [" -trimmed- ", false, "trimmed"],
  ])("%j (caseSensitive %s) -> %j", (input, cs, expected) => {
    expect(normalizeForm(input, cs)).toBe(expected);
  });
});
