import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  BlockCursor,
  blockOf,
  collectBlocks,
  isSkippedRoot,
  type TextBlock,
} from "../../entrypoints/content-script/text-blocks";
import { INLINE_TAGS } from "../../lib/inline-tags";
import { blockElement, maybeHeading } from "../../lib/results/candidate";
import { isNameHeading } from "../../lib/results/headers";

function blocksOf(html: string): string[][] {
  document.body.innerHTML = html;
  return collectBlocks(document.body).map((b) => b.map((t) => t.data));
}

describe("collectBlocks", () => {
  test.each<[string, string, string[][]]>([
    ["inline elements join one block", "<p><b>skin</b> necrosis</p>", [["skin", " necrosis"]]],
    ["paragraphs are separate blocks", "<p>a</p><p>b</p>", [["a"], ["b"]]],
    ["table cells are separate", "<table><tr><td>a</td><td>b</td></tr></table>", [["a"], ["b"]]],
    ["a nested block splits the run", "<div>a<div>b</div>c</div>", [["a"], ["b"], ["c"]]],
    ["a line break splits the run", "<p>skin<br>necrosis</p>", [["skin"], ["necrosis"]]],
    ["scripts and styles are skipped", "<p>a<script>necrosis</script><style>x{}</style></p>", [["a"]]],
    [
      "form fields are skipped",
      "<p>a</p><textarea>necrosis</textarea><select><option>b</option></select>",
      [["a"]],
    ],
    ["editable regions are skipped", "<div contenteditable>necrosis</div><p>b</p>", [["b"]]],
    ["contenteditable=false is read", '<div contenteditable="false">a</div>', [["a"]]],
    ["our own tooltip is skipped", "<termlens-tooltip>x</termlens-tooltip><p>a</p>", [["a"]]],
    ["a skipped element inside a run does not end it", "<p>a<button>x</button>b</p>", [["a", "b"]]],
    [
      "leaving a block inside an inline element",
      "<div><span>a<div>b</div>c</span>d</div>",
      [["a"], ["b"], ["c", "d"]],
    ],
    ["empty blocks end runs", "<p>a<span></span><div></div>b</p>", [["a"], ["b"]]],
  ])("%s", (_name, html, expected) => {
    expect(blocksOf(html)).toEqual(expected);
  });

  test("open shadow roots are walked", () => {
    document.body.innerHTML = "<p>a</p><div id=host></div>";
    const host = document.getElementById("host") as HTMLElement;
    host.attachShadow({ mode: "open" }).innerHTML = "<p>inside <i>shadow</i></p>";
    expect(collectBlocks(document.body).map((b) => b.map((t) => t.data))).toEqual([
      ["a"],
      ["inside ", "shadow"],
    ]);
  });
});

describe("BlockCursor", () => {
  test("a subtree read first is skipped when met again", () => {
    document.body.innerHTML = "<p>a</p><section id=seen><p>b</p></section><p>c</p>";
    const seen = document.getElementById("seen") as HTMLElement;
    const cursor = new BlockCursor([seen, document.body], () => {}, seen);
    expect(cursor.take(() => false).map((b) => b.map((t) => t.data))).toEqual([["b"], ["a"], ["c"]]);
  });

  test("stops at the deadline between blocks and resumes where it left off", () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>t${i}</p>`).join("");
    const cursor = new BlockCursor([document.body]);
    const first = cursor.take(() => true);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(300);
    const rest = cursor.take(() => false);
    expect([...first, ...rest].map((b) => b[0]?.data)).toEqual(
      Array.from({ length: 300 }, (_, i) => `t${i}`),
    );
    expect(cursor.done).toBe(true);
  });
});

describe("BlockCursor when the page changes while it is paused", () => {
  const take = (cursor: BlockCursor) => cursor.take(() => false, 1);
  const texts = (blocks: TextBlock[]) => blocks.map((b) => b.map((t) => t.data));

  test("a moved subtree is read under its new block, not the old one", () => {
    document.body.innerHTML =
      "<section id=s1><div id=d1><p>x</p><p>y</p></div></section><section id=s2>after move</section>tail";
    const cursor = new BlockCursor([document.body]);
    expect(texts(take(cursor))).toEqual([["x"]]);
    (document.getElementById("s2") as HTMLElement).prepend(document.getElementById("d1") as HTMLElement);
    const rest: TextBlock[] = [];
    while (!cursor.done) rest.push(...take(cursor));
    expect(texts(rest)).toEqual([["y"], ["after move"], ["tail"]]);
    for (const b of rest) expect(b.element).toBe(blockElement(b[0] as Text));
  });

  test("when the place it stopped is removed, the root is read again and nothing after it is lost", () => {
    document.body.innerHTML = "<div id=gone><p>a</p><p>b</p></div><p>later text</p>tail";
    const cursor = new BlockCursor([document.body]);
    expect(texts(take(cursor))).toEqual([["a"]]);
    (document.getElementById("gone") as HTMLElement).remove();
    const rest: TextBlock[] = [];
    while (!cursor.done) rest.push(...take(cursor));
    expect(texts(rest)).toEqual([["later text"], ["tail"]]);
  });
});

describe("BlockCursor batches", () => {
  test("stops at a block boundary once maxChars of text are collected", () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p>${"x".repeat(100)}${i}</p>`).join("");
    const cursor = new BlockCursor([document.body]);
    const batch = cursor.take(() => false, 1000);
    expect(batch.length).toBe(10);
    expect(cursor.take(() => false).length).toBe(40);
  });
});

