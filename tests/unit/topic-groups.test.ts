// @vitest-environment node
// The popup's topic groups (glossary/topic-groups.ts): "On this page" first,
// then the themes in their fixed order, documents by title, topics in the
// document's order; the filter; the short publisher names.
import { describe, expect, test } from "vitest";
import { glossary } from "../../glossary/data";
import { editDistance } from "../../glossary/search";
import { THEMES, themeOf } from "../../glossary/themes";
import {
  buildTopicIndex,
  countShown,
  groupTopics,
  missingLetters,
  ON_PAGE,
  OTHER,
  pageTopics,
  queryWords,
  shortPublisher,
  type TopicGroup,
} from "../../glossary/topic-groups";
import type { CompiledGlossary, SourceDocument, Term, Topic } from "../../glossary/types";
import { makeTerm } from "./terms";

const doc = (id: string, title: string, theme?: string, publisher = "Plain Press"): SourceDocument => ({
  id,
  title,
  publisher,
  origin: `${id}.txt`,
  disclaimer: "For education only.",
  credit: `Text from ${publisher}.`,
  ...(theme ? { theme } : {}),
});

const topic = (id: string, documentId: string, title: string, extra: Partial<Topic> = {}): Topic => ({
  id,
  title,
  summary: "",
  points: [],
  termIds: [],
  source: "",
  documentId,
  summaryCitations: [],
  pointCitations: [],
  ...extra,
});

const term = (id: string, name: string, topicIds: string[], variants: string[] = []): Term =>
  makeTerm(id, { term: name, topicIds, variants, documentId: "ckd" });

// Documents given out of order: the groups put them in order.
const mini: Pick<CompiledGlossary, "documents" | "topics" | "terms"> = {
  documents: [
    doc("wounds", "Wounds and Injuries", "wounds-and-skin"),
    doc("ckd", "Chronic Kidney Disease", "kidney", "MedlinePlus (U.S. National Library of Medicine)"),
    doc("anemia", "Anemia", "blood-and-anemia", "National Heart, Lung, and Blood Institute (NHLBI)"),
    doc("dialysis", "Hemodialysis", "kidney"),
    doc("stray", "A Stray Leaflet", "no-such-theme"),
    doc("empty", "No Topics Here", "kidney"),
  ],
  topics: [
    topic("ckd-what", "ckd", "What is CKD", { summary: "Kidneys slowly lose their work." }),
    topic("ckd-diet", "ckd", "Eating and diet", {
      source: "Limit potassium and phosphorus. Hemodialysis changes this.",
    }),
    topic("ckd-tests", "ckd", "Tests", { termIds: ["creatinine"], source: "Hemoglobin is checked too." }),
    topic("hd-how", "dialysis", "How it works", { points: ["A machine cleans the blood."] }),
    topic("anemia-signs", "anemia", "Signs", { termIds: ["hemoglobin"] }),
    topic("anemia-care", "anemia", "Treatment", { correction: "Iron pills help some people." }),
    topic("wound-care", "wounds", "Wound care", { termIds: ["debridement"] }),
    topic("stray-1", "stray", "Odd one"),
  ],
  terms: [
    term("creatinine", "creatinine", ["ckd-tests"]),
    term("hemoglobin", "hemoglobin", ["anemia-signs"], ["Hb"]),
    term("debridement", "debridement", ["wound-care"]),
    term("anemia", "anemia", ["anemia-signs", "anemia-care"]),
  ],
};
const index = buildTopicIndex(mini);

/** "group: doc[topic, topic] doc[topic]" — the whole shape in one line. */
const shape = (groups: readonly TopicGroup[]): string[] =>
  groups.map(
    (g) =>
      `${g.id}: ${g.documents.map((d) => `${d.document.id}[${d.topics.map((t) => t.id).join(",")}]`).join(" ")}`,
  );

const ALL = [
  "kidney: ckd[ckd-what,ckd-diet,ckd-tests] dialysis[hd-how]",
  "blood-and-anemia: anemia[anemia-signs,anemia-care]",
  "wounds-and-skin: wounds[wound-care]",
  `${OTHER}: stray[stray-1]`,
];

