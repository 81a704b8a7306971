import { describe, expect, it } from "vitest";
import { parsePagePolicyReply } from "../../lib/messages";
import { headersAllowWasm, metaAllowsWasm, policyAllowsWasm } from "../../lib/page-policy";

describe("policyAllowsWasm", () => {
  it.each([
    ["", true],
    ["frame-ancestors 'self'", true],
    ["upgrade-insecure-requests; frame-ancestors 'none'", true],
    ["img-src *; style-src 'self'", true],
    ["script-src 'self'", false],
    ["default-src 'self'", false],
    ["default-src 'none'; img-src *", false],
    ["script-src 'self' 'wasm-unsafe-eval'", true],
    ["script-src 'self' 'unsafe-eval'", true],
    ["SCRIPT-SRC 'SELF' 'WASM-UNSAFE-EVAL'", true],
    ["default-src 'self'; script-src 'self' 'wasm-unsafe-eval'", true], // script-src overrides
    ["default-src 'unsafe-eval'; script-src 'self'", false],
    ["script-src 'self'; script-src 'unsafe-eval'", false], // the first of a name counts
    ["script-src 'nonce-abc' 'strict-dynamic'", false],
    ["sandbox allow-scripts", false],
    ["  ;;script-src   'unsafe-eval'  ;", true],
    ["script-src\u00a0'unsafe-eval'", true], // NBSP is no separator: one odd directive name
    ["default-src 'self'; script-src\u00a0'unsafe-eval'", false],
  ])("%j -> %s", (policy, allowed) => {
    expect(policyAllowsWasm(policy)).toBe(allowed);
  });
});

describe("headersAllowWasm", () => {
  it.each([
    ["no headers at all", undefined, true],
    ["no policy header", [{ name: "Content-Type", value: "text/html" }], true],
    ["enforced, forbidding", [{ name: "Content-Security-Policy", value: "script-src 'self'" }], false],
    [
      "report-only, forbidding (reports would tell the site)",
      [{ name: "content-security-policy-report-only", value: "default-src 'self'" }],
      false,
    ],
    [
      "two policies in one header, one forbidding",
      [{ name: "content-security-policy", value: "frame-ancestors 'none', script-src 'self'" }],
      false,
    ],
    [
      "two headers, both allowing",
      [
        { name: "content-security-policy", value: "frame-ancestors 'none'" },
        { name: "content-security-policy", value: "script-src 'self' 'wasm-unsafe-eval'" },
      ],
      true,
    ],
    ["a header we cannot read (no value: not UTF-8)", [{ name: "content-security-policy" }], false],
    ["an unrelated header without value", [{ name: "x-thing" }], true],
  ])("%s", (_, headers, allowed) => {
    expect(headersAllowWasm(headers)).toBe(allowed);
  });
});

describe("metaAllowsWasm", () => {
  it.each([
    [[], true],
    [["img-src *"], true],
    [["img-src *", "script-src 'self'"], false],
    [["default-src 'self' 'unsafe-eval'"], true],
    // A <meta> policy is one policy: a comma is part of a source, not a separator.
    [["script-src 'wasm-unsafe-eval', 'self'"], false],
  ])("%j -> %s", (contents, allowed) => {
    expect(metaAllowsWasm(contents)).toBe(allowed);
  });
});

describe("parsePagePolicyReply", () => {
  it.each([
    [{ wasm: true }, { wasm: true }],
    [{ wasm: false }, { wasm: false }],
    [{ wasm: "yes" }, null],
    [null, null],
    [undefined, null],
    [true, null],
  ])("%j -> %j", (raw, parsed) => {
    expect(parsePagePolicyReply(raw)).toEqual(parsed);
  });
});
