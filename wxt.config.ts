import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

// Termlens never talks to the network: no host permissions beyond reading the
// pages it explains, no remote code, no analytics.
export default defineConfig({
  imports: false,
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: "Termlens",
    description: "Explains medical words where you read them. Everything stays in your browser.",
    permissions: ["storage"],
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
