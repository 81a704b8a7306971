// Turns on the matcher's WebAssembly fast path only where the page's security
// policy allows WebAssembly: the background saw the response headers, and the
// document's <meta> policies are read here. Elsewhere compiling would fail and
// tell the page we are here (see lib/page-policy.ts); matching then stays on
// the JavaScript scanner, with the same results.

import { browser } from "wxt/browser";
import { allowPrefilter } from "../../glossary/match/index";
import { parsePagePolicyReply } from "../../lib/messages";
import { metaAllowsWasm } from "../../lib/page-policy";

function metaPolicies(doc: Document): string[] {
  return [...doc.querySelectorAll('meta[http-equiv="content-security-policy" i]')].map(
    (m) => m.getAttribute("content") ?? "",
  );
}

export async function enableFastMatching(doc: Document): Promise<boolean> {
  if (!metaAllowsWasm(metaPolicies(doc))) return false;
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type: "page-policy" });
  } catch {
    return false; // the extension was reloaded meanwhile
  }
  if (parsePagePolicyReply(raw)?.wasm !== true) return false;
  // Compiled at the first long text, after reading the meta tags again: the
  // page may add one meanwhile.
  allowPrefilter(() => metaAllowsWasm(metaPolicies(doc)));
  return true;
}
