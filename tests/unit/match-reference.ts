// A slow, obviously correct matcher written straight from the rules in
// glossary/match/index.ts, sharing no code with the engine: the property tests
// check the engine against it. Quadratic; for small texts and glossaries only.
import type { MatchPattern, TextMatch } from "../../glossary/match/index";

const IGNORABLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const APOSTROPHE = /['\u2018\u2019\u02bc\uff07]/;
const SEPARATOR = /[\s\p{Zs}\u2010-\u2015\u2e3a\u2e3b\ufe58\ufe63\uff0d-]/u;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;

/** Per code unit: lowercase when that stays one code unit (surrogates as they are). */
function foldUnit(u: string): string {
  const code = u.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return u;
  const l = u.toLowerCase();
  return l.length === 1 ? l : u;
}

interface Normalized {
  units: string[];
  /** Original [from, to) of each normalized unit. */
  from: number[];
  to: number[];
}

function normalize(text: string): Normalized {
  const n: Normalized = { units: [], from: [], to: [] };
  for (let i = 0; i < text.length; i++) {
    const u = text.charAt(i);
    if (IGNORABLE.test(u)) continue;
    if (SEPARATOR.test(u)) {
      const last = n.units.length - 1;
      if (n.units[last] === " ") n.to[last] = i + 1;
      else {
        n.units.push(" ");
        n.from.push(i);
        n.to.push(i + 1);
      }
      continue;
    }
    n.units.push(APOSTROPHE.test(u) ? "'" : u);
    n.from.push(i);
    n.to.push(i + 1);
  }
  return n;
}

/** Word-ness per unit, decided on code points (a surrogate pair is one character). */
function wordFlags(units: string[]): boolean[] {
  const flags = units.map(() => false);
  for (let i = 0; i < units.length; i++) {
    const hi = (units[i] as string).charCodeAt(0);
    const lo = i + 1 < units.length ? (units[i + 1] as string).charCodeAt(0) : 0;
    if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
      const w = WORD.test((units[i] as string) + (units[i + 1] as string));
      flags[i] = w;
      flags[i + 1] = w;
      i++;
    } else flags[i] = WORD.test(units[i] as string);
  }
  return flags;
}

export function referenceForm(text: string, caseSensitive: boolean): string {
  const units = normalize(text).units;
  while (units[0] === " ") units.shift();
  while (units[units.length - 1] === " ") units.pop();
  return (caseSensitive ? units : units.map(foldUnit)).join("");
}

export function referenceMatch(patterns: readonly MatchPattern[], chunks: readonly string[]): TextMatch[] {
  const norm = normalize(chunks.join(""));
  const exact = norm.units;
  const folded = exact.map(foldUnit);
  const len = exact.length;
  const word = wordFlags(exact);
  const joins = (i: number) =>
    exact[i] === "'" && i > 0 && i + 1 < len && word[i - 1] === true && word[i + 1] === true;
  const wordish = (i: number) => i >= 0 && i < len && (word[i] === true || joins(i));
  const splitsWord = (i: number) => wordish(i - 1) && wordish(i);
  const forms = patterns.map((p) => ({ p, form: referenceForm(p.text, p.caseSensitive).split("") }));

  const raw: { start: number; end: number; id: string }[] = [];
  let p = 0;
  while (p < len) {
    if (exact[p] === " " || splitsWord(p)) {
      p++;
      continue;
    }
    let best: { q: number; resume: number; id: string } | null = null;
    for (const { p: pat, form } of forms) {
      if (form.length === 0 || p + form.length > len) continue;
      const hay = pat.caseSensitive ? exact : folded;
      if (form.some((u, k) => hay[p + k] !== u)) continue;
      const q = p + form.length;
      let resume = -1;
      if (!splitsWord(q)) resume = q;
      else if (
        joins(q) &&
        (exact[q + 1] === "s" || exact[q + 1] === "S") &&
        !wordish(q + 2) // the 's ends the word: a possessive
      )
        resume = q + 2;
      if (resume >= 0 && (best === null || q > best.q)) best = { q, resume, id: pat.id };
    }
    if (best === null) {
      p++;
      continue;
    }
    raw.push({ start: norm.from[p] as number, end: norm.to[best.q - 1] as number, id: best.id });
    p = best.resume;
  }

  const starts: number[] = [];
  let acc = 0;
  for (const c of chunks) {
    starts.push(acc);
    acc += c.length;
  }
  const chunkOf = (pos: number, isEnd: boolean) => {
    let c = 0;
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k] as number;
      if (isEnd ? s < pos : s <= pos) c = k;
    }
    return c;
  };
  return raw.map(({ start, end, id }) => {
    const sc = chunkOf(start, false);
    const ec = chunkOf(end, true);
    return {
      id,
      startChunk: sc,
      startOffset: start - (starts[sc] as number),
      endChunk: ec,
      endOffset: end - (starts[ec] as number),
    };
  });
}