/** The walk as a TreeWalker with a NodeFilter does it: the reference the faster walk must agree with. */
function referenceBlocks(root: Node): string[][] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (isSkippedRoot(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const out: string[][] = [];
  let block: string[] = [];
  let blockParent: Node | null = null;
  const flush = () => {
    if (block.length) out.push(block);
    block = [];
    blockParent = null;
  };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      if ((n as Text).length === 0) continue;
      const parent = blockOf(n);
      if (parent !== blockParent) flush();
      blockParent = parent;
      block.push((n as Text).data);
    } else if (!INLINE_TAGS.has((n as Element).tagName)) flush();
  }
  flush();
  return out;
}

describe("BlockCursor against the TreeWalker reference", () => {
  const tag = fc.constantFrom("p", "div", "span", "b", "i", "a", "em", "li", "td", "br", "script", "button");
  const tree: fc.Arbitrary<string> = fc.letrec((t) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom("x", "y z", " ", ""),
      fc
        .tuple(tag, fc.array(t("node"), { maxLength: 4 }))
        .map(([name, kids]) => (name === "br" ? "<br>" : `<${name}>${kids.join("")}</${name}>`)),
    ),
  })).node;

  test("same blocks on random trees, in one go and in small slices", () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.integer({ min: 1, max: 5 }), (parts, every) => {
        document.body.innerHTML = parts.join("");
        const expected = referenceBlocks(document.body);
        const blocks = collectBlocks(document.body);
        expect(blocks.map((b) => b.map((x) => x.data))).toEqual(expected);
        // The element each block carries is what result detection would climb to.
        for (const b of blocks) {
          expect(b.element).toBe(blockElement(b[0] as Text));
          expect(b.texts).toEqual(b.map((x) => x.data));
          expect(b.tag).toBe(b.element?.tagName ?? "");
        }
        const cursor = new BlockCursor([document.body]);
        let calls = 0;
        const sliced: string[][] = [];
        while (!cursor.done)
          // maxChars 1: every take stops at the next block boundary, so the walk pauses often.
          sliced.push(...cursor.take(() => ++calls % every === 0, 1).map((b) => b.map((x) => x.data)));
        expect(sliced).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("maybeHeading's first-letter test", () => {
  test("agrees with the regex it stands for, spaces of every kind included", () => {
    const regex = (data: string) => data.length <= 40 && /^\s*[ctaipl]/i.test(data) && isNameHeading(data);
    const texts = fc.oneof(
      fc.constantFrom(
        "Component",
        "\u00a0Test",
        " test name",
        "\u3000Test",
        "\tAnalyte",
        "-Test",
        "Lab",
        "ıtem",
        "İtem",
      ),
      fc.string({ maxLength: 12 }),
      fc
        .tuple(
          fc.constantFrom(" ", "\u00a0", "\ufeff", "\u2003", "", "\n"),
          fc.constantFrom("Test", "Component", "Result", "Item"),
        )
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(texts, (t) => maybeHeading(t) === regex(t)),
      { numRuns: 2000 },
    );
  });
});
