// The one way into the generated glossary (`npm run glossary` writes it; npm
// install runs that build, so a fresh clone type-checks). Assigned, not cast:
// if the build's output drifts from glossary/types.ts, tsc says where.

import { contentData as generatedContentData } from "./generated/content-data";
import glossaryJson from "./generated/glossary.json";
import type { CompiledGlossary, ContentData } from "./types";

/** Full entries and topics: for the background, the popup and the PDF reader. */
export const glossary: CompiledGlossary = glossaryJson;

/**
 * The matching index and everyday ids. The content script does not import
 * this: it receives it in `entrypoints/content-index.ts`, injected beside it.
 * A module of literals rather than the JSON (the same data; see
 * glossary/build/cli.ts): that is what makes the injected script cheap to
 * evaluate.
 */
export const contentData: ContentData = generatedContentData;
