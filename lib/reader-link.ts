// Links into the PDF reader (entrypoints/reader/): `reader.html?src=<URL>`
// opens the PDF at an http, https or file URL. Pure, for the popup, the
// background's context menu and tests.

/** The reader's path in the extension, with the PDF's address as `src`. */
export function readerPath(src: string): `/reader.html?src=${string}` {
  return `/reader.html?src=${encodeURIComponent(src)}`;
}

/** Match patterns for links to PDFs (the context menu's `targetUrlPatterns`). */
export const PDF_LINK_PATTERNS = [
  "http://*/*.pdf",
  "https://*/*.pdf",
  "http://*/*.pdf?*",
  "https://*/*.pdf?*",
  "http://*/*.PDF",
  "https://*/*.PDF",
  "file:///*.pdf",
  "file:///*.PDF",
];

/**
 * The PDF a tab shows, if any: its URL when the path ends in .pdf or the
 * frame says it shows a PDF (the browser's viewer: `document.contentType`).
 * Only http, https and file URLs, which the reader can open.
 */
export function pdfShownAt(url: string | undefined, frameSaysPdf = false): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!["http:", "https:", "file:"].includes(parsed.protocol)) return null;
  return frameSaysPdf || /\.pdf$/i.test(parsed.pathname) ? parsed.href : null;
}
