import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";
import { ALL_PAGES } from "./lib/site-rules";

// Termlens never talks to the network: no host permissions beyond reading the
// pages it explains, no remote code, no analytics.
//
// No content script is listed in the manifest: the background registers the
// small gate script (entrypoints/gate.ts) only where Termlens is on
// (entrypoints/background/gate-registration.ts), in Chromium and Firefox
// alike, so switched-off sites get no script at all.
export default defineConfig({
  imports: false,
  // `npm run bundle-report` builds elsewhere, so the tree's own build is left as it is.
  ...(process.env.TERMLENS_OUT_DIR && { outDir: process.env.TERMLENS_OUT_DIR }),
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({
    plugins: [preact()],
    build: process.env.TERMLENS_SOURCEMAP ? { sourcemap: true } : {},
  }),
  manifest: ({ browser }) => ({
    name: "Termlens",
    description: "Explains medical words where you read them. Everything stays in your browser.",
    permissions: ["storage", "contextMenus", "scripting"],
    // The same sites the gate script already runs on: needed to inject the
    // real content script into frames where Termlens is on.
    host_permissions: ALL_PAGES,
    // Alt+Shift+N and Alt+Shift+P are reserved in Chromium (it leaves them
    // unbound); J and K, next and previous as in many readers, are free in both browsers.
    commands: {
      "explain-term": {
        suggested_key: { default: "Alt+Shift+E" },
        description: "Explain the selected text or the term at the caret",
      },
      "next-term": {
        suggested_key: { default: "Alt+Shift+J" },
        description: "Go to the next explained term on the page",
      },
      "previous-term": {
        suggested_key: { default: "Alt+Shift+K" },
        description: "Go to the previous explained term on the page",
      },
    },
    ...(browser === "firefox" && {
      browser_specific_settings: {
        gecko: {
          id: "termlens@termlens.example",
          strict_min_version: "140.0",
          // 140 (ESR): the first desktop release with the CSS Custom
          // Highlight API we need and data_collection_permissions (Android
          // reads the latter from 142). We collect nothing.
          data_collection_permissions: { required: ["none"] },
        } as { id: string; strict_min_version: string },
        gecko_android: { strict_min_version: "142.0" },
      },
    }),
  }),
});
