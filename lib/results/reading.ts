// What the results script (entrypoints/results-script/) hands the content
// script once injected into a frame: the readers, and the card that shows a
// row. Types and lookup only, so the content script bundles none of them.

import type { ResultCardProps } from "../../components/ResultCard";
import type { ScannedBlock } from "./candidate";
import type { ResultContainer } from "./near-block";

export interface ResultReading {
  /** The result layout a block of text belongs to, if any (near-block.ts). */
  containerForBlock(block: ScannedBlock, known: ReadonlySet<Element>): ResultContainer | null;
  /**
   * Draws (or redraws) the card for a row into `mount`, an element of the
   * tooltip's shadow root that nothing else renders into: the script brings
   * its own copy of the UI library, which must not share a mount with another.
   */
  renderCard(mount: HTMLElement, props: Omit<ResultCardProps, "view">): void;
}

/** Where the results script leaves the readers in the content scripts' isolated world. */
export const RESULT_READING_KEY = "termlensResultReading";

/** The injected readers, or null when missing or not ours. */
export function injectedResultReading(scope: object = globalThis): ResultReading | null {
  const found = (scope as Record<string, unknown>)[RESULT_READING_KEY] as Partial<ResultReading> | undefined;
  return typeof found?.containerForBlock === "function" && typeof found.renderCard === "function"
    ? (found as ResultReading)
    : null;
}
