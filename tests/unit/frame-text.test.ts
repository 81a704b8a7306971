import { afterEach, describe, expect, test, vi } from "vitest";
import { hasReadableText, whenTextAppears } from "../../lib/frame-text";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("hasReadableText", () => {
  test.each<[string, string, boolean]>([
    ["an empty body", "", false],
    ["white space only", "  \n\t ", false],
    ["a script's code", "<script>var ad = 1;</script><style>p{}</style>", false],
    ["a page title", "<title>Ad</title>", false],
    ["a word", "<div><span>necrosis</span></div>", true],
    ["a word after code", "<script>x()</script> a", true],
    ["a custom element (it may render into a shadow root)", "<lab-report></lab-report>", true],
  ])("%s", (_name, html, expected) => {
    document.body.innerHTML = html;
    expect(hasReadableText(document)).toBe(expected);
  });
});

describe("whenTextAppears", () => {
  const flush = () => new Promise((done) => setTimeout(done, 0));

  test("calls at once when the document has text", () => {
    document.body.innerHTML = "<p>anemia</p>";
    const seen = vi.fn();
    whenTextAppears(document, seen);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  test("waits through changes without text, then calls once when words arrive", async () => {
    const seen = vi.fn();
    const stop = whenTextAppears(document, seen);
    document.body.append(document.createElement("div"));
    const script = document.createElement("script");
    script.textContent = "track()";
    document.body.append(script);
    await flush();
    expect(seen).not.toHaveBeenCalled();
    const p = document.createElement("p");
    p.innerHTML = "<b>ferritin</b>";
    document.body.append(p);
    await flush();
    document.body.append("more words");
    await flush();
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
  });

  test("text typed into an existing empty node counts", async () => {
    const node = document.createTextNode("");
    document.body.append(node);
    const seen = vi.fn();
    whenTextAppears(document, seen);
    node.data = "dialysis";
    await flush();
    expect(seen).toHaveBeenCalledTimes(1);
  });
});

test("a shadow host counts as text: its words are out of the document's reach", () => {
  const host = document.createElement("div");
  host.attachShadow({ mode: "open" }).innerHTML = "<p>anemia</p>";
  document.body.append(host);
  expect(hasReadableText(document)).toBe(true);
});
