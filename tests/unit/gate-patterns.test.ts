import { describe, expect, test } from "vitest";
import { ALL_PAGES, gateRegistrations, patternsFor } from "../../lib/gate-patterns";
import { DEFAULT_SITE_SETTINGS, isUrlEnabled, type SiteSettings } from "../../lib/site-rules";

const settings = (over: Partial<SiteSettings>): SiteSettings => ({ ...DEFAULT_SITE_SETTINGS, ...over });

/** A small match-pattern evaluator (scheme, host with *. prefix, any path; ports ignored). */
function matchesPattern(url: string, pattern: string): boolean {
  const u = new URL(url);
  if (pattern === "file:///*") return u.protocol === "file:";
  const m = pattern.match(/^(\*|https?):\/\/([^/]+)\/\*$/);
  if (!m) throw new Error(`bad pattern ${pattern}`);
  const [, scheme, host] = m as unknown as [string, string, string];
  if (scheme === "*" ? !["http:", "https:"].includes(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host === "*") return true;
  if (host.startsWith("*.")) return u.hostname.endsWith(`.${host.slice(2)}`);
  return u.hostname === host;
}

function registered(url: string, s: SiteSettings): boolean {
  return gateRegistrations(s).some(
    (r) =>
      r.matches.some((p) => matchesPattern(url, p)) && !r.excludeMatches.some((p) => matchesPattern(url, p)),
  );
}

const URLS = [
  "https://example.com/",
  "https://a.example.com/x",
  "https://b.a.example.com/",
  "https://c.b.a.example.com/",
  "https://other.org/",
  "http://localhost:3000/",
  "http://127.0.0.1:8080/",
  "http://10.0.0.1/",
  "file:///tmp/a.html",
  "https://xn--bcher-kva.example/",
];

const CASES: [string, Partial<SiteSettings>][] = [
  ["defaults", {}],
  ["one site off", { rules: { "example.com": false } }],
  ["off parent, on child", { rules: { "example.com": false, "a.example.com": true } }],
  [
    "off, on, off again",
    { rules: { "example.com": false, "a.example.com": true, "b.a.example.com": false } },
  ],
  [
    "four levels",
    {
      rules: {
        "example.com": false,
        "a.example.com": true,
        "b.a.example.com": false,
        "c.b.a.example.com": true,
      },
    },
  ],
  ["localhost, IPs and files off", { rules: { localhost: false, "127.0.0.1": false, "file://": false } }],
  ["allow-list, nothing chosen", { mode: "only-chosen" }],
  [
    "allow-list, some chosen",
    { mode: "only-chosen", rules: { "example.com": true, "b.a.example.com": false, "10.0.0.1": true } },
  ],
  [
    "allow-list, nested on inside on",
    { mode: "only-chosen", rules: { "example.com": true, "a.example.com": true } },
  ],
  ["paused", { paused: true, rules: { "other.org": true } }],
  ["IDN off", { rules: { "xn--bcher-kva.example": false } }],
];

describe("gateRegistrations", () => {
  test.each(CASES)("%s: registered exactly where the rules say Termlens runs", (_name, over) => {
    const s = settings(over);
    for (const url of URLS) expect([url, registered(url, s)]).toEqual([url, isUrlEnabled(url, s)]);
  });

  test("the defaults are one registration on every page", () => {
    expect(gateRegistrations(DEFAULT_SITE_SETTINGS)).toEqual([{ matches: ALL_PAGES, excludeMatches: [] }]);
  });

  test.each([
    ["example.com", ["*://example.com/*", "*://*.example.com/*"]],
    ["localhost", ["*://localhost/*"]],
    ["10.0.0.1", ["*://10.0.0.1/*"]],
    ["[::1]", ["*://[::1]/*"]],
    ["file://", ["file:///*"]],
  ])("patternsFor(%s)", (host, expected) => {
    expect(patternsFor(host)).toEqual(expected);
  });
});
