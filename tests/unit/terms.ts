// Glossary terms for unit tests that build their own small glossaries.

import type { Term } from "../../glossary/types";

/** A term with `id` as its name and everything else empty, unless `fields` say otherwise. */
export function makeTerm(id: string, fields: Partial<Term> = {}): Term {
  return {
    id,
    term: id,
    variants: [],
    definition: "",
    topicIds: [],
    related: [],
    evidence: "",
    citations: [],
    everyday: false,
    caseSensitive: [],
    documentId: "d",
    ...fields,
  };
}
