// Messages are validated where they are received: anything that is not
// exactly one of ours (other extensions, pages, malformed or hostile data)
// parses to null, and what passes carries only the known fields.

import { describe, expect, test } from "vitest";
import {
  parseBackgroundRequest,
  parseBroadcast,
  parseCardRequest,
  parseFrameRequest,
  parseLabResult,
} from "../../lib/messages";

/** Either side's parser: each message belongs to exactly one of them. */
const parseRequest = (raw: unknown) => parseBackgroundRequest(raw) ?? parseFrameRequest(raw);

describe("parseRequest", () => {
  test("accepts each of our messages, keeping only known fields", () => {
    expect(parseRequest({ type: "lookup", id: "necrosis", extra: "<img>" })).toEqual({
      type: "lookup",
      id: "necrosis",
    });
    expect(parseRequest({ type: "open-topic", topicId: "treatment" })).toEqual({
      type: "open-topic",
      topicId: "treatment",
    });
    expect(parseRequest({ type: "found", counts: { necrosis: 2 } })).toEqual({
      type: "found",
      counts: { necrosis: 2 },
    });
    expect(parseRequest({ type: "page-info", evil: true })).toEqual({ type: "page-info" });
    expect(parseRequest({ type: "command", name: "next-term" })).toEqual({
      type: "command",
      name: "next-term",
    });
    expect(parseRequest({ type: "show-term", id: "calciphylaxis" })).toEqual({
      type: "show-term",
      id: "calciphylaxis",
    });
  });

  test.each([
    ["undefined", undefined],
    ["null", null],
    ["a string", '{"type":"lookup","id":"necrosis"}'],
    ["a number", 42],
    ["an array", [{ type: "lookup", id: "necrosis" }]],
    ["no type", { id: "necrosis" }],
    ["an unknown type", { type: "eval", code: "alert(1)" }],
    ["a type of another case", { type: "LOOKUP", id: "necrosis" }],
  ])("rejects %s", (_, raw) => {
    expect(parseRequest(raw)).toBeNull();
  });

  test.each([
    ["markup", "<img src=x onerror=alert(1)>"],
    ["upper case", "Necrosis"],
    ["spaces", "skin necrosis"],
    ["a path", "../../etc/passwd"],
    ["prototype keys", "__proto__"],
    ["empty", ""],
    ["too long", "a".repeat(82)],
    ["a number", 7],
    ["an object", { toString: () => "necrosis" }],
  ])("rejects ids with %s", (_, id) => {
    expect(parseRequest({ type: "lookup", id })).toBeNull();
    expect(parseRequest({ type: "show-term", id })).toBeNull();
    expect(parseRequest({ type: "open-topic", topicId: id })).toBeNull();
  });

  test.each([
    ["not an object", 5],
    ["an array", [1, 2]],
    ["null", null],
    ["a zero count", { necrosis: 0 }],
    ["a negative count", { necrosis: -1 }],
    ["a fraction", { necrosis: 1.5 }],
    ["NaN", { necrosis: Number.NaN }],
    ["Infinity", { necrosis: Number.POSITIVE_INFINITY }],
    ["a string count", { necrosis: "2" }],
    ["a bad id", { "<b>": 1 }],
    ["prototype pollution", JSON.parse('{"__proto__": 1}')],
  ])("rejects found counts that are %s", (_, counts) => {
    expect(parseRequest({ type: "found", counts })).toBeNull();
  });

  test("rejects an absurdly large counts map", () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i <= 100_000; i++) counts[`t${i}`] = 1;
    expect(parseRequest({ type: "found", counts })).toBeNull();
    delete counts.t0;
    expect(parseRequest({ type: "found", counts })).not.toBeNull();
  });

  test("each side accepts only its own requests", () => {
    expect(parseBackgroundRequest({ type: "page-info" })).toBeNull();
    expect(parseFrameRequest({ type: "lookup", id: "necrosis" })).toBeNull();
    expect(parseFrameRequest({ type: "page-info" })).toEqual({ type: "page-info" });
    expect(parseBackgroundRequest({ type: "tab-terms", tabId: 3 })).toEqual({ type: "tab-terms", tabId: 3 });
    expect(parseBackgroundRequest({ type: "tab-terms", tabId: -1 })).toBeNull();
  });

  test("broadcasts: only tab-terms-changed with a tab id", () => {
    expect(parseBroadcast({ type: "tab-terms-changed", tabId: 4, x: 1 })).toEqual({
      type: "tab-terms-changed",
      tabId: 4,
    });
    expect(parseBroadcast({ type: "tab-terms-changed", tabId: "4" })).toBeNull();
    expect(parseBroadcast({ type: "lookup", id: "necrosis" })).toBeNull();
  });

  test("commands are only the known ones", () => {
    for (const name of ["", "explain ", "reload", "__proto__", 1, null]) {
      expect(parseRequest({ type: "command", name })).toBeNull();
    }
  });
});

