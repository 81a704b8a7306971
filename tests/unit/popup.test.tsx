import { act } from "preact/test-utils";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { PageTermList, sortPageTerms } from "../../components/PageTermList";
import { PauseButton } from "../../components/PauseButton";
import { SearchBox } from "../../components/SearchBox";
import { TermView } from "../../components/TermView";
import { creditLine, TopicBrowser } from "../../components/TopicBrowser";
import { PopupApp } from "../../entrypoints/popup/PopupApp";
import { formatRoute, parseRoute, tabParam } from "../../entrypoints/popup/route";
import { glossary } from "../../glossary/data";
import type { SearchHit } from "../../glossary/search";
import { buildTopicIndex, groupTopics } from "../../glossary/topic-groups";
import { useMount } from "./mount";

const mount = useMount();
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

describe("TopicBrowser", () => {
  const index = buildTopicIndex(glossary);
  const terms = new Map(glossary.terms.map((t) => [t.id, t]));
  // The lab portal's terms: calciphylaxis and creatinine.
  const counts = { calciphylaxis: 3, creatinine: 1 };
  const browser = (query: string, onQuery: (q: string) => void = () => {}, openTopicId?: string) => (
    <TopicBrowser
      groups={groupTopics(index, { counts, query })}
      terms={terms}
      documentCount={glossary.documents.length}
      query={query}
      onQuery={onQuery}
      openTopicId={openTopicId}
    />
  );
  const headings = (el: Element) =>
    [...el.querySelectorAll(".topic-group > h3")].map((h) => h.firstChild?.textContent?.trim());

  test.each<[document: { publisher: string; credit?: string }, line: string]>([
    [
      { publisher: "MedlinePlus", credit: "Text from MedlinePlus, via the MedQuAD dataset (CC BY 4.0)." },
      "Text from MedlinePlus, via the MedQuAD dataset (CC BY 4.0).",
    ],
    [{ publisher: "Facty Health" }, "From Facty Health."],
  ])("creditLine(%j)", (document, line) => {
    expect(creditLine(document)).toBe(line);
  });

  test("the page's topics first, then the themes; page documents open with their credit line", () => {
    const el = mount(browser(""));
    expect(headings(el)[0]).toBe("On this page");
    expect(headings(el).slice(1, 4)).toEqual(["Kidney care", "Lab tests", "Blood & anemia"]);
    const first = el.querySelector(".on-page-topics .document") as HTMLDetailsElement;
    expect(first.open).toBe(true);
    expect(first.dataset.document).toBe("calciphylaxis");
    expect(first.querySelector(".credit")?.textContent).toBe("From Facty Health.");
    expect(first.querySelector("summary")?.textContent).toMatch(
      /^Calciphylaxis Facty Health · \d+ of 11 topics$/,
    );
    // The page's copy of a topic owns its plain id; the copy under its theme another.
    expect(first.querySelector("#topic-what-is-it")).not.toBeNull();
    expect(el.querySelectorAll("#topic-what-is-it")).toHaveLength(1);
  });

  test("a theme's documents show one line each until opened; then the credit and the topics", () => {
    const el = mount(browser(""));
    const ckd = el.querySelector(
      '[data-group=kidney] [data-document="chronic-kidney-disease"]',
    ) as HTMLDetailsElement;
    expect(ckd.open).toBe(false);
    expect(ckd.textContent).toBe("Chronic Kidney Disease MedlinePlus · 1 topic");
    act(() => {
      ckd.open = true;
      ckd.dispatchEvent(new Event("toggle"));
    });
    expect(ckd.querySelector(".credit")?.textContent).toMatch(/^Text from MedlinePlus .*CC BY 4\.0/);
    expect(ckd.querySelectorAll(".topic")).toHaveLength(1);
  });

  test("the filter is a labelled search box tied to the list; it says what it found", () => {
    const el = mount(browser("potassium"));
    const input = el.querySelector("#topic-filter") as HTMLInputElement;
    expect(input.type).toBe("search");
    expect(el.querySelector(`label[for=topic-filter]`)?.textContent).toBe("Filter topics");
    expect(input.getAttribute("aria-controls")).toBe("topic-groups");
    const status = el.querySelector(`#${input.getAttribute("aria-describedby")}`);
    expect(status?.getAttribute("role")).toBe("status");
    expect(status?.textContent).toMatch(/^\d+ topics in \d+ documents$/);
    // Every document shown while filtering is open, so its matching topics show.
    const docs = [...el.querySelectorAll<HTMLDetailsElement>(".document")];
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((d) => d.open)).toBe(true);
    expect(el.querySelector('[data-topic="hd-eating-potassium"]')).not.toBeNull();
  });

  test("says when nothing matches", () => {
    const el = mount(browser("zzzz"));
    expect(el.querySelector("#topic-filter-status")?.textContent).toBe("No topic matches “zzzz”.");
    expect(el.querySelectorAll(".topic-group")).toHaveLength(0);
  });

  test("keys: typing filters, ArrowDown goes to the first topic, arrows move on, Escape clears", () => {
    const onQuery = vi.fn();
    const el = mount(browser("potassium", onQuery));
    const input = el.querySelector("#topic-filter") as HTMLInputElement;
    act(() => {
      input.value = "potassium diet";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(onQuery).toHaveBeenLastCalledWith("potassium diet");
    input.focus();
    key(input, "ArrowDown");
    const first = document.activeElement as HTMLElement;
    expect(first.tagName).toBe("SUMMARY");
    expect(first.parentElement?.classList.contains("topic")).toBe(true);
    key(first, "ArrowDown");
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement?.tagName).toBe("SUMMARY");
    key(document.activeElement as Element, "ArrowUp");
    expect(document.activeElement).toBe(first);
    key(input, "Escape");
    expect(onQuery).toHaveBeenLastCalledWith("");
  });

  test("the document holding a linked topic is open, and the topic too", () => {
    const el = mount(browser("", () => {}, "hd-eating-potassium"));
    const topic = el.querySelector("#topic-hd-eating-potassium") as HTMLDetailsElement;
    expect(topic.open).toBe(true);
    expect((topic.closest(".document") as HTMLDetailsElement).open).toBe(true);
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

  test("the topic filter finds a topic by a word under its theme, with its document's credit", () => {
    const el = mount(<PopupApp />);
    expect(el.querySelector("#topics-heading")?.textContent).toBe(
      `Topics and sources · ${glossary.documents.length} documents`,
    );
    const filter = el.querySelector("#topic-filter") as HTMLInputElement;
    act(() => {
      filter.value = "dialysis diet";
      filter.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const topic = el.querySelector('[data-topic^="hd-eating"]');
    expect(topic).not.toBeNull();
    expect(topic?.closest(".topic-group")?.querySelector("h3")?.textContent).toMatch(/^Nutrition & vitamins/);
    expect(topic?.closest(".document")?.querySelector(".credit")?.textContent).toMatch(/^Text from NIDDK/);
    key(filter, "Escape");
    expect(filter.value).toBe("");
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
