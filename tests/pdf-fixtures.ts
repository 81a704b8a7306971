// Real PDFs for the reader's tests and benchmark, made at test time from our
// own HTML (tests/pages/pdf/) with Chromium's print-to-pdf, and with qpdf for
// the encrypted one. Nothing binary is committed: the files are written to a
// temp folder named by a hash of their sources, so later runs reuse them.
//
//   npx tsx tests/pdf-fixtures.ts      prints the folder (making it if needed)

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const SOURCES = resolve(here, "pages/pdf");

/** The reader's size limit (entrypoints/reader/source.ts): 100 MiB. */
export const LIMIT_BYTES = 100 * 1024 * 1024;

export interface PdfFixtures {
  dir: string;
  /** Three pages: a lab report table, then two pages of health text. */
  report: string;
  /** Two hundred pages of report and health text, for the benchmark. */
  long: string;
  /** The report encrypted with qpdf (AES-256), user password `PASSWORD`. */
  encrypted: string;
  /** A "scan": one page whose words are pixels, no text layer. */
  imageOnly: string;
  /** The report cut short: its last two thirds are missing. */
  damaged: string;
  /** An HTML file named .pdf. */
  notPdf: string;
}

export const PASSWORD = "kidney-2026";

/** Words on each page of `report`, for tests (glossary terms). */
export const REPORT_PAGES = [
  {
    page: 1,
    terms: ["dialysis", "biopsy", "Parathyroid hormone"],
    words: ["Creatinine", "eGFR", "Ferritin"],
  },
  { page: 2, terms: ["arterioles", "necrosis", "Calciphylaxis"], words: ["calcium"] },
  { page: 3, terms: ["debridement", "Sodium thiosulfate", "parathyroidectomy"], words: ["wet dressings"] },
] as const;

function chromePath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (existsSync(p)) return p;
  }
  throw new Error("No Chromium to print the PDF fixtures: install chromium or set CHROME_PATH.");
}

/** Chromium prints `html` (a file) to `out`. */
function printToPdf(html: string, out: string): void {
  const profile = mkdtempSync(join(tmpdir(), "termlens-print-"));
  try {
    execFileSync(
      chromePath(),
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--no-pdf-header-footer",
        `--user-data-dir=${profile}`,
        "--virtual-time-budget=2000",
        `--print-to-pdf=${out}`,
        pathToFileURL(html).href,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(out) || !readFileSync(out).subarray(0, 5).toString("latin1").startsWith("%PDF-")) {
    throw new Error(`Chromium did not print ${html} to a PDF`);
  }
}

/** The 200-page document: the report's text again and again, one section per page. */
export function longHtml(pages = 200): string {
  const report = readFileSync(join(SOURCES, "lab-report.html"), "utf8");
  const style = report.slice(report.indexOf("<style>"), report.indexOf("</style>") + 8);
  const sections = [...report.matchAll(/<section class="page"[^>]*>([\s\S]*?)<\/section>/g)].map(
    (m) => m[1] ?? "",
  );
  const body: string[] = [];
  for (let i = 0; i < pages; i++) {
    const section = sections[i % sections.length] ?? "";
    // Every page full: the section, then more of the health text.
    const more = sections[(i + 1) % sections.length] ?? "";
    body.push(`<section class="page"><p class="meta">Page ${i + 1}</p>${section}${more}</section>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long report</title>${style}</head><body>${body.join("\n")}</body></html>`;
}

function sourcesHash(): string {
  const h = createHash("sha256");
  for (const f of ["lab-report.html", "image-only.html"]) h.update(readFileSync(join(SOURCES, f)));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  return h.digest("hex").slice(0, 12);
}

function make(dir: string): void {
  const work = `${dir}.part-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const report = join(work, "lab-report.pdf");
  printToPdf(join(SOURCES, "lab-report.html"), report);
  printToPdf(join(SOURCES, "image-only.html"), join(work, "image-only.pdf"));
  const longSource = join(work, "long.html");
  writeFileSync(longSource, longHtml());
  printToPdf(longSource, join(work, "long-200.pdf"));
  rmSync(longSource);
  execFileSync(
    "qpdf",
    ["--encrypt", PASSWORD, `${PASSWORD}-owner`, "256", "--", report, join(work, "encrypted.pdf")],
    { stdio: "pipe" },
  );
  const bytes = readFileSync(report);
  writeFileSync(join(work, "damaged.pdf"), bytes.subarray(0, Math.floor(bytes.length / 3)));
  writeFileSync(
    join(work, "not-a-pdf.pdf"),
    "<!doctype html><title>Sign in</title><p>Your session has expired. Please sign in again.</p>\n",
  );
  // Another process may have finished first: keep theirs.
  if (existsSync(dir)) rmSync(work, { recursive: true, force: true });
  else renameSync(work, dir);
}

/** Makes the fixtures once per change of their sources; returns their paths. */
export function pdfFixtures(): PdfFixtures {
  const dir = join(tmpdir(), `termlens-pdf-fixtures-${sourcesHash()}`);
  if (!existsSync(join(dir, "damaged.pdf"))) make(dir);
  return {
    dir,
    report: join(dir, "lab-report.pdf"),
    long: join(dir, "long-200.pdf"),
    encrypted: join(dir, "encrypted.pdf"),
    imageOnly: join(dir, "image-only.pdf"),
    damaged: join(dir, "damaged.pdf"),
    notPdf: join(dir, "not-a-pdf.pdf"),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const f = pdfFixtures();
  console.log(`${f.dir} (${Date.now() - started} ms)`);
}
