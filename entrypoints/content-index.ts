// The glossary's matching index, injected into a frame just before the
// content script (see the background's "activate"). Kept out of content.js so
// the script stays small while the index grows; not a web-accessible resource,
// so no page can probe for it. It lives in the content scripts' isolated
// world, which the page cannot read.

import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { contentData } from "../glossary/data";
import { CONTENT_DATA_KEY } from "../lib/content-data";

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CONTENT_DATA_KEY] = contentData;
});