describe("groupTopics: grouping and order", () => {
  test.each<[name: string, counts: Record<string, number>, expected: string[]]>([
    ["no page: themes in the list's order, documents by title, topics in document order", {}, ALL],
    [
      "the page's topics come first, and stay under their themes too",
      { creatinine: 2 },
      [`${ON_PAGE}: ckd[ckd-tests]`, ...ALL],
    ],
    [
      "page documents by how many page terms lead to them, then occurrences",
      { creatinine: 9, hemoglobin: 1, anemia: 1 },
      [`${ON_PAGE}: anemia[anemia-signs,anemia-care] ckd[ckd-tests]`, ...ALL],
    ],
    [
      "same number of terms: more occurrences first",
      { creatinine: 2, debridement: 5 },
      [`${ON_PAGE}: wounds[wound-care] ckd[ckd-tests]`, ...ALL],
    ],
    [
      "a tie in both: by title",
      { creatinine: 1, debridement: 1 },
      [`${ON_PAGE}: ckd[ckd-tests] wounds[wound-care]`, ...ALL],
    ],
    ["terms counted zero times and unknown terms add nothing", { creatinine: 0, "no-such-term": 3 }, ALL],
  ])("%s", (_name, counts, expected) => {
    expect(shape(groupTopics(index, { counts }))).toEqual(expected);
  });

  test("a document without topics is not listed; one with an unknown theme goes to the last group", () => {
    const groups = groupTopics(index);
    expect(groups.flatMap((g) => g.documents.map((d) => d.document.id))).not.toContain("empty");
    expect(groups.at(-1)).toMatchObject({ id: OTHER, title: "Other documents" });
  });

  test("themes carry their labels; each document knows its total of topics", () => {
    const [kidney] = groupTopics(index);
    expect(kidney?.title).toBe("Kidney care");
    expect(kidney?.documents.map((d) => d.total)).toEqual([3, 1]);
  });
});

describe("groupTopics: the filter", () => {
  test.each<[query: string, counts: Record<string, number>, expected: string[]]>([
    // A topic's title, by the start of a word.
    ["signs", {}, ["blood-and-anemia: anemia[anemia-signs]"]],
    ["SIG", {}, ["blood-and-anemia: anemia[anemia-signs]"]],
    // The document's title finds all its topics; what names the word comes
    // before what only mentions it (here, before a document earlier by title).
    ["hemodialysis", {}, ["kidney: dialysis[hd-how] ckd[ckd-diet]"]],
    // Inside a longer word, from five letters.
    ["dialysis", {}, ["kidney: dialysis[hd-how] ckd[ckd-diet]"]],
    ["dialys", {}, ["kidney: dialysis[hd-how] ckd[ckd-diet]"]],
    // A theme whose topic names the word comes before one that only mentions it.
    ["hemoglobin", {}, ["blood-and-anemia: anemia[anemia-signs]", "kidney: ckd[ckd-tests]"]],
    // Several words, all in the names (the document's title and the topic's).
    ["anemia signs", {}, ["blood-and-anemia: anemia[anemia-signs]"]],
    // The theme's label finds its documents.
    ["wounds skin", {}, ["wounds-and-skin: wounds[wound-care]"]],
    ["kidney care", {}, ["kidney: ckd[ckd-what,ckd-diet,ckd-tests] dialysis[hd-how]"]],
    // A term of the topic, or a variant of it.
    ["creatinine", {}, ["kidney: ckd[ckd-tests]"]],
    ["hb", {}, ["blood-and-anemia: anemia[anemia-signs]"]],
    // The summary, key points, correction and the section's own text.
    ["slowly", {}, ["kidney: ckd[ckd-what]"]],
    ["machine", {}, ["kidney: dialysis[hd-how]"]],
    ["iron", {}, ["blood-and-anemia: anemia[anemia-care]"]],
    ["potassium", {}, ["kidney: ckd[ckd-diet]"]],
    // A typo in a name (not in the text).
    ["creatinin", {}, ["kidney: ckd[ckd-tests]"]],
    ["hemoglobn", {}, ["blood-and-anemia: anemia[anemia-signs]"]],
    ["machne", {}, []],
    // The publisher: its acronym or short name.
    ["nhlbi", {}, ["blood-and-anemia: anemia[anemia-signs,anemia-care]"]],
    ["medlineplus", {}, ["kidney: ckd[ckd-what,ckd-diet,ckd-tests]"]],
    // Every word must match; small words are ignored when others remain.
    ["kidney diet", {}, ["kidney: ckd[ckd-diet]"]],
    ["eating and the diet", {}, ["kidney: ckd[ckd-diet]"]],
    ["kidney wound", {}, []],
    // Accents and punctuation do not matter.
    ["Débridement!", {}, ["wounds-and-skin: wounds[wound-care]"]],
    // Two letters match the start of a name word only, never the text.
    ["ma", {}, []],
    ["tr", {}, ["blood-and-anemia: anemia[anemia-care]"]],
    // Spaces alone filter nothing.
    ["   ", {}, ALL],
    // The page's group is filtered too, and still first.
    ["tests", { creatinine: 1, hemoglobin: 1 }, [`${ON_PAGE}: ckd[ckd-tests]`, "kidney: ckd[ckd-tests]"]],
    ["zzz", { creatinine: 1 }, []],
  ])("%j", (query, counts, expected) => {
    expect(shape(groupTopics(index, { counts, query }))).toEqual(expected);
  });
});

