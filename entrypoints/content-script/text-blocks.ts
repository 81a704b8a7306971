// Collects the page's text as blocks of text nodes that a reader sees as one
// run of words, so "<b>skin</b> necrosis" is matched as one phrase. Reads no
// layout: grouping is decided from tag names alone. The walk can stop at a
// deadline and resume later, so a huge page is read in small slices.

import { INLINE_TAGS } from "../../lib/inline-tags";

/** A run of text nodes, with the block element the walk found them in (see lib/results/candidate.ts). */
export type TextBlock = Text[] & { element?: Element | null; tag?: string; texts?: string[] };

// Inline elements continue the current block; any other element ends it.
const INLINE = INLINE_TAGS;

// Never read: code, form fields, embedded documents, our own UI.
const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "TEXTAREA",
  "INPUT",
  "SELECT",
  "OPTION",
  "BUTTON",
  "IFRAME",
  "FRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "MATH",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "TERMLENS-TOOLTIP",
]);

function skipped(el: Element, tag = el.tagName): boolean {
  if (SKIP.has(tag.toUpperCase())) return true;
  const editable = el.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

/** The nearest ancestor that is not an inline element: the text's block. */
export function blockOf(node: Node): Node | null {
  return blockAt(node.parentNode);
}

/** Whether `node` is itself an element we never read. */
export function isSkippedRoot(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && skipped(node as Element);
}

/** Whether `node` sits somewhere we never read (script, form field, editor). */
export function isInSkippedRegion(node: Node): boolean {
  for (let p: Node | null = node.parentNode; p; p = p.parentNode) {
    if (p.nodeType === Node.ELEMENT_NODE && skipped(p as Element)) return true;
  }
  return false;
}

/** The block of a text directly under `node`: the node, or its nearest non-inline ancestor. */
function blockAt(node: Node | null): Node | null {
  let p = node;
  while (p && p.nodeType === Node.ELEMENT_NODE && INLINE.has((p as Element).tagName)) p = p.parentNode;
  return p;
}

/** One root being walked: where the walk goes next and the blocks it is inside. */
interface Walk {
  root: Node;
  next: Node | null;
  /** Non-inline elements entered and not yet left; the first entry is the root's own block. */
  blocks: (Node | null)[];
  /** Their tag names ("" for a block that is not an element). */
  tags: string[];
  /** Whether the walk was started again because the page took its place away. */
  restarted: boolean;
}

/** A fresh walk of `root` from its first child. */
function startWalk(root: Node, restarted = false): Walk {
  const block = blockAt(root);
  const tag = block?.nodeType === Node.ELEMENT_NODE ? (block as Element).tagName : "";
  return { root, next: root.firstChild, blocks: [block], tags: [tag], restarted };
}

/**
 * Before a paused walk goes on: the page may have moved or removed nodes
 * meanwhile. The blocks entered are read again from where the walk stands;
 * if that place left the root, the root is walked again from its start (once:
 * a page that keeps moving things gets the rest read by the watcher).
 */
function resume(walk: Walk): Walk {
  const next = walk.next;
  if (!next) return walk;
  const chain: Element[] = [];
  let p = next.parentNode;
  for (; p && p !== walk.root; p = p.parentNode) {
    if (p.nodeType === Node.ELEMENT_NODE) chain.push(p as Element);
  }
  if (!p) return walk.restarted ? { ...walk, next: null } : startWalk(walk.root, true);
  walk.blocks.length = 1;
  walk.tags.length = 1;
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i] as Element;
    if (!INLINE.has(el.tagName)) {
      walk.blocks.push(el);
      walk.tags.push(el.tagName);
    }
  }
  return walk;
}

/**
 * A resumable walk over one or more roots. `take` returns the blocks found
 * until `deadline()` says stop or `maxChars` of text are in (checked only between blocks, so a block is
 * never cut in two). Open shadow roots met on the way are queued and walked
 * after their tree; `onShadowRoot` hears about each.
 *
 * The walk follows firstChild/nextSibling itself rather than a TreeWalker
 * with a NodeFilter: the filter is a call from the engine into script for
 * every element of the page, which costs more than the whole walk.
 */
export class BlockCursor {
  private readonly roots: Node[] = [];
  private walk: Walk | null = null;
  private block: TextBlock = [];
  private texts: string[] = [];
  private blockParent: Node | null = null;
  private blockTag = "";

