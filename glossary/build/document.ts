// Parses a document: document.yaml holds its provenance (kept out of the
// Markdown because formatters rewrite front matter), document.md its text,
// whose level-2 headings carry topic ids, e.g. "## Causes of Calciphylaxis {#causes}".
import { THEMES, themeOf } from "../themes";
import type { Reporter, SourceFile } from "./diagnostics";
import { type RecordSpec, readRecord, str } from "./schema";
import { parseYaml } from "./yaml-source";

export interface Section {
  id: string;
  /** Heading as written; empty for the untitled opening text. */
  heading: string;
  line: number;
  text: string;
}

export interface ParsedDocument {
  id: string;
  path: string;
  title: string;
  publisher: string;
  origin: string;
  disclaimer: string;
  credit?: string;
  theme?: string;
  sections: Section[];
  /** Everything a reader of the document sees; evidence is checked against it. */
  fullText: string;
}

const DEFAULT_DISCLAIMER = "This information is for education only. It is not medical advice.";
const PROVENANCE = ["title", "publisher", "origin"] as const;

const metaSpec: RecordSpec = {
  title: { type: "string", required: false },
  publisher: { type: "string", required: false },
  origin: { type: "string", required: false },
  disclaimer: { type: "string", required: false },
  lead: { type: "string", required: false },
  /** Credit line the text's licence asks for (e.g. MedQuAD's CC BY 4.0). */
  credit: { type: "string", required: false },
  /** Theme the popup groups the document under: an id from glossary/themes.ts. */
  theme: { type: "string", required: false },
};

const HEADING = /^##\s+(.+?)\s+\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

/** Joins soft-wrapped lines; paragraphs stay separated by a blank line. */
function paragraphs(lines: string[]): string {
  return lines
    .join("\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "")
    .join("\n\n");
}

/** Splits the body at its headings; text before the first heading is the lead. */
function splitSections(file: SourceFile, report: Reporter): { lead: string; sections: Section[] } {
  const sections: Section[] = [];
  const leadLines: string[] = [];
  let current: (Omit<Section, "text"> & { lines: string[] }) | null = null;
  const close = (s: typeof current) => {
    if (s) sections.push({ id: s.id, heading: s.heading, line: s.line, text: paragraphs(s.lines) });
  };
  file.text.split(/\r?\n/).forEach((raw, i) => {
    if (/^#{1,6}\s/.test(raw)) {
      const m = HEADING.exec(raw);
      if (!m) {
        report.error(file.path, i + 1, 'heading must be "## Title {#topic-id}" with a kebab-case topic id');
        return;
      }
      close(current);
      current = { id: m[2] ?? "", heading: m[1] ?? "", line: i + 1, lines: [] };
      return;
    }
    if (current) current.lines.push(raw);
    else leadLines.push(raw);
  });
  close(current);
  return { lead: paragraphs(leadLines), sections };
}

interface Meta {
  values: Map<string, string>;
  /** The line of each field, for messages about its value. */
  lines: Map<string, number>;
  /** False when the file could not be read as YAML (already reported). */
  readable: boolean;
}

function readMeta(metaFile: SourceFile | null, report: Reporter): Meta {
  const meta: Meta = { values: new Map(), lines: new Map(), readable: metaFile !== null };
  if (!metaFile) return meta;
  const parsed = parseYaml(metaFile, metaFile.text, report);
  if (parsed.root === null) return { ...meta, readable: false };
  const rec = readRecord(parsed.root, metaSpec, "document", parsed, report);
  for (const key of Object.keys(metaSpec)) {
    const f = rec ? str(rec, key) : undefined;
    if (f) {
      meta.values.set(key, f.value);
      meta.lines.set(key, f.line);
    }
  }
  return meta;
}

const THEME_LIST = THEMES.map((t) => t.id).join(", ");

/** Every document names one theme of the fixed list, so the popup can group it. */
function checkTheme(meta: Meta, metaPath: string, report: Reporter): void {
  if (!meta.readable) return;
  const theme = meta.values.get("theme");
  if (theme === undefined) {
    report.error(metaPath, 1, `document has no "theme" (one of: ${THEME_LIST})`);
  } else if (!themeOf(theme)) {
    report.error(
      metaPath,
      meta.lines.get("theme") ?? 1,
      `unknown theme "${theme}" (one of: ${THEME_LIST}; the list is glossary/themes.ts)`,
    );
  }
}

export function parseDocument(
  id: string,
  metaFile: SourceFile | null,
  file: SourceFile,
  report: Reporter,
): ParsedDocument {
  const metaFields = readMeta(metaFile, report);
  const meta = metaFields.values;
  const metaPath = metaFile?.path ?? file.path.replace(/document\.md$/, "document.yaml");
  checkTheme(metaFields, metaPath, report);
  for (const key of PROVENANCE) {
    if (!meta.has(key)) {
      report.error(
        metaPath,
        1,
        `document has no provenance: missing "${key}" (title, publisher and origin are required)`,
      );
    }
  }
  const { lead, sections } = splitSections(file, report);
  const leadId = meta.get("lead");
  if (lead !== "") {
    if (leadId) sections.unshift({ id: leadId, heading: "", line: 1, text: lead });
    else report.error(file.path, 1, `text before the first heading needs a "lead" topic id in ${metaPath}`);
  }
  const disclaimer = meta.get("disclaimer") ?? DEFAULT_DISCLAIMER;
  // The lead counts even when it has no topic, so one missing id does not also fail every quote from it.
  const untitled = leadId ? [] : [lead];
  const fullText = [...untitled, ...sections.flatMap((s) => [s.heading, s.text]), disclaimer].join("\n\n");
  return {
    id,
    path: file.path,
    title: meta.get("title") ?? "",
    publisher: meta.get("publisher") ?? "",
    origin: meta.get("origin") ?? "",
    disclaimer,
    credit: meta.get("credit"),
    theme: meta.get("theme"),
    sections,
    fullText,
  };
}
