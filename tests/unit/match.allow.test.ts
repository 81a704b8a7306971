// allowPrefilter(): nothing compiles until a text long enough comes, and then
// only if the guard still says yes (a content script's page may have added a
// security policy meanwhile). Matches never depend on the path.
import { describe, expect, it } from "vitest";
import { allowPrefilter, buildIndex, matchChunks, prefilterEnabled } from "../../glossary/match/index";

const ix = buildIndex([
  { id: "necrosis", text: "skin necrosis", caseSensitive: false },
  { id: "ckd", text: "CKD", caseSensitive: true },
]);
const long = "People with CKD may get skin necrosis, and skin-necrosis can hurt. ".repeat(3);
const short = "skin necrosis";

describe("allowPrefilter", () => {
  it("compiles lazily, asks the guard at first use, and never changes matches", () => {
    const expected = matchChunks(ix, [long], { prefilter: false });
    expect(expected).toHaveLength(9);
    expect(prefilterEnabled()).toBe(false);

    let asked = 0;
    allowPrefilter(() => {
      asked++;
      return false;
    });
    expect(matchChunks(ix, [short])).toHaveLength(1);
    expect(asked).toBe(0); // a short text does not need the module
    expect(matchChunks(ix, [long])).toEqual(expected);
    expect(asked).toBe(1);
    expect(prefilterEnabled()).toBe(false); // the guard said no

    allowPrefilter(() => {
      asked++;
      return true;
    });
    expect(prefilterEnabled()).toBe(false); // not compiled before it is needed
    expect(matchChunks(ix, [long])).toEqual(expected);
    expect(asked).toBe(2);
    expect(prefilterEnabled()).toBe(true);
    expect(matchChunks(ix, [long])).toEqual(expected);
    expect(asked).toBe(2); // asked once only
  });
});
