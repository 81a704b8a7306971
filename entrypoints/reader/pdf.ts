// pdf.js, bundled: its worker is a file of the extension, and the standard
// fonts, CMaps, ICC profiles and image decoders it may need are copied into
// the extension by modules/pdfjs-assets.ts. They are extension files, not
// web-accessible resources: only our own pages can load them, and nothing is
// fetched from anywhere but the extension and the PDF's own address.

import {
  GlobalWorkerOptions,
  getDocument,
  PasswordResponses,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
  VerbosityLevel,
} from "pdfjs-dist/legacy/build/pdf.mjs";
// The "legacy" build: the modern one needs Map.prototype.getOrInsertComputed,
// which Firefox ESR 140 (our minimum) lacks; this one carries the polyfills.
import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";
import { ReaderError } from "./source";

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where the build puts pdf.js's data (modules/pdfjs-assets.ts). */
const ASSETS = "/pdfjs/";

export type PasswordPrompt = (retry: boolean) => Promise<string | null>;

/** What went wrong, in words for the page, from one of pdf.js's errors. */
export function explainPdfError(error: unknown): ReaderError {
  if (error instanceof ReaderError) return error;
  const name = (error as { name?: string } | null)?.name ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new ReaderError("password", "This PDF is protected by a password.", message);
  }
  if (name === "InvalidPDFException") {
    return new ReaderError("damaged", "This PDF is damaged, so Termlens cannot open it.", message);
  }
  return new ReaderError("damaged", "This PDF could not be opened: it may be damaged.", message);
}

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  task: PDFDocumentLoadingTask;
}

/**
 * Opens `bytes` with pdf.js. For a protected PDF, `askPassword` is called
 * (with `retry` once a password was wrong) until it gives the right one or
 * null (the user gave up: a "password" error).
 */
export async function openPdf(bytes: Uint8Array, askPassword: PasswordPrompt): Promise<OpenedPdf> {
  const task = getDocument({
    // pdf.js takes the buffer over: a copy keeps the caller's bytes usable.
    data: bytes.slice(),
    cMapUrl: `${ASSETS}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    wasmUrl: `${ASSETS}wasm/`,
    iccUrl: `${ASSETS}iccs/`,
    // Extension pages may not evaluate strings; pdf.js would try, and the
    // refusal is a console error.
    isEvalSupported: false,
    enableXfa: false,
    // Damaged files are reported on the page; pdf.js's own warnings stay out of the console.
    verbosity: VerbosityLevel.ERRORS,
  });
  let gaveUp = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    askPassword(reason === PasswordResponses.INCORRECT_PASSWORD).then(
      (password) => {
        if (password === null) {
          gaveUp = true;
          void task.destroy();
        } else update(password);
      },
      () => void task.destroy(),
    );
  };
  try {
    const doc = await task.promise;
    return { doc, task };
  } catch (error) {
    if (gaveUp) {
      throw new ReaderError("password", "This PDF is protected by a password. It stays closed without it.");
    }
    throw explainPdfError(error);
  }
}
