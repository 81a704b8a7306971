import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { matchInWindows } from "../../entrypoints/content-script/windows";
import { buildIndex, matchChunks, NOT_A_TERM } from "../../glossary/match/index";

const index = buildIndex([
  { id: "necrosis", text: "necrosis", caseSensitive: false },
  { id: "skin-necrosis", text: "skin necrosis", caseSensitive: false },
  { id: "esrd", text: "ESRD", caseSensitive: true },
  { id: "ckd", text: "chronic kidney disease", caseSensitive: false },
  { id: "cell", text: "cell", caseSensitive: false },
  { id: NOT_A_TERM, text: "sickle cell trait", caseSensitive: false },
]);

const windowed = (chunks: string[], size: number, overlap: number) =>
  [...matchInWindows(index, chunks, size, overlap)].flat();

describe("matchInWindows", () => {
  test("a short block is one window with the same matches", () => {
    const chunks = ["skin necrosis and ", "ESRD"];
    expect([...matchInWindows(index, chunks)]).toHaveLength(1);
    expect(windowed(chunks, 64 * 1024, 512)).toEqual(matchChunks(index, chunks));
  });

  test("a term across a window edge is found whole, once", () => {
    const filler = "word ".repeat(40);
    const text = `${filler}skin necrosis ${filler}chronic kidney disease ${filler}`;
    for (let size = 20; size < 120; size += 7) {
      expect(windowed([text], size, 40)).toEqual(matchChunks(index, [text]));
    }
  });

  test("a phrase that is no term hides the form inside it across a window edge too", () => {
    const filler = "word ".repeat(40);
    const text = `${filler}sickle cell trait, a cell ${filler}`;
    expect(matchChunks(index, [text]).map((m) => m.id)).toEqual(["cell"]);
    for (let size = 20; size < 260; size += 3) {
      expect(windowed([text], size, 40)).toEqual(matchChunks(index, [text]));
    }
  });

  test("a huge single text node is cut into many windows", () => {
    const text = "necrosis and more words here. ".repeat(20_000);
    const windows = [...matchInWindows(index, [text], 64 * 1024, 512)];
    expect(windows.length).toBeGreaterThan(5);
    expect(windows.flat()).toEqual(matchChunks(index, [text]));
  });

  test("random texts and chunkings give the same matches as one pass", () => {
    const word = fc.constantFrom(
      "skin",
      "necrosis",
      "ESRD",
      "esrd",
      "chronic",
      "kidney",
      "disease",
      "x",
      "-",
      " ",
      "  ",
      "\n",
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(word, { maxLength: 30 }).map((w) => w.join(" ")),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 8, max: 60 }),
        (chunks, size) => {
          expect(windowed(chunks, size, 40)).toEqual(matchChunks(index, chunks));
        },
      ),
      { numRuns: 300 },
    );
  });
});
