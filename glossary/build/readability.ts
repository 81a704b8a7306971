// Flesch-Kincaid grade for short definitions. The term being defined is
// removed first: a reader who looks up "hyperparathyroidism" already met that
// word, and it would otherwise dominate the syllable count of a short text.
import { syllable } from "syllable";

const WORD = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function countSentences(text: string): number {
  // A closing quote or bracket may follow the full stop.
  const parts = text.split(/[.!?]+["'\u201d\u2019)\]]*(?=\s|$)/).filter((p) => countWords(p).length > 0);
  return Math.max(parts.length, countWords(text).length > 0 ? 1 : 0);
}

/** Hyphenated words count the syllables of each part; every word has at least one. */
export function countSyllables(word: string): number {
  return word
    .split(/[-\u2019']/)
    .filter((p) => p !== "")
    .reduce((sum, part) => sum + Math.max(1, /^\p{N}+$/u.test(part) ? 1 : syllable(part)), 0);
}

export function fleschKincaidGrade(text: string): number {
  const words = countWords(text);
  if (words.length === 0) return 0;
  const syllables = words.reduce((sum, w) => sum + countSyllables(w), 0);
  const grade = 0.39 * (words.length / countSentences(text)) + 11.8 * (syllables / words.length) - 15.59;
  return Math.round(grade * 10) / 10;
}

const formPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[\s-]+/g, "[\\s-]+");

/** Removes each form (whole words, any case) and any brackets left empty. */
export function withoutForms(text: string, forms: readonly string[]): string {
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of sorted) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${formPattern(form)}(?![\\p{L}\\p{N}])`, "giu"), " ");
  }
  return out
    .replace(/\(\s*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : Math.round(((sorted[mid - 1] ?? 0) + hi) * 5) / 10;
}
