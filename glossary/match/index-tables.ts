// Builds the runtime index from the serialized form: every "checkpoint" of
// every form (the end of a word or of a punctuation character) goes into the
// hash table, as a prefix or as a complete form. The scanner hashes text the
// same way and checks the table at the same checkpoints.
import { APOSTROPHE, C_HIGH, C_WORD, CLASS, classify, FOLD, fold, SPACE, wordUnitsAt } from "./chars";
import { addWord, createFilter } from "./filter";
import { addComplete, createTable, markPrefix, PRIME, SEED } from "./hash";
import { FORMAT, VERSION } from "./prepare";
import type { MatchIndex, SerializedIndex } from "./types";

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
 * character. Runs over every character of the glossary at load, so the class
 * and fold tables are read inline.
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

export function compile(data: SerializedIndex): MatchIndex {
  if (data.format !== FORMAT || data.version !== VERSION) {
    throw new Error(`match index: expected ${FORMAT} v${VERSION}, got ${data.format} v${data.version}`);
  }
  const forms = data.forms === "" ? [] : data.forms.split("\n");
  const count = forms.length;
  if (data.meta.length !== count) throw new Error("match index: forms and meta differ in length");

  const points = new Checkpoints();
  let punctFirst: Uint8Array | null = null;
  const filter = createFilter(count);
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
  const table = createTable(used);
  const next = new Int32Array(count).fill(-1);
  for (let i = 0; i < used; i++) {
    const tag = tags[i] as number;
    if (tag < 0) markPrefix(table, hashes[i] as number);
    else addComplete(table, hashes[i] as number, tag, next);
  }
  const caseSensitive = new Uint8Array(count);
  const idOf = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const m = data.meta[i] as number;
    caseSensitive[i] = m & 1;
    idOf[i] = m >>> 1;
  }
  return { data, table, forms, caseSensitive, idOf, next, filter, punctFirst };
}
