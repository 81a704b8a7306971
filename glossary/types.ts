// The shapes shared by the glossary build, the extension and the tests.
// `CompiledGlossary` is the public contract printed by `npm run glossary -- --json`.

export interface SourceDocument {
  id: string;
  title: string;
  publisher: string;
  /** File name or address of the original document (provenance). */
  origin: string;
  /** Educational-use notice shown by the popup and the tooltip. */
  disclaimer: string;
  /** Credit line the document's licence asks for, shown with its text. */
  credit?: string;
  /** Theme the popup groups the document under. */
  theme?: string;
}

/** A published source that is not shipped as a document (glossary/references.yaml). */
export interface Reference {
  id: string;
  authors: string;
  title: string;
  source: string;
  year: string;
  pmid?: string;
  doi?: string;
  url?: string;
}

/** One verbatim quote that states what the text citing it claims. */
export interface Citation {
  /** Set when the quote is from a shipped document. */
  documentId?: string;
  /** Set when the quote is from a reference. */
  referenceId?: string;
  quote: string;
}

export interface CitedText {
  text: string;
  cite: Citation;
}

/** What a lab test measures and what its results can mean, each line cited. */
export interface TestCard {
  measures: CitedText;
  why?: CitedText;
  high?: CitedText;
  low?: CitedText;
  questions: CitedText[];
}

export interface Topic {
  id: string;
  title: string;
  /** Our summary; "" when the topic has none (the popup shows `source` instead). */
  summary: string;
  points: string[];
  termIds: string[];
  /** The section's text from the source document, for "read the source". */
  source: string;
  documentId: string;
  /** Where the document is wrong or loose, what is right (popup only). */
  correction?: string;
  summaryCitations: Citation[];
  /** One list per key point, in the order of `points`. */
  pointCitations: Citation[][];
  correctionCitations?: Citation[];
}

export interface Term {
  id: string;
  term: string;
  variants: string[];
  definition: string;
  explanation?: string;
  topicIds: string[];
  related: string[];
  /** The first citation's quote (kept from the first contract). */
  evidence: string;
  citations: Citation[];
  everyday: boolean;
  /** Forms (term or variants) matched only exactly as written, e.g. "ESRD". */
  caseSensitive: string[];
  /**
   * Phrases that hold a form of this entry but name something else ("sickle
   * cell trait" is not sickle cell anemia): matched so that the form inside
   * is not, and never shown. Absent when none.
   */
  notWithin?: string[];
  /** Where the source document is wrong: shown in the popup's term view, never in the tooltip. */
  correction?: string;
  correctionCitations?: Citation[];
  test?: TestCard;
  documentId: string;
}

export interface CompiledGlossary {
  documents: SourceDocument[];
  topics: Topic[];
  terms: Term[];
  references: Reference[];
}

/** What the content script ships: only what matching and styling need. */
export interface ContentData {
  /** The shape of this file; readers check it (lib/content-data.ts). */
  version: number;
  index: import("./match/index").SerializedIndex;
  /** Ids of everyday words: explained on hover, not underlined by default. */
  everyday: string[];
}
