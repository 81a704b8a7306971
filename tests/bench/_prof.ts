import { buildIndex, enablePrefilter, matchChunks } from "../../glossary/match/index";
import { loadPages } from "./extract";
import { scaleGlossary } from "./glossaries";

enablePrefilter();
const pages = loadPages("/work/shared/corpus/pages");
const ix = buildIndex(scaleGlossary("/work/shared/corpus/vocab/combined_scale_glossary.tsv"));
let n = 0;
for (let r = 0; r < 60; r++) for (const p of pages) n += matchChunks(ix, [p.text]).length;
console.log(n);
