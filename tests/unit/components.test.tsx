import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, test, vi } from "vitest";
import { SiteSwitch } from "../../components/SiteSwitch";
import { TermView } from "../../components/TermView";
import { Tooltip } from "../../components/Tooltip";
import { TopicList } from "../../components/TopicList";
import type { Term, Topic } from "../../glossary/types";
import { useMount } from "./mount";
import { makeTerm } from "./terms";

const mount = useMount();

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

  test("never shows a correction of a source document: it belongs in the popup", () => {
    // The tooltip shows on any page (a portal, a thyroid page); "the article says" would confuse there.
    const el = mount(
      <Tooltip {...base} definition="A butterfly-shaped gland in the neck. It does not control calcium." />,
    );
    expect(el.querySelector(".correction")).toBeNull();
    expect(el.textContent).not.toMatch(/article/i);
    expect(el.textContent).toContain("It does not control calcium.");
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
  const terms = new Map<string, Term>([["necrosis", makeTerm("necrosis")]]);
  const topics: Topic[] = [
    {
      id: "symptoms",
      title: "Symptoms",
      summary: "Sores appear.",
      points: ["They hurt."],
      termIds: ["necrosis"],
      source: "Source text.",
      documentId: "d",
      summaryCitations: [{ documentId: "d", quote: "Source text." }],
      pointCitations: [[{ documentId: "d", quote: "Source text." }]],
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
      summaryCitations: [{ documentId: "d", quote: "Other." }],
      pointCitations: [],
      correctionCitations: [{ documentId: "d", quote: "Other." }],
    },
    {
      id: "nih",
      title: "An NIH section",
      summary: "",
      points: [],
      termIds: [],
      source: "The section's own words.",
      documentId: "nih",
      summaryCitations: [],
      pointCitations: [],
    },
  ];

  /** Opens a <details> as a click on its summary would (the toggle event follows). */
  const openDetails = (details: Element) =>
    act(() => {
      (details as HTMLDetailsElement).open = true;
      details.dispatchEvent(new Event("toggle"));
    });

  test("lists each topic; the open one shows summary, points, terms and source", () => {
    const el = mount(<TopicList topics={topics} terms={terms} openTopicId="symptoms" />);
    const items = el.querySelectorAll(".topic");
    expect(items).toHaveLength(3);
    expect([...items].map((i) => i.id)).toEqual(["topic-symptoms", "topic-treatment", "topic-nih"]);
    expect(items[0]?.textContent).toContain("Sores appear.");
    expect(items[0]?.textContent).toContain("They hurt.");
    expect(items[0]?.querySelector(".topic-terms")?.textContent).toBe("Terms: necrosis");
    expect(items[0]?.querySelector("blockquote")?.textContent).toBe("Source text.");
  });

  test("a closed topic is only its title until it is opened", () => {
    const el = mount(<TopicList topics={topics} terms={terms} openTopicId="symptoms" />);
    const treatment = el.querySelector("#topic-treatment") as HTMLDetailsElement;
    expect(treatment.open).toBe(false);
    expect(treatment.textContent).toBe("Treatment");
    openDetails(treatment);
    expect(treatment.querySelector(".correction")?.textContent).toBe(
      "Correction of the source document: Parathyroid, not thyroid.",
    );
  });

  test("a topic with only a title shows its section's own text", () => {
    const el = mount(<TopicList topics={topics} terms={terms} openTopicId="nih" />);
    const nih = el.querySelectorAll(".topic")[2];
    expect(nih?.querySelector(".topic-source")?.textContent).toBe("The section's own words.");
    expect(nih?.querySelector("details.source")).toBeNull();
  });

  test("the topic named by a link opens when the link changes; element ids can be given", () => {
    const el = mount(<TopicList topics={topics} terms={terms} idOf={(id) => `x-${id}`} />);
    expect((el.querySelector("#x-treatment") as HTMLDetailsElement).open).toBe(false);
    act(() =>
      render(
        <TopicList topics={topics} terms={terms} idOf={(id) => `x-${id}`} openTopicId="treatment" />,
        el,
      ),
    );
    expect((el.querySelector("#x-treatment") as HTMLDetailsElement).open).toBe(true);
    expect(el.querySelector("#x-treatment .correction")).not.toBeNull();
  });
});

describe("TermView", () => {
  const term: Term = {
    id: "thyroid-gland",
    term: "thyroid gland",
    variants: ["thyroid"],
    definition: "A butterfly-shaped gland in the neck. It does not control calcium.",
    topicIds: [],
    related: [],
    evidence: "Though their names are similar, the thyroid and parathyroid glands are completely different.",
    citations: [
      {
        documentId: "parathyroid-disorders",
        quote: "Though their names are similar, the thyroid and parathyroid glands are completely different.",
      },
      { referenceId: "ref-1", quote: "A quoted sentence." },
    ],
    everyday: false,
    caseSensitive: [],
    correction: "The article says thyroid; the surgery is on the parathyroid glands.",
    documentId: "calciphylaxis",
  };
  const view = () =>
    mount(
      <TermView
        term={term}
        related={[]}
        topics={[]}
        onPage={0}
        onBack={() => {}}
        onOpenTerm={() => {}}
        onOpenTopic={() => {}}
        onShow={() => {}}
        documents={[
          {
            id: "parathyroid-disorders",
            title: "Parathyroid Disorders",
            publisher: "MedlinePlus",
            origin: "x",
            disclaimer: "",
            credit: "Text from MedlinePlus, via MedQuAD (CC BY 4.0).",
          },
        ]}
        references={[
          {
            id: "ref-1",
            authors: "Yu WY, et al",
            title: "A title",
            source: "A journal",
            year: "2017",
            pmid: "1",
          },
        ]}
      />,
    );

  test("shows the correction of the source document", () => {
    expect(view().querySelector(".correction")?.textContent).toBe(
      "Correction of the source document: The article says thyroid; the surgery is on the parathyroid glands.",
    );
  });

  test("shows every citation with its source and the document's credit", () => {
    const figures = view().querySelectorAll(".evidence");
    expect(figures).toHaveLength(2);
    expect(figures[0]?.querySelector("figcaption")?.textContent).toBe(
      "Parathyroid Disorders (MedlinePlus). Text from MedlinePlus, via MedQuAD (CC BY 4.0).",
    );
    expect(figures[1]?.querySelector("figcaption")?.textContent).toBe(
      "Yu WY, et al. A title. A journal, 2017, PMID 1",
    );
    expect(figures[1]?.querySelector("blockquote")?.textContent).toBe("A quoted sentence.");
  });
});
