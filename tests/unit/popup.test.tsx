import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { PageTermList, sortPageTerms } from "../../components/PageTermList";
import { PauseButton } from "../../components/PauseButton";
import { SearchBox } from "../../components/SearchBox";
import { TermView } from "../../components/TermView";
import { PopupApp } from "../../entrypoints/popup/PopupApp";
import { formatRoute, parseRoute, tabParam } from "../../entrypoints/popup/route";
import { glossary } from "../../glossary/data";
import type { SearchHit } from "../../glossary/search";

let root: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement("div");
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});
const key = (el: Element, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  });

const hits: SearchHit[] = [
  {
    kind: "term",
    id: "necrosis",
    title: "necrosis",
    detail: "Death of tissue.",
    reason: "variant",
    score: 90,
  },
  { kind: "topic", id: "symptoms", title: "Symptoms", detail: "Sores.", reason: "text", score: 40 },
];

describe("SearchBox", () => {
  test("is a labelled combobox; results are options with the active one marked", () => {
    const el = mount(
      <SearchBox
        query="necrotic"
        hits={hits}
        active={1}
        onQuery={() => {}}
        onActive={() => {}}
        onChoose={() => {}}
      />,
    );
    const input = el.querySelector("input") as HTMLInputElement;
    expect(input.getAttribute("role")).toBe("combobox");
    expect(el.querySelector(`label[for=${input.id}]`)?.textContent).toMatch(/Search/);
    expect(input.getAttribute("aria-activedescendant")).toBe("search-hit-1");
    const options = el.querySelectorAll("[role=option]");
    expect(options).toHaveLength(2);
    expect(options[1]?.getAttribute("aria-selected")).toBe("true");
    expect(options[0]?.textContent).toContain("also called this");
    expect(el.querySelector("[role=status]")?.textContent).toBe("2 matches");
  });

  test("arrow keys wrap around, Enter chooses, Escape clears", () => {
    const onActive = vi.fn();
    const onChoose = vi.fn();
    const onQuery = vi.fn();
    const el = mount(
      <SearchBox
        query="x"
        hits={hits}
        active={1}
        onQuery={onQuery}
        onActive={onActive}
        onChoose={onChoose}
      />,
    );
    const input = el.querySelector("input") as HTMLInputElement;
    key(input, "ArrowDown");
    expect(onActive).toHaveBeenLastCalledWith(0);
    key(input, "ArrowUp");
    expect(onActive).toHaveBeenLastCalledWith(0);
    key(input, "Enter");
    expect(onChoose).toHaveBeenCalledWith(hits[1]);
    key(input, "Escape");
    expect(onQuery).toHaveBeenCalledWith("");
  });

  test("says when nothing matches", () => {
    const el = mount(
      <SearchBox
        query="zzz"
        hits={[]}
        active={-1}
        onQuery={() => {}}
        onActive={() => {}}
        onChoose={() => {}}
      />,
    );
    expect(el.textContent).toContain("No term or topic matches “zzz”");
  });
});

describe("PageTermList", () => {
  const items = [
    { id: "a", term: "arterioles", count: 1 },
    { id: "n", term: "necrosis", count: 4 },
    { id: "c", term: "calcium", count: 1 },
  ];
  test("most frequent first, then by name", () => {
    expect(sortPageTerms(items).map((t) => t.id)).toEqual(["n", "a", "c"]);
  });
  test("lists terms with counts; buttons show or explain", () => {
    const onShow = vi.fn();
    const onExplain = vi.fn();
    const el = mount(<PageTermList items={items} enabled onShow={onShow} onExplain={onExplain} />);
    const first = el.querySelector(".page-term") as HTMLButtonElement;
    expect(first.textContent).toBe("necrosis4 times");
    first.click();
    expect(onShow).toHaveBeenCalledWith("n");
    (el.querySelector(".explain") as HTMLButtonElement).click();
    expect(onExplain).toHaveBeenCalledWith("n");
    expect(el.querySelector("h2")?.textContent).toBe("On this page · 3");
  });
  test("says why it is empty", () => {
    expect(
      mount(<PageTermList items={[]} enabled={false} onShow={() => {}} onExplain={() => {}} />).textContent,
    ).toMatch(/off here/);
  });
});

