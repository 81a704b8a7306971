// Hash hits are candidates; this confirms one against the pattern's form, so a
// collision can never produce a wrong match.
import { APOSTROPHE, C_APOS, C_IGN, C_SEP, charClass, fold, SPACE } from "./chars";
import { splitForms } from "./prepare";
import type { MatchIndex } from "./types";

/** Whether text[start, end) normalizes to form (folding case when foldCase). */
export function verifyAt(text: string, start: number, end: number, form: string, foldCase: boolean): boolean {
  const m = form.length;
  let f = 0;
  let p = start;
  while (p < end) {
    const c = text.charCodeAt(p);
    const k = charClass(c);
    p++;
    if (k === C_IGN) continue;
    let code: number;
    if (k === C_SEP) {
      while (p < end) {
        const k2 = charClass(text.charCodeAt(p));
        if (k2 !== C_SEP && k2 !== C_IGN) break;
        p++;
      }
      code = SPACE;
    } else code = k === C_APOS ? APOSTROPHE : foldCase ? fold(c) : c;
    if (f >= m || form.charCodeAt(f) !== code) return false;
    f++;
  }
  return f === m;
}

/** The forms, one per pattern: split from the loaded text the first time one is needed. */
function formsOf(ix: MatchIndex): string[] {
  if (ix.forms !== null) return ix.forms;
  const forms = splitForms(ix.formText);
  if (forms.length !== ix.meta.length) throw new Error("match index: forms and meta differ in length");
  ix.forms = forms;
  return forms;
}

/** First pattern of the chain starting at head that accepts the span, or -1. */
export function verifyChain(ix: MatchIndex, text: string, start: number, end: number, head: number): number {
  const forms = formsOf(ix);
  for (let p = head; p >= 0; p = ix.next[p] as number) {
    if (verifyAt(text, start, end, forms[p] as string, ((ix.meta[p] as number) & 1) === 0)) return p;
  }
  return -1;
}
