// @vitest-environment node
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildGlossary, type DocumentSources } from "../../glossary/build/build";
import { matchPatterns } from "../../glossary/build/compile";
import { loadDocuments } from "../../glossary/build/load";
import type { CompiledGlossary, ContentData } from "../../glossary/types";
import { buildFixture, FIXTURES, messages } from "./glossary-fixtures";

describe("documents are folders", () => {
  it("builds two documents from two folders with no code change", () => {
    const result = buildFixture("two-docs");
    expect(result.diagnostics).toEqual([]);
    const glossary = result.output?.glossary as CompiledGlossary;
    expect(glossary.documents.map((d) => [d.id, d.title, d.publisher, d.origin])).toEqual([
      ["alpha", "Gout in Brief", "Test Press", "mini.txt"],
      ["beta", "Anemia Basics", "Other Press", "beta.txt"],
    ]);
    expect(glossary.topics.map((t) => [t.id, t.documentId])).toEqual([
      ["mini-intro", "alpha"],
      ["mini-treatment", "alpha"],
      ["beta-anemia", "beta"],
    ]);
    const anemia = glossary.terms.find((t) => t.id === "anemia");
    expect(anemia?.documentId).toBe("beta");
    expect(anemia?.related).toEqual(["gout"]);
    const texts = matchPatterns(glossary.terms).map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(["gout", "anemia", "anaemia"]));
  });

  it("match patterns carry each form, case-sensitive only where listed", () => {
    const terms = buildFixture("base").output?.glossary.terms ?? [];
    expect(matchPatterns(terms)).toEqual([
      { id: "gout", text: "gout", caseSensitive: false },
      { id: "uric-acid", text: "uric acid", caseSensitive: false },
      { id: "uric-acid", text: "urate", caseSensitive: false },
      { id: "uric-acid", text: "UA", caseSensitive: true },
      { id: "colchicine", text: "colchicine", caseSensitive: false },
    ]);
  });

  it("reports a missing file of a document folder", () => {
    const base = join(FIXTURES, "base");
    const [mini] = loadDocuments(base, base) as [DocumentSources];
    expect(messages(buildGlossary([{ ...mini, entries: null }], "base"))).toEqual([
      "mini/entries.yaml: file is missing",
    ]);
  });

  it("a document without opening text needs no lead topic", () => {
    const beta = buildFixture("two-docs").output?.glossary.topics.find((t) => t.id === "beta-anemia");
    expect(beta?.source).toBe(
      "Anemia means the blood has too few red blood cells. People with anemia often feel tired.",
    );
  });
});

describe("npm run glossary (cli)", () => {
  const dirs: string[] = [];
  const run = (...args: string[]) => {
    const out = mkdtempSync(join(tmpdir(), "termlens-glossary-"));
    dirs.push(out);
    const res = spawnSync("npx", ["tsx", "glossary/build/cli.ts", ...args, "--out", out], {
      encoding: "utf8",
    });
    return { ...res, out };
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("--json prints the compiled glossary and nothing else on stdout", () => {
    const res = run("--json", "--root", join(FIXTURES, "two-docs"));
    expect(res.status).toBe(0);
    const printed = JSON.parse(res.stdout) as CompiledGlossary;
    expect(Object.keys(printed)).toEqual(["documents", "topics", "terms", "references"]);
    expect(res.stderr).toMatch(
      /2 document\(s\), 3 topics, 4 entries, 0 test cards, 10 citations verified \(0 references\), inventory 0\/0 tests covered; median FK grade/,
    );
    const content = JSON.parse(readFileSync(join(res.out, "content-data.json"), "utf8")) as ContentData;
    expect(content.version).toBe(1);
    // The index format belongs to the matcher; only its presence is checked here.
    expect(Object.keys(content).sort()).toEqual(["everyday", "index", "version"]);
    expect(content.index).toBeTruthy();
    expect(content.everyday).toEqual([]);
  });

  it("--quiet prints only the one-line summary", () => {
    const res = run("--quiet", "--root", join(FIXTURES, "base"));
    expect(res.status).toBe(0);
    expect(res.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("exits 1, prints every error and writes nothing when the glossary is broken", () => {
    const res = run("--quiet", "--root", join(FIXTURES, "no-such-folder"));
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/no document folders found/);
    expect(existsSync(join(res.out, "glossary.json"))).toBe(false);
    expect(existsSync(join(res.out, "content-data.json"))).toBe(false);
  });
});
