import { describe, expect, test } from "vitest";
import { BlockCursor, collectBlocks } from "../../entrypoints/content-script/text-blocks";

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

describe("BlockCursor batches", () => {
  test("stops at a block boundary once maxChars of text are collected", () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p>${"x".repeat(100)}${i}</p>`).join("");
    const cursor = new BlockCursor([document.body]);
    const batch = cursor.take(() => false, 1000);
    expect(batch.length).toBe(10);
    expect(cursor.take(() => false).length).toBe(40);
  });
});
