// Messages are validated where they are received: anything that is not
// exactly one of ours (other extensions, pages, malformed or hostile data)
// parses to null, and what passes carries only the known fields.

import { describe, expect, test } from "vitest";
import { parseBackgroundRequest, parseBroadcast, parseFrameRequest } from "../../lib/messages";

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