describe("TermView", () => {
  const term = glossary.terms.find((t) => t.id === "necrosis");
  if (!term) throw new Error("necrosis missing");
  test("shows definition, evidence, related terms and topics", () => {
    const onOpenTerm = vi.fn();
    const onShow = vi.fn();
    const el = mount(
      <TermView
        term={term}
        related={[{ id: "skin-necrosis", term: "skin necrosis" }]}
        topics={[{ id: "symptoms", title: "Symptoms" }]}
        onPage={2}
        onBack={() => {}}
        onOpenTerm={onOpenTerm}
        onOpenTopic={() => {}}
        onShow={onShow}
      />,
    );
    expect(el.querySelector("h2")?.textContent).toBe("necrosis");
    expect(el.querySelector(".definition")?.textContent).toBe(term.definition);
    expect(el.querySelector(".evidence blockquote")?.textContent).toBe(term.evidence);
    (el.querySelector("nav[aria-label='Related terms'] button") as HTMLButtonElement).click();
    expect(onOpenTerm).toHaveBeenCalledWith("skin-necrosis");
    (el.querySelector(".show") as HTMLButtonElement).click();
    expect(onShow).toHaveBeenCalledWith("necrosis");
  });
});

describe("PauseButton", () => {
  test("a toggle button with a fixed name", () => {
    const onChange = vi.fn();
    const el = mount(<PauseButton paused onChange={onChange} />);
    const button = el.querySelector("button") as HTMLButtonElement;
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(button.textContent).toBe("Pause everywhere");
    button.click();
    expect(onChange).toHaveBeenCalledWith(false);
  });
});

describe("routes", () => {
  test.each([
    ["#term=necrosis", { view: "term", id: "necrosis" }],
    ["#topic=treatment", { view: "home", topicId: "treatment" }],
    ["#term=<x>", { view: "home" }],
    ["", { view: "home" }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    if (hash && !hash.includes("<")) expect(formatRoute(parseRoute(hash))).toBe(hash);
  });
  test("tab parameter", () => {
    expect(tabParam("?tab=12")).toBe(12);
    expect(tabParam("?tab=-1")).toBeUndefined();
    expect(tabParam("")).toBeUndefined();
  });
});

describe("PopupApp", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    history.replaceState(null, "", "/popup.html");
  });

  test("a #term deep link opens the term view; Escape goes back to the search box", async () => {
    history.replaceState(null, "", "/popup.html?tab=3#term=necrosis");
    const el = mount(<PopupApp />);
    expect(el.querySelector("#term-heading")?.textContent).toBe("necrosis");
    expect(document.activeElement?.id).toBe("term-heading");
    key(document.body, "Escape");
    expect(el.querySelector(".term-view")).toBeNull();
    expect(document.activeElement?.id).toBe("search-input");
    expect(location.hash).toBe("");
  });

  test("the treatment topic shows the parathyroid correction; the footer the disclaimer", () => {
    history.replaceState(null, "", "/popup.html#topic=treatment");
    const el = mount(<PopupApp />);
    const treatment = el.querySelector("#topic-treatment") as HTMLDetailsElement;
    expect(treatment.open).toBe(true);
    expect(treatment.querySelector(".correction")?.textContent).toMatch(/parathyroid/i);
    expect(el.querySelector("footer")?.textContent).toMatch(/education/);
  });

  test("typing searches; Enter opens the first term", async () => {
    const el = mount(<PopupApp />);
    const input = el.querySelector("#search-input") as HTMLInputElement;
    act(() => {
      input.value = "necrotic";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(el.querySelector("[role=option]")?.textContent).toMatch(/^necrosis/);
    key(input, "Enter");
    expect(el.querySelector("#term-heading")?.textContent).toBe("necrosis");
  });
});