  constructor(
    roots: Iterable<Node>,
    private readonly onShadowRoot: (root: ShadowRoot) => void = () => {},
    /** A subtree read already (the visible part): later roots skip it. */
    private readonly alreadyRead: Node | null = null,
  ) {
    this.roots.push(...roots);
  }

  get done(): boolean {
    return this.walk === null && this.roots.length === 0;
  }

  take(deadline: () => boolean, maxChars = Number.POSITIVE_INFINITY): TextBlock[] {
    const out: TextBlock[] = [];
    let steps = 0;
    let timeUp = false;
    let chars = 0;
    if (this.walk) this.walk = resume(this.walk);
    while (!this.done) {
      if (!this.walk) this.walk = startWalk(this.roots.shift() as Node);
      const walk = this.walk;
      const node = walk.next;
      if (!node) {
        this.flush(out);
        this.walk = null;
        continue;
      }
      let enter = false;
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node as Text;
        const data = text.data;
        if (data.length > 0) {
          // Leaving a nested block ("<div>a<div>b</div>c</div>") ends the run too.
          const parent = walk.blocks[walk.blocks.length - 1] ?? null;
          if (parent !== this.blockParent) {
            this.flush(out);
            this.blockParent = parent;
            this.blockTag = walk.tags[walk.tags.length - 1] ?? "";
          }
          this.block.push(text);
          this.texts.push(data);
          chars += data.length;
          // Enough text for one batch: stop at the next block boundary so the
          // caller can match it within its own time budget.
          if (chars >= maxChars) timeUp = true;
        }
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        // Skipped subtrees are passed over whole, as if absent: they end no run.
        const tag = el.tagName;
        if (el !== this.alreadyRead && !skipped(el, tag)) {
          enter = true;
          if (!INLINE.has(tag)) {
            this.flush(out);
            walk.blocks.push(el);
            walk.tags.push(tag);
          }
          if (el.shadowRoot) {
            this.roots.push(el.shadowRoot);
            this.onShadowRoot(el.shadowRoot);
          }
        }
      }
      walk.next = following(walk, node, enter);
      // Reading the clock on every node would cost more than the walk.
      if (!timeUp && (++steps & 63) === 0) timeUp = deadline();
      if (timeUp && this.block.length === 0) break;
    }
    return out;
  }

  private flush(out: TextBlock[]): void {
    if (this.block.length > 0) {
      const parent = this.blockParent;
      this.block.element = parent && parent.nodeType === Node.ELEMENT_NODE ? (parent as Element) : null;
      this.block.tag = this.blockTag;
      this.block.texts = this.texts;
      out.push(this.block);
    }
    this.block = [];
    this.texts = [];
    this.blockParent = null;
  }
}

/** The node after `node` in document order within the walk's root; into its children when `enter`. */
function following(walk: Walk, node: Node, enter: boolean): Node | null {
  if (enter && node.firstChild) return node.firstChild;
  let n = node;
  for (;;) {
    if (walk.blocks.length > 1 && walk.blocks[walk.blocks.length - 1] === n) {
      walk.blocks.pop();
      walk.tags.pop();
    }
    const sibling = n.nextSibling;
    if (sibling) return sibling;
    const parent = n.parentNode;
    // The root's end, or a node removed from the page while the walk paused.
    if (!parent || parent === walk.root) return null;
    n = parent;
  }
}

/**
 * The part of a scrolled page the reader is looking at, to be read first:
 * the block under the middle of the viewport, widened a few levels. One hit
 * test before the scan starts; null when the top of the page is in view
 * (document order is then already visible-first).
 */
export function visibleRegion(doc: Document, win: Window): Element | null {
  if (win.scrollY < win.innerHeight / 2) return null;
  let el = doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2);
  while (el && INLINE.has(el.tagName)) el = el.parentElement;
  for (let i = 0; el && i < 3; i++) {
    const parent: Element | null = el.parentElement;
    if (!parent || parent === doc.body || parent === doc.documentElement) break;
    el = parent;
  }
  return el && el !== doc.body && el !== doc.documentElement ? el : null;
}

/** Every block under `root`, in one go. */
export function collectBlocks(root: Node): TextBlock[] {
  return new BlockCursor([root]).take(() => false);
}
