// Hash hits are candidates; this confirms one against the pattern's form, so a
// collision can never produce a wrong match.
import { APOSTROPHE, C_APOS, C_IGN, C_SEP, charClass, fold, SPACE } from "./chars";
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

/** First pattern of the chain starting at head that accepts the span, or -1. */
export function verifyChain(ix: MatchIndex, text: string, start: number, end: number, head: number): number {
  for (let p = head; p >= 0; p = ix.next[p] as number) {
    if (verifyAt(text, start, end, ix.forms[p] as string, ix.caseSensitive[p] === 0)) return p;
  }
  return -1;
}
