// Where a PDF comes from and the first checks on its bytes: `?src=` links
// (http, https, file where the browser lets us), files picked or dropped. The
// only network request the reader makes is the one here, for the PDF the user
// chose, with the browser's cookies so a PDF behind a portal login opens when
// the user could open it.

/** The largest PDF the reader opens: 100 MiB. */
export const MAX_BYTES = 100 * 1024 * 1024;

export type ReaderErrorKind =
  | "bad-url"
  | "load-failed"
  | "file-access"
  | "too-large"
  | "not-pdf"
  | "damaged"
  | "password";

/** A problem the reader explains on the page. */
export class ReaderError extends Error {
  constructor(
    readonly kind: ReaderErrorKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "ReaderError";
  }
}

export interface PdfBytes {
  bytes: Uint8Array;
  /** A short name for the title bar: the file name or the link's last part. */
  name: string;
  /** The link it came from, when it came from one. */
  url?: string;
}

/** "1.5 MB", "120 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

function tooLarge(size: number): ReaderError {
  return new ReaderError(
    "too-large",
    `This PDF is too large to open (${formatSize(size)}). Termlens opens PDFs up to ${formatSize(MAX_BYTES)}.`,
  );
}

/** The last part of a link's path, decoded, or its host. */
export function nameFromUrl(url: URL): string {
  const last = url.pathname.split("/").filter(Boolean).pop();
  if (!last) return url.host || url.href;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Reads the `src` parameter: a URL the reader may load, or an error to show. */
export function parseSrc(src: string): URL {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw new ReaderError("bad-url", "This link to a PDF is not a valid address.", src);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "file:") {
    throw new ReaderError("bad-url", "Termlens opens PDFs from http, https and file links only.", src);
  }
  return url;
}

/** PDF files start with `%PDF-`, allowed a little junk before it. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

function checkPdf(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new ReaderError("not-pdf", `“${name}” is empty: there is no PDF to show.`);
  if (!looksLikePdf(bytes)) {
    throw new ReaderError("not-pdf", `“${name}” is not a PDF, so Termlens cannot show it.`);
  }
}

export async function readFile(file: File): Promise<PdfBytes> {
  if (file.size > MAX_BYTES) throw tooLarge(file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new ReaderError("load-failed", `Could not read “${file.name}”.`, String(error));
  }
  checkPdf(bytes, file.name);
  return { bytes, name: file.name };
}

/** Reads a response body, stopping as soon as it goes over the limit. */
async function readLimited(response: Response, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_BYTES) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(declared);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel().catch(() => {});
      throw signal.reason;
    }
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge(total);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * `fetch` has no file: scheme, but an extension allowed to read file URLs
 * may use XMLHttpRequest for them (Chromium: "Allow access to file URLs").
 */
function readFileUrl(url: URL): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", url.href);
    xhr.responseType = "arraybuffer";
    xhr.onload = () => {
      const body = xhr.response as ArrayBuffer | null;
      if (body && (xhr.status === 0 || xhr.status === 200)) resolve(new Uint8Array(body));
      else reject(new Error(`status ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error("not allowed"));
    try {
      xhr.send();
    } catch (error) {
      reject(error);
    }
  });
}

export async function readUrl(url: URL, signal?: AbortSignal): Promise<PdfBytes> {
  const name = nameFromUrl(url);
  if (url.protocol === "file:") {
    let bytes: Uint8Array;
    try {
      bytes = await readFileUrl(url);
    } catch (error) {
      throw new ReaderError(
        "file-access",
        "Termlens may not read files on this computer from a link. Use “Open a PDF…” instead, or allow access to file URLs in the extension’s details.",
        `${url.href}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (bytes.length > MAX_BYTES) throw tooLarge(bytes.length);
    checkPdf(bytes, name);
    return { bytes, name, url: url.href };
  }
  let response: Response;
  try {
    response = await fetch(url.href, { credentials: "include", signal, cache: "default" });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ReaderError(
      "load-failed",
      `Could not load the PDF: ${url.host} did not answer.`,
      `${url.href}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    const hint =
      response.status === 401 || response.status === 403
        ? " You may need to sign in to the site first."
        : response.status === 404
          ? " The file is not there."
          : "";
    throw new ReaderError(
      "load-failed",
      `Could not load the PDF: the server answered ${status}.${hint}`,
      url.href,
    );
  }
  const bytes = await readLimited(response, signal);
  checkPdf(bytes, name);
  return { bytes, name, url: url.href };
}