describe("a frame's card (lib/frame-cards.ts)", () => {
  const box = { left: 10, top: 20, width: 60, height: 18 };
  const place = { path: [1, 0], depth: 2, anchor: box, frame: { left: 0, top: 0, width: 420, height: 150 } };
  const result = {
    value: { text: "5.6", number: 5.6, comparator: null },
    unit: "mmol/L",
    range: {
      text: "3.5 - 5.1 mmol/L",
      low: { value: 3.5, text: "3.5", inclusive: true },
      high: { value: 5.1, text: "5.1", inclusive: true },
      unit: "mmol/L",
    },
    flag: { text: "High", kind: "high" },
    judgement: "above",
  };
  const term = { id: "necrosis", text: "necrosis", pinned: false, theme: "light" };
  const row = {
    id: "potassium",
    text: "Potassium",
    pinned: true,
    theme: "dark",
    row: { valueText: "5.6 mmol/L", result },
  };
  /** What the background passes on: `to` is the frame that holds the frame the place is in. */
  const up = (card: unknown, p: unknown = place, extra = {}) => ({
    type: "card-up",
    to: [1],
    place: p,
    card,
    origin: 3,
    ...extra,
  });

  test("the background takes a card from a frame (its origin is the sender's unless passed on)", () => {
    expect(parseBackgroundRequest({ type: "card-up", place, card: term, secret: "x" })).toEqual({
      type: "card-up",
      place,
      card: term,
    });
    expect(parseBackgroundRequest({ type: "card-up", place, card: row, origin: 7 })).toEqual({
      type: "card-up",
      place,
      card: row,
      origin: 7,
    });
    expect(parseBackgroundRequest({ type: "card-close", origin: 1 })).toEqual({ type: "card-close" });
    expect(parseBackgroundRequest({ type: "card-event", to: 4, event: "closed" })).toEqual({
      type: "card-event",
      to: 4,
      event: "closed",
    });
    expect(parseBackgroundRequest({ type: "load-frame-cards" })).toEqual({ type: "load-frame-cards" });
  });

  test("frames take the card messages, keeping only known fields", () => {
    expect(parseCardRequest({ ...up(term), extra: 1 })).toEqual(up(term));
    expect(parseCardRequest(up({ ...row, row: { ...row.row, html: "<b>" } }))).toEqual(up(row));
    expect(parseCardRequest({ type: "card-close", origin: 0 })).toEqual({ type: "card-close", origin: 0 });
    expect(parseCardRequest({ type: "card-event", event: "inside", to: 9 })).toEqual({
      type: "card-event",
      event: "inside",
    });
    // Firefox's frame ids are outer window ids: large, still whole numbers.
    expect(parseCardRequest(up(term, place, { origin: 12884901889 }))?.type).toBe("card-up");
    // For the top: a place already in its viewport (depth 0) or in one of its own frames (depth 1).
    for (const depth of [0, 1]) {
      expect(parseCardRequest(up(term, { ...place, depth }, { to: [] }))?.type).toBe("card-up");
    }
  });

  test("each side takes only its own", () => {
    expect(parseFrameRequest(up(term))).toBeNull();
    expect(parseCardRequest({ type: "page-info" })).toBeNull();
    expect(parseBackgroundRequest({ type: "card-event", event: "closed" })).toBeNull();
    expect(parseCardRequest({ type: "load-frame-cards" })).toBeNull();
  });

  test.each([
    ["a path that is not a list", { ...place, path: "1,0" }],
    ["a path too deep", { ...place, path: Array(33).fill(0), depth: 1 }],
    ["a negative index", { ...place, path: [-1, 0] }],
    ["a fractional index", { ...place, path: [1.5, 0] }],
    ["a string index", { ...place, path: ["1", 0] }],
    ["a depth past the path", { ...place, depth: 3 }],
    ["a negative depth", { ...place, depth: -1 }],
    ["NaN in a box", { ...place, anchor: { ...box, left: Number.NaN } }],
    ["Infinity in a box", { ...place, frame: { ...box, width: Number.POSITIVE_INFINITY } }],
    ["an absurd coordinate", { ...place, anchor: { ...box, top: 1e9 } }],
    ["a string in a box", { ...place, anchor: { ...box, width: "60" } }],
    ["a box without its height", { ...place, anchor: { left: 1, top: 1, width: 1 } }],
    ["no frame box", { ...place, frame: null }],
  ])("rejects a place with %s", (_, p) => {
    expect(parseCardRequest(up(term, p))).toBeNull();
    expect(parseBackgroundRequest({ type: "card-up", place: p, card: term })).toBeNull();
  });

  test.each([
    ["a bad id", { ...term, id: "<b>" }],
    ["no id field", { text: "necrosis", pinned: false, theme: "light" }],
    ["text that is not text", { ...term, text: 5 }],
    ["text too long", { ...term, text: "a".repeat(501) }],
    ["pinned as a string", { ...term, pinned: "yes" }],
    ["an unknown theme", { ...term, theme: "blue" }],
    ["a row without its value", { ...row, row: { result } }],
    ["a row that is not an object", { ...row, row: "5.6" }],
    [
      "a row with a bad result",
      { ...row, row: { valueText: "5.6", result: { ...result, judgement: "bad" } } },
    ],
  ])("rejects a card with %s", (_, card) => {
    expect(parseCardRequest(up(card))).toBeNull();
    expect(parseBackgroundRequest({ type: "card-up", place, card })).toBeNull();
  });

  test.each([
    ["the wrong frame", { to: [0] }],
    ["a frame given as text", { to: ["1"] }],
    ["no frame", { to: undefined }],
    ["a negative origin", { origin: -1 }],
    ["a fractional origin", { origin: 1.5 }],
    ["an origin as text", { origin: "3" }],
  ])("rejects a card sent to %s", (_, extra) => {
    expect(parseCardRequest(up(term, place, extra))).toBeNull();
  });

  test.each([
    ["an unknown event", { type: "card-event", event: "open" }],
    ["a close without its frame", { type: "card-close" }],
  ])("rejects %s", (_, raw) => {
    expect(parseCardRequest(raw)).toBeNull();
  });
  test("the background takes card events only for a frame id", () => {
    expect(parseBackgroundRequest({ type: "card-event", to: -1, event: "closed" })).toBeNull();
    expect(parseBackgroundRequest({ type: "card-event", to: 1, event: "shown" })).toBeNull();
  });
});

