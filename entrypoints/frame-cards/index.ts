// The frame-cards script (cards.ts), injected by the background into a frame
// that shows a card of its own in the top frame, into a frame that passes one
// on, and into the top frame that shows them. Kept out of content-script.js
// so frames that never show a card load less; not a web-accessible resource,
// and it lives in the content scripts' isolated world, which the page cannot
// read.

import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { FRAME_CARDS_KEY } from "../../lib/frame-cards";
import { frameCards } from "./cards";

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[FRAME_CARDS_KEY] = frameCards;
});
