import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

// Termlens never talks to the network: no host permissions beyond reading the
// pages it explains, no remote code, no analytics.
export default defineConfig({
  imports: false,
  hooks: {
    // The gate (entrypoints/gate.ts) is built as a plain script, without the
    // content-script runtime. On Chromium the background registers it only
    // where Termlens is on (entrypoints/background/gate-registration.ts), so switched-off sites
    // get no script at all; Firefox lists it here for every page.
    "build:manifestGenerated": (wxt, manifest) => {
      if (wxt.config.browser !== "firefox") return;
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ["http://*/*", "https://*/*", "file:///*"],
          all_frames: true,
          match_about_blank: true,
          run_at: "document_idle",
          js: ["gate.js"],
          css: ["highlight.css"],
        },
      ];
    },
  },
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: "Termlens",
    description: "Explains medical words where you read them. Everything stays in your browser.",
    permissions: ["storage", "contextMenus", "scripting"],
    // The same sites the gate script already runs on: needed to inject the
    // real content script into frames where Termlens is on.
    host_permissions: ["http://*/*", "https://*/*", "file:///*"],
    commands: {
      "explain-term": {
        suggested_key: { default: "Alt+Shift+E" },
        description: "Explain the selected text or the term at the caret",
      },
      "next-term": {
        suggested_key: { default: "Alt+Shift+N" },
        description: "Go to the next explained term on the page",
      },
      "previous-term": {
        suggested_key: { default: "Alt+Shift+P" },
        description: "Go to the previous explained term on the page",
      },
    },
    ...(browser === "firefox" && {
      browser_specific_settings: {
        gecko: {
          id: "termlens@termlens.example",
          strict_min_version: "142.0",
          // 142: the first release with data_collection_permissions (and the
          // Highlight API we need, since 140). We collect nothing.
          data_collection_permissions: { required: ["none"] },
        } as { id: string; strict_min_version: string },
      },
    }),
  }),
});
