// Remembers, per tab and frame, whether the last document's response allowed
// WebAssembly (lib/page-policy.ts), from the response headers the browser
// shows the background (webRequest, read-only: nothing is changed or sent).
// Read when the response starts, after other extensions may have added a
// policy. Each answer is given once, to the document that asks first, so an
// answer never outlives its document. Unknown (no response seen: about:blank,
// srcdoc, a worker restart, a page served from a service worker) means no.

import { browser } from "wxt/browser";
import { headersAllowWasm } from "./page-policy";

interface Seen {
  url: string;
  wasm: boolean;
}

export interface FramePolicies {
  /** Whether the document at url, in that tab and frame, may compile WebAssembly. */
  wasmAllowed(tabId: number, frameId: number, url: string | undefined): boolean;
}

export function startFramePolicies(): FramePolicies {
  const tabs = new Map<number, Map<number, Seen>>();
  browser.webRequest?.onResponseStarted.addListener(
    (details) => {
      if (details.tabId < 0) return undefined; // prerendering and the like: no tab yet
      let frames = tabs.get(details.tabId);
      if (details.type === "main_frame" || frames === undefined) {
        frames = new Map();
        tabs.set(details.tabId, frames);
      }
      frames.set(details.frameId, { url: details.url, wasm: headersAllowWasm(details.responseHeaders) });
      return undefined;
    },
    { urls: ["http://*/*", "https://*/*"], types: ["main_frame", "sub_frame"] },
    ["responseHeaders"],
  );
  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
  return {
    wasmAllowed(tabId, frameId, url) {
      const frames = tabs.get(tabId);
      const seen = frames?.get(frameId);
      frames?.delete(frameId);
      // The URL must be the document's own: a later navigation we did not see
      // (a service worker's answer) must not inherit an earlier answer.
      return seen !== undefined && url !== undefined && seen.wasm && sameDocument(seen.url, url);
    },
  };
}

function sameDocument(response: string, document: string): boolean {
  const strip = (u: string) => u.split("#")[0];
  return strip(response) === strip(document);
}
