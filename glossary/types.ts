// The shapes shared by the glossary build, the extension and the tests.
// `CompiledGlossary` is the public contract printed by `npm run glossary -- --json`.

export interface SourceDocument {
  id: string;
  title: string;
  publisher: string;
  /** File name of the original document (provenance). */
  origin: string;
  /** Educational-use notice shown by the popup and the tooltip. */
  disclaimer: string;
}

export interface Topic {
  id: string;
  title: string;
  summary: string;
  points: string[];
  termIds: string[];
  /** The section's text from the source document, for "read the source". */
  source: string;
  documentId: string;
  /** Where the document is wrong or loose, what is right (plain words). */
  correction?: string;
}

export interface Term {
  id: string;
  term: string;
  variants: string[];
  definition: string;
  explanation?: string;
  topicIds: string[];
  related: string[];
  evidence: string;
  everyday: boolean;
  /** Forms (term or variants) matched only exactly as written, e.g. "ESRD". */
  caseSensitive: string[];
  correction?: string;
  documentId: string;
}

export interface CompiledGlossary {
  documents: SourceDocument[];
  topics: Topic[];
  terms: Term[];
}

/** What the content script ships: only what matching and styling need. */
export interface ContentData {
  version: 1;
  index: import("./match/index").SerializedIndex;
  /** Ids of everyday words: explained on hover, not underlined by default. */
  everyday: string[];
}
