// Whether a document's Content Security Policy lets WebAssembly compile. A
// content script's WebAssembly counts as the page's own: where the policy
// forbids it, compiling fails and the page gets a "securitypolicyviolation"
// event and maybe a report to its server, which would tell the site that
// Termlens is there. So the fast matcher (glossary/match/prefilter.ts) runs
// only where every policy of the response, enforced or report-only, allows it.

export interface ResponseHeader {
  name: string;
  /** Absent when the header is not valid UTF-8 (then in binaryValue), which we do not read. */
  value?: string;
}

const POLICY_HEADERS = new Set(["content-security-policy", "content-security-policy-report-only"]);

/** One serialized policy (no commas): script-src, else default-src, must allow wasm-eval. */
export function policyAllowsWasm(policy: string): boolean {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    // CSP separates tokens by ASCII whitespace only.
    const [name, ...sources] = part
      .replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "")
      .toLowerCase()
      .split(/[\t\n\f\r ]+/);
    // The first directive of a name counts; later duplicates are ignored (CSP3 §2.2.1).
    if (name && !directives.has(name)) directives.set(name, sources);
  }
  if (directives.has("sandbox")) return false; // unclear for our world: stay safe
  const sources = directives.get("script-src") ?? directives.get("default-src");
  if (sources === undefined) return true;
  return sources.includes("'unsafe-eval'") || sources.includes("'wasm-unsafe-eval'");
}

/** Whether no policy among the response headers forbids WebAssembly. */
export function headersAllowWasm(headers: readonly ResponseHeader[] | undefined): boolean {
  for (const h of headers ?? []) {
    if (!POLICY_HEADERS.has(h.name.toLowerCase())) continue;
    // A policy we cannot read (not UTF-8) still applies: assume it forbids.
    if (h.value === undefined) return false;
    // A header may carry several policies, separated by commas; each applies.
    for (const policy of h.value.split(",")) {
      if (!policyAllowsWasm(policy)) return false;
    }
  }
  return true;
}

/** Policies of a document's <meta http-equiv> tags: each tag's content is one policy (commas and all). */
export function metaAllowsWasm(contents: readonly string[]): boolean {
  return contents.every(policyAllowsWasm);
}
