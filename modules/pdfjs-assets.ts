// The PDF reader's pdf.js data, copied from pdfjs-dist into the build under
// pdfjs/: standard fonts, CMaps, ICC profiles and image decoders (wasm). The
// reader (entrypoints/reader/pdf.ts) loads them from the extension, so it
// never fetches anything but the PDF. They are not web-accessible: pages on
// the web cannot load them, only the extension's own pages.

import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineWxtModule } from "wxt/modules";

const FOLDERS = ["cmaps", "standard_fonts", "iccs", "wasm"];

export default defineWxtModule({
  name: "pdfjs-assets",
  setup(wxt) {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    wxt.hook("build:publicAssets", (_wxt, files) => {
      for (const folder of FOLDERS) {
        for (const name of readdirSync(join(root, folder))) {
          files.push({ absoluteSrc: join(root, folder, name), relativeDest: `pdfjs/${folder}/${name}` });
        }
      }
    });
  },
});
