// Builds the matcher's tables from the normalized forms: once, at glossary
// build time, for the shipped index (index-tables.ts serializes them), and in
// place for indexes built where they are used (the popup's search):
// every "checkpoint" of every form (the end of a word or of a punctuation
// character) goes into the hash table, as a prefix or as a complete form; the
// scanner hashes text the same way and checks the table at the same
// checkpoints. A frame then only copies the shipped tables into typed arrays,
// instead of hashing every character of the glossary.
//
// The scanner folds and classifies page text with the browser's tables
// (chars.ts) and these hashes were made with the build's: both agree on every
// character of a Unicode version both know (the glossary's forms are ASCII).
import { APOSTROPHE, C_HIGH, C_WORD, CLASS, classify, FOLD, fold, SPACE, wordUnitsAt } from "./chars";
import { addWord, createFilter, filterBits } from "./filter";
import { addComplete, createTable, markPrefix, PRIME, SEED } from "./hash";
import { type PreparedForms, splitForms } from "./prepare";
import type { MatchIndex } from "./types";

/** End of the first word of form if it is plain (BMP word characters only), else -1. */
function plainFirstWord(form: string): number {
  let i = 0;
  while (wordUnitsAt(form, i) === 1) i++;
  if (i === 0 || wordUnitsAt(form, i) === 2) return -1;
  if (form.charCodeAt(i) === APOSTROPHE && wordUnitsAt(form, i + 1) > 0) return -1;
  return i;
}

/** Growable (hash, tag) list; tag = pattern index for a complete form, -1 for a prefix. */
class Checkpoints {
  hashes = new Int32Array(1024);
  tags = new Int32Array(1024);
  used = 0;

  push(h: number, tag: number): void {
    if (this.used === this.hashes.length) {
      const hashes = new Int32Array(this.used * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const tags = new Int32Array(this.used * 2);
      tags.set(this.tags);
      this.tags = tags;
    }
    this.hashes[this.used] = h;
    this.tags[this.used++] = tag;
  }
}

/**
 * Records the hash at each checkpoint of a normalized form: after each word
 * (apostrophes between word characters inside it) and after each punctuation
 * character. Runs over every character of the glossary, so the class and fold
 * tables are read inline.
 */
function checkpoints(form: string, out: Checkpoints, pattern: number): void {
  const cls = CLASS;
  const fl = FOLD;
  const n = form.length;
  let h = SEED;
  let i = 0;
  let inWord = false;
  while (i < n) {
    const c = form.charCodeAt(i);
    let k = cls[c] as number;
    if (k === 0) k = classify(c);
    let units = k === C_WORD ? 1 : 0;
    if (k === C_HIGH && wordUnitsAt(form, i) === 2) units = 2;
    if (units > 0) {
      h = Math.imul(h ^ (fl[c] as number), PRIME);
      if (units === 2) h = Math.imul(h ^ form.charCodeAt(i + 1), PRIME);
      i += units;
      inWord = true;
      continue;
    }
    if (inWord) {
      inWord = false;
      if (c === APOSTROPHE && wordUnitsAt(form, i + 1) > 0) {
        h = Math.imul(h ^ APOSTROPHE, PRIME);
        i++;
        inWord = true;
        continue;
      }
      out.push(h, -1); // the word before c ended
    }
    h = Math.imul(h ^ fold(c), PRIME);
    i++;
    if (c !== SPACE) out.push(h, i === n ? pattern : -1);
  }
  if (inWord) out.push(h, pattern);
}

/** The matcher's tables for the prepared forms. */
export function tabulate(prepared: PreparedForms): MatchIndex {
  const forms = splitForms(prepared.forms);
  const count = forms.length;
  if (prepared.meta.length !== count) throw new Error("match index: forms and meta differ in length");

  const points = new Checkpoints();
  const filter = createFilter(filterBits(count));
  let punctFirst: Uint8Array | null = null;
  for (let pattern = 0; pattern < count; pattern++) {
    const form = forms[pattern] as string;
    checkpoints(form, points, pattern);
    const first = plainFirstWord(form);
    if (first > 0) addWord(filter, form, first);
    if (wordUnitsAt(form, 0) === 0) {
      punctFirst ??= new Uint8Array(65536);
      punctFirst[fold(form.charCodeAt(0))] = 1;
    }
  }

  const { hashes, tags, used } = points;
  // Sized for the distinct hashes (prefixes shared by many forms count once).
  const table = createTable(new Set(hashes.subarray(0, used)).size);
  const next = new Int32Array(count).fill(-1);
  for (let i = 0; i < used; i++) {
    const tag = tags[i] as number;
    if (tag < 0) markPrefix(table, hashes[i] as number);
    else addComplete(table, hashes[i] as number, tag, next);
  }
  return {
    ids: prepared.ids,
    formText: prepared.forms,
    forms,
    meta: prepared.meta,
    table,
    next,
    filter,
    punctFirst,
  };
}
