import { render } from "preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import { SiteSwitch } from "../../components/SiteSwitch";
import { Tooltip } from "../../components/Tooltip";
import { TopicList } from "../../components/TopicList";
import type { Term, Topic } from "../../glossary/types";

let root: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement("div");
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

describe("Tooltip", () => {
  const base = {
    id: "t",
    term: "Necrosis",
    definition: "Death of body tissue.",
    notice: "Educational information, not medical advice.",
    pinned: false,
    theme: "light" as const,
    onClose: () => {},
  };

  test("shows term, definition, source topic and notice with role tooltip", () => {
    const el = mount(<Tooltip {...base} topicTitle="Symptoms" />);
    const tip = el.querySelector("[role=tooltip]");
    expect(tip?.textContent).toContain("Necrosis");
    expect(tip?.textContent).toContain("Death of body tissue.");
    expect(tip?.textContent).toContain("From Symptoms");
    expect(tip?.textContent).toContain("not medical advice");
  });

  test("page text is never parsed as HTML", () => {
    const el = mount(<Tooltip {...base} term={"<img src=x onerror=alert(1)>"} />);
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  test("the topic opens in the extension", () => {
    const onOpenTopic = vi.fn();
    const el = mount(<Tooltip {...base} topicTitle="Treatment" onOpenTopic={onOpenTopic} />);
    (el.querySelector("button.link") as HTMLButtonElement).click();
    expect(onOpenTopic).toHaveBeenCalledOnce();
  });

  test("takes the theme it is given", () => {
    const el = mount(<Tooltip {...base} theme="dark" />);
    expect(el.querySelector(".card")?.classList.contains("dark")).toBe(true);
  });

  test("a pinned tooltip has a close button", () => {
    const onClose = vi.fn();
    const el = mount(<Tooltip {...base} pinned onClose={onClose} />);
    (el.querySelector("button[aria-label=Close]") as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  test("shows a correction when the source is wrong", () => {
    const el = mount(
      <Tooltip {...base} correction="The source says thyroid; it is the parathyroid glands." />,
    );
    expect(el.querySelector(".correction")?.textContent).toMatch(/parathyroid/);
  });
});

describe("SiteSwitch", () => {
  test("its label names the site and its state", () => {
    const el = mount(<SiteSwitch site="portal.example.com" on onChange={() => {}} />);
    const input = el.querySelector("input[role=switch]") as HTMLInputElement;
    expect(input.checked).toBe(true);
    expect(el.querySelector("label")?.textContent).toBe("On for portal.example.com");
  });

  test("reports the new state", () => {
    const onChange = vi.fn();
    const el = mount(<SiteSwitch site="a.com" on onChange={onChange} />);
    (el.querySelector("input") as HTMLInputElement).click();
    expect(onChange).toHaveBeenCalledWith(false);
  });

  test("says so where Termlens cannot run", () => {
    const el = mount(<SiteSwitch site={null} on={false} onChange={() => {}} />);
    expect(el.querySelector("input")).toBeNull();
    expect(el.textContent).toMatch(/does not run/);
  });

  test("local files get a readable name", () => {
    const el = mount(<SiteSwitch site="file://" on={false} onChange={() => {}} />);
    expect(el.textContent).toBe("Off for local files");
  });
});

describe("TopicList", () => {
  const terms = new Map<string, Term>([
    [
      "necrosis",
      {
        id: "necrosis",
        term: "necrosis",
        variants: [],
        definition: "",
        topicIds: [],
        related: [],
        evidence: "",
        everyday: false,
        caseSensitive: [],
        documentId: "d",
      },
    ],
  ]);
  const topics: Topic[] = [
    {
      id: "symptoms",
      title: "Symptoms",
      summary: "Sores appear.",
      points: ["They hurt."],
      termIds: ["necrosis"],
      source: "Source text.",
      documentId: "d",
    },
    {
      id: "treatment",
      title: "Treatment",
      summary: "Care helps.",
      points: [],
      termIds: [],
      source: "Other.",
      documentId: "d",
      correction: "Parathyroid, not thyroid.",
    },
  ];

  test("lists each topic with summary, points, terms and source", () => {
    const el = mount(<TopicList topics={topics} terms={terms} openTopicId="treatment" />);
    const items = el.querySelectorAll(".topic");
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain("Sores appear.");
    expect(items[0]?.textContent).toContain("They hurt.");
    expect(items[0]?.querySelector(".topic-terms")?.textContent).toBe("Terms: necrosis");
    expect(items[0]?.querySelector("blockquote")?.textContent).toBe("Source text.");
    expect((items[1] as HTMLDetailsElement).open).toBe(true);
    expect(items[1]?.querySelector(".correction")?.textContent).toBe("Parathyroid, not thyroid.");
  });
});