describe("parseLabResult", () => {
  const good = {
    value: { text: "<0.01", number: 0.01, comparator: "<" },
    unit: null,
    range: { text: "<0.04", low: null, high: { value: 0.04, text: "0.04", inclusive: false }, unit: null },
    flag: null,
    judgement: "none",
  };

  test("keeps exactly the known fields", () => {
    expect(parseLabResult({ ...good, extra: "x", value: { ...good.value, raw: 1 } })).toEqual(good);
    expect(parseLabResult({ ...good, range: null })).toEqual({ ...good, range: null });
  });

  test.each([
    ["no value", { ...good, value: undefined }],
    ["a value that is NaN", { ...good, value: { ...good.value, number: Number.NaN } }],
    ["a value as text", { ...good, value: { ...good.value, number: "0.01" } }],
    ["an unknown comparator", { ...good, value: { ...good.value, comparator: "=" } }],
    ["a missing comparator", { ...good, value: { text: "1", number: 1 } }],
    ["a unit that is not text", { ...good, unit: 5 }],
    ["a missing unit", { ...good, unit: undefined }],
    ["an unknown flag kind", { ...good, flag: { text: "H", kind: "evil" } }],
    ["an unknown judgement", { ...good, judgement: "fine" }],
    [
      "a range end as text",
      { ...good, range: { ...good.range, high: { value: "0.04", text: "0.04", inclusive: true } } },
    ],
    ["a range end without inclusive", { ...good, range: { ...good.range, high: { value: 1, text: "1" } } }],
    ["a range without its text", { ...good, range: { ...good.range, text: undefined } }],
    ["a range with a bad unit", { ...good, range: { ...good.range, unit: ["mg"] } }],
    ["an array", [good]],
  ])("rejects a result with %s", (_, raw) => {
    expect(parseLabResult(raw)).toBeNull();
  });
});
