// The PDF reader's pure parts: links into it, the size label, the PDF check,
// and find over pages' text with its mapping back to text-layer nodes.

import { describe, expect, test } from "vitest";
import { findAll, rangeIn } from "../../entrypoints/reader/find";
import type { PageText } from "../../entrypoints/reader/page-view";
import { formatSize, looksLikePdf, MAX_BYTES, parseSrc, ReaderError } from "../../entrypoints/reader/source";
import { pdfShownAt, readerPath } from "../../lib/reader-link";

function page(items: string[], eol: boolean[] = []): PageText {
  let text = "";
  const starts: number[] = [];
  items.forEach((s, i) => {
    starts.push(text.length);
    text += s;
    if (eol[i]) text += "\n";
  });
  return { text, starts, items };
}

describe("reader links", () => {
  test("readerPath encodes the PDF's address", () => {
    expect(readerPath("https://portal.example/r.pdf?id=1&x=2")).toBe(
      "/reader.html?src=https%3A%2F%2Fportal.example%2Fr.pdf%3Fid%3D1%26x%3D2",
    );
  });
  test("pdfShownAt: .pdf paths, or the frame's word; only http, https, file", () => {
    expect(pdfShownAt("https://a.example/docs/Report.PDF?x=1")).toBe("https://a.example/docs/Report.PDF?x=1");
    expect(pdfShownAt("https://a.example/download?id=3")).toBeNull();
    expect(pdfShownAt("https://a.example/download?id=3", true)).toBe("https://a.example/download?id=3");
    expect(pdfShownAt("https://a.example/a.pdf.html")).toBeNull();
    expect(pdfShownAt("chrome://settings/a.pdf")).toBeNull();
    expect(pdfShownAt("file:///home/me/lab.pdf")).toBe("file:///home/me/lab.pdf");
    expect(pdfShownAt(undefined)).toBeNull();
  });
});

describe("reader sources", () => {
  test("parseSrc accepts http, https, file; refuses the rest with a bad-url error", () => {
    expect(parseSrc("https://x.example/a.pdf").href).toBe("https://x.example/a.pdf");
    expect(parseSrc("file:///tmp/a.pdf").protocol).toBe("file:");
    for (const bad of ["javascript:alert(1)", "data:application/pdf;base64,JVBE", "a.pdf", "ftp://x/a.pdf"]) {
      expect(() => parseSrc(bad)).toThrow(ReaderError);
      try {
        parseSrc(bad);
      } catch (e) {
        expect((e as ReaderError).kind).toBe("bad-url");
      }
    }
  });
  test("looksLikePdf finds the header, allowing junk before it", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(looksLikePdf(enc("%PDF-1.7\n..."))).toBe(true);
    expect(looksLikePdf(enc(`${"\n".repeat(100)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(enc("<!doctype html><p>Sign in"))).toBe(false);
  });
  test("formatSize", () => {
    expect(formatSize(MAX_BYTES)).toBe("100 MB");
    expect(formatSize(1.5 * 1024 * 1024)).toBe("1.5 MB");
    expect(formatSize(300)).toBe("1 KB");
  });
});

describe("reader find", () => {
  const pages = [
    page(["Creatinine 4.8 mg/dL", "on dialysis, with"], [true, true]),
    page(["need", " dialysis."], [false, true]),
  ];
  test("every match on every page, case and spacing folded", () => {
    expect(findAll(pages, "DIALYSIS")).toEqual([
      { page: 1, start: 24, end: 32 },
      { page: 2, start: 5, end: 13 },
    ]);
    expect(findAll(pages, "mg/dL   on")).toEqual([{ page: 1, start: 15, end: 23 }]);
    expect(findAll(pages, "   ")).toEqual([]);
    expect(findAll(pages, "nothing")).toEqual([]);
  });
  test("rangeIn maps a match back onto the text layer's nodes, across items", () => {
    const spans = pages[1]?.items.map((s) => {
      const span = document.createElement("span");
      span.textContent = s;
      document.body.append(span);
      return span;
    }) as HTMLElement[];
    const [match] = findAll([undefined, pages[1]], "need dialysis");
    expect(match).toBeDefined();
    const range = rangeIn(pages[1] as PageText, spans, match as NonNullable<typeof match>);
    expect(range?.toString()).toBe("need dialysis");
    expect(range?.startContainer).toBe(spans[0]?.firstChild);
    expect(range?.endContainer).toBe(spans[1]?.firstChild);
  });
});
