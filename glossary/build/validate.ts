// Cross-checks between documents, topics and entries. Each check reports at
// the line of the node that has to change.
import type { Reporter } from "./diagnostics";
import type { ParsedDocument } from "./document";
import { formKey, KEBAB, normalizeQuote } from "./normalize";
import { countSentences, countWords, fleschKincaidGrade, withoutForms } from "./readability";
import type { EntryDraft, TopicDraft } from "./records";

export const LIMITS = {
  definitionWords: 25,
  definitionGrade: 10,
  medianGrade: 8,
  summaryMin: 2,
  summaryMax: 5,
};

interface Seen {
  path: string;
  line: number;
}

function checkIds(
  items: { id: { value: string; line: number }; path: string }[],
  kind: string,
  report: Reporter,
) {
  const seen = new Map<string, Seen>();
  for (const { id, path } of items) {
    if (!KEBAB.test(id.value)) report.error(path, id.line, `${kind} id "${id.value}" must be kebab-case`);
    const first = seen.get(id.value);
    if (first)
      report.error(
        path,
        id.line,
        `duplicate ${kind} id "${id.value}" (first at ${first.path}:${first.line})`,
      );
    else seen.set(id.value, { path, line: id.line });
  }
}

export function checkTopics(docs: ParsedDocument[], topics: TopicDraft[], report: Reporter): void {
  checkIds(topics, "topic", report);
  for (const doc of docs) {
    const own = topics.filter((t) => t.documentId === doc.id);
    for (const section of doc.sections) {
      if (!own.some((t) => t.id.value === section.id)) {
        report.error(doc.path, section.line, `section "${section.id}" has no topic in topics.yaml`);
      }
    }
    for (const topic of own) {
      if (!doc.sections.some((s) => s.id === topic.id.value)) {
        report.error(
          topic.path,
          topic.id.line,
          `topic "${topic.id.value}" has no section {#${topic.id.value}} in ${doc.path}`,
        );
      }
    }
  }
  for (const topic of topics) {
    const n = countSentences(topic.summary.value);
    if (n < LIMITS.summaryMin || n > LIMITS.summaryMax) {
      report.error(
        topic.path,
        topic.summary.line,
        `summary must have ${LIMITS.summaryMin} to ${LIMITS.summaryMax} sentences, found ${n}`,
      );
    }
  }
}

interface Claim {
  path: string;
  line: number;
  entryId: string;
  form: string;
  caseSensitive: boolean;
}

/** Every form of every entry, so that no page word can point at two entries. */
function checkForms(entries: EntryDraft[], report: Reporter): void {
  const claims = new Map<string, Claim[]>();
  for (const e of entries) {
    const forms = [
      { text: e.term.value, line: e.term.line },
      ...e.variants.value.map((text, i) => ({ text, line: e.variants.itemLines[i] ?? e.variants.line })),
    ];
    const all = new Set(forms.map((f) => f.text));
    e.caseSensitive.value.forEach((form, i) => {
      if (!all.has(form)) {
        report.error(
          e.path,
          e.caseSensitive.itemLines[i] ?? e.line,
          `caseSensitive form "${form}" is not the term or one of its variants`,
        );
      }
    });
    const exact = new Set(e.caseSensitive.value);
    for (const { text, line } of forms) {
      const claim: Claim = {
        path: e.path,
        line,
        entryId: e.id.value,
        form: formKey(text, true),
        caseSensitive: exact.has(text),
      };
      // Keyed case-folded: a case-insensitive "cua" would also match a case-sensitive "CUA".
      const key = formKey(text, false);
      const clash = (claims.get(key) ?? []).find(
        (c) => !(c.caseSensitive && claim.caseSensitive && c.form !== claim.form),
      );
      if (!clash) {
        claims.set(key, [...(claims.get(key) ?? []), claim]);
      } else if (clash.entryId === claim.entryId) {
        report.error(e.path, line, `variant "${text}" repeats another form of this entry`);
      } else {
        report.error(
          e.path,
          line,
          `variant "${text}" is already claimed by entry "${clash.entryId}" (${clash.path}:${clash.line})`,
        );
      }
    }
  }
}

export function definitionGrade(e: Pick<EntryDraft, "term" | "variants" | "definition">): number {
  return fleschKincaidGrade(withoutForms(e.definition.value, [e.term.value, ...e.variants.value]));
}

export function checkEntries(
  docs: ParsedDocument[],
  topics: TopicDraft[],
  entries: EntryDraft[],
  report: Reporter,
): Map<string, number> {
  checkIds(entries, "entry", report);
  checkForms(entries, report);
  const topicIds = new Set(topics.map((t) => t.id.value));
  const entryIds = new Set(entries.map((e) => e.id.value));
  const texts = new Map(docs.map((d) => [d.id, normalizeQuote(d.fullText)]));
  const grades = new Map<string, number>();
  for (const e of entries) {
    const words = countWords(e.definition.value).length;
    if (words > LIMITS.definitionWords) {
      report.error(
        e.path,
        e.definition.line,
        `definition has ${words} words (at most ${LIMITS.definitionWords})`,
      );
    }
    const grade = definitionGrade(e);
    grades.set(e.id.value, grade);
    if (grade > LIMITS.definitionGrade) {
      report.error(
        e.path,
        e.definition.line,
        `definition reads at grade ${grade} (at most ${LIMITS.definitionGrade})`,
      );
    }
    const text = texts.get(e.documentId) ?? "";
    if (!text.includes(normalizeQuote(e.evidence.value))) {
      report.error(
        e.path,
        e.evidence.line,
        `evidence not found verbatim in the document: "${e.evidence.value}"`,
      );
    }
    if (e.topics.value.length === 0)
      report.error(e.path, e.topics.line, "entry must list at least one topic");
    e.topics.value.forEach((t, i) => {
      if (!topicIds.has(t))
        report.error(e.path, e.topics.itemLines[i] ?? e.topics.line, `unknown topic "${t}"`);
    });
    e.related.value.forEach((r, i) => {
      const line = e.related.itemLines[i] ?? e.related.line;
      if (r === e.id.value) report.error(e.path, line, "an entry cannot be related to itself");
      else if (!entryIds.has(r)) report.error(e.path, line, `unknown related entry "${r}"`);
    });
  }
  return grades;
}
