// Matching a very long block in windows, so one giant text node (a 5 MB log,
// a book on one page) is read across several slices instead of one long
// task. Windows end at whitespace and overlap by more than the longest term,
// so a term across a window's edge is found whole, exactly once, with the
// same leftmost-longest result as matching the block in one go.

import { type MatchIndex, matchEveryForm, type TextMatch, withoutNotATerm } from "../../glossary/match/index";

const SPACE = /\s/;

/** Global offsets of the chunks' starts. */
function starts(chunks: readonly string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const c of chunks) {
    out.push(at);
    at += c.length;
  }
  return out;
}

/** The chunk holding global position `pos` (the last chunk starting at or before it). */
function chunkAt(chunkStarts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = chunkStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((chunkStarts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Yields the block's matches window by window (each `TextMatch` in the
 * block's own chunk coordinates). Blocks shorter than two windows are
 * matched in one go.
 */
export function* matchInWindows(
  index: MatchIndex,
  chunks: readonly string[],
  windowChars = 64 * 1024,
  overlapChars = 512,
): Generator<TextMatch[]> {
  const chunkStarts = starts(chunks);
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const charAt = (pos: number): string => {
    const i = chunkAt(chunkStarts, pos);
    return (chunks[i] as string).charAt(pos - (chunkStarts[i] as number));
  };
  // The first whitespace at or after `pos`, looking a bounded distance ahead.
  const spaceFrom = (pos: number): number => {
    const limit = Math.min(total, pos + 2048);
    for (let p = pos; p < limit; p++) if (SPACE.test(charAt(p))) return p;
    return Math.min(total, pos);
  };

  let from = 0;
  while (from < total) {
    if (total - from <= 2 * windowChars) {
      yield withoutNotATerm(window(from, total, total));
      return;
    }
    const keepBefore = spaceFrom(from + windowChars);
    const to = spaceFrom(keepBefore + overlapChars);
    // Where the next window starts counts the NOT_A_TERM phrases too, so one
    // straddling the boundary still hides the form inside it.
    const found = window(from, to, keepBefore);
    yield withoutNotATerm(found);
    const last = found[found.length - 1];
    const lastEnd = last ? (chunkStarts[last.endChunk] as number) + last.endOffset : 0;
    from = Math.max(keepBefore, lastEnd);
  }

  /** Matches text [from, to), keeping those that start before `keepBefore`. */
  function window(from: number, to: number, keepBefore: number): TextMatch[] {
    const first = chunkAt(chunkStarts, from);
    const pieces: string[] = [];
    const pieceChunk: number[] = [];
    const pieceStart: number[] = [];
    for (let i = first; i < chunks.length && (chunkStarts[i] as number) < to; i++) {
      const cStart = chunkStarts[i] as number;
      const a = Math.max(from, cStart) - cStart;
      const b = Math.min(to, cStart + (chunks[i] as string).length) - cStart;
      pieces.push((chunks[i] as string).slice(a, b));
      pieceChunk.push(i);
      pieceStart.push(a);
    }
    const out: TextMatch[] = [];
    for (const m of matchEveryForm(index, pieces)) {
      const startChunk = pieceChunk[m.startChunk] as number;
      const startOffset = (pieceStart[m.startChunk] as number) + m.startOffset;
      if ((chunkStarts[startChunk] as number) + startOffset >= keepBefore) break;
      out.push({
        id: m.id,
        startChunk,
        startOffset,
        endChunk: pieceChunk[m.endChunk] as number,
        endOffset: (pieceStart[m.endChunk] as number) + m.endOffset,
      });
    }
    return out;
  }
}
