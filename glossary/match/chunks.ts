// Maps offsets in the joined text back to (chunk, offset). Only match ends are
// mapped, by binary search over chunk starts, so the cost follows the matches.
import type { TextMatch } from "./types";

/** Largest chunk index c with starts[c] <= pos (strict: starts[c] < pos). */
function chunkAt(starts: Int32Array, pos: number, strict: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid] as number;
    if (s < pos || (!strict && s === pos)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * raw holds (start, end, pattern) triples in the joined text. A start maps to
 * the chunk holding its first character, an end to the chunk holding the last
 * one, so empty chunks never carry a match boundary.
 */
export function toChunkMatches(
  raw: readonly number[],
  chunks: readonly string[],
  idOf: (pattern: number) => string,
): TextMatch[] {
  const out: TextMatch[] = [];
  if (raw.length === 0) return out;
  const starts = new Int32Array(chunks.length);
  let acc = 0;
  for (let i = 0; i < chunks.length; i++) {
    starts[i] = acc;
    acc += (chunks[i] as string).length;
  }
  for (let i = 0; i < raw.length; i += 3) {
    const start = raw[i] as number;
    const end = raw[i + 1] as number;
    const sc = chunkAt(starts, start, false);
    const ec = chunkAt(starts, end, true);
    out.push({
      id: idOf(raw[i + 2] as number),
      startChunk: sc,
      startOffset: start - (starts[sc] as number),
      endChunk: ec,
      endOffset: end - (starts[ec] as number),
    });
  }
  return out;
}