describe("helpers", () => {
  test.each<[query: string, words: string[]]>([
    ["Kidney  and   Diet", ["kidney", "diet"]],
    ["and", ["and"]],
    ["of the", ["of", "the"]],
    ["Crohn’s", ["crohn", "s"]],
    ["", []],
  ])("queryWords(%j)", (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });

  test.each<[publisher: string, short: string]>([
    ["National Heart, Lung, and Blood Institute (NHLBI)", "NHLBI"],
    ["MedlinePlus (U.S. National Library of Medicine)", "MedlinePlus"],
    ["NIHSeniorHealth (U.S. National Institutes of Health)", "NIHSeniorHealth"],
    ["National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)", "NIDDK"],
    ["Facty Health", "Facty Health"],
    ["(Only Parentheses)", "Only Parentheses"],
  ])("shortPublisher(%j) is %j", (publisher, short) => {
    expect(shortPublisher(publisher)).toBe(short);
  });

  test.each<[a: string, b: string, missing: number]>([
    ["kidny", "kidney", 0],
    ["kidnye", "kidney", 0], // a swap changes no letter
    ["potasium", "potassium", 0],
    ["creatinin", "creatinine", 0],
    ["blod", "blood", 0],
    ["bloat", "blood", 2],
    ["xqz", "kidney", 3],
  ])("missingLetters(%j, %j) is %i", (a, b, missing) => {
    expect(missingLetters(a, b, 5)).toBe(missing);
  });

  test("missingLetters never exceeds the edit distance (so skipping by it loses no typo)", () => {
    const words = ["kidney", "kidny", "dialysis", "dialisis", "anemia", "anaemia", "potassium", "potasium"];
    const more = [
      "hemoglobin",
      "hemoglobn",
      "calciphylaxis",
      "calcifilaxis",
      "warfarin",
      "wafarin",
      "iron",
      "urine",
    ];
    const all = [...words, ...more];
    for (const a of all) {
      for (const b of all) {
        const d = editDistance(a, b, 20);
        expect(missingLetters(a, b, 20), `${a} → ${b}`).toBeLessThanOrEqual(d);
        for (let n = 1; n < b.length; n++) {
          expect(missingLetters(a, b, 20)).toBeLessThanOrEqual(editDistance(a, b.slice(0, n), 20));
        }
      }
    }
  });

  test("pageTopics counts distinct page terms and their occurrences per topic", () => {
    expect(Object.fromEntries(pageTopics(index, { anemia: 2, hemoglobin: 3 }))).toEqual({
      "anemia-signs": { terms: 2, count: 5 },
      "anemia-care": { terms: 1, count: 2 },
    });
  });

  test("countShown counts a topic listed on the page and under its theme once", () => {
    expect(countShown(groupTopics(index, { counts: { creatinine: 1 } }))).toEqual({
      topics: 8,
      documents: 5,
    });
    expect(countShown(groupTopics(index, { query: "tests" }))).toEqual({ topics: 1, documents: 1 });
  });
});

describe("the real glossary", () => {
  const real = buildTopicIndex(glossary);

  test("every document has a theme of the list, so none is left to 'Other documents'", () => {
    for (const d of glossary.documents) expect(themeOf(d.theme), d.id).toBeDefined();
    const groups = groupTopics(real);
    expect(groups.map((g) => g.id)).not.toContain(OTHER);
    expect(groups.map((g) => g.id)).toEqual(
      THEMES.map((t) => t.id).filter((id) => groups.some((g) => g.id === id)),
    );
    expect(countShown(groups)).toEqual({
      topics: glossary.topics.length,
      documents: glossary.documents.length,
    });
  });

  test.each<[query: string, firstGroup: string, firstDocument: string]>([
    // Topics named for the word come before the many that mention it.
    ["potassium", "nutrition", "eating-on-hemodialysis"],
    ["warfarin", "clotting", "blood-thinners"],
  ])("filtering %j shows the theme and document naming it first", (query, firstGroup, firstDocument) => {
    const [first] = groupTopics(real, { query });
    expect(first?.id).toBe(firstGroup);
    expect(first?.documents[0]?.document.id).toBe(firstDocument);
  });

  test.each<[name: string, counts: Record<string, number>, query: string, topicId: string, group: string]>([
    [
      "the lab portal's calciphylaxis comes first",
      { calciphylaxis: 3, creatinine: 1 },
      "",
      "what-is-it",
      ON_PAGE,
    ],
    ["a word of a topic's title", {}, "potassium", "hd-eating-potassium", "nutrition"],
    ["a typo", {}, "calcifylaxis", "what-is-it", "wounds-and-skin"],
    ["a drug named in the section", {}, "warfarin", "blood-thinners-overview", "clotting"],
  ])("%s", (_name, counts, query, topicId, group) => {
    const groups = groupTopics(real, { counts, query });
    const found = groups.find((g) => g.documents.some((d) => d.topics.some((t) => t.id === topicId)));
    expect(found?.id).toBe(group);
  });
});
