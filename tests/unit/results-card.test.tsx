import { render } from "preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ResultCard, type ResultCardProps } from "../../components/ResultCard";
import { judge, type LabResult, parseFlag, parseRange, parseValue, resultView } from "../../lib/results";

let root: HTMLElement;
function mount(props: Partial<Omit<ResultCardProps, "view">> & { result: LabResult }): HTMLElement {
  root = document.createElement("div");
  document.body.append(root);
  render(
    <ResultCard
      id="r"
      testName="Potassium"
      valueText="5.6 mmol/L"
      notice="Educational information, not medical advice."
      pinned={false}
      theme="light"
      onClose={() => {}}
      view={resultView(props.result)}
      {...props}
    />,
    root,
  );
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

function result(value: string, range: string | null, flag: string | null = null, unit = "mmol/L"): LabResult {
  const v = parseValue(value);
  if (!v) throw new Error(value);
  const r = range === null ? null : parseRange(range);
  return { value: v, unit, range: r, flag: flag ? parseFlag(flag) : null, judgement: judge(v, r, unit) };
}

describe("ResultCard", () => {
  test("value and range exactly as printed, unit in words, the plain sentence, the notice", () => {
    const el = mount({ result: result("5.6", "3.5 - 5.1 mmol/L", "H") });
    const card = el.querySelector("[role=tooltip]");
    expect(card?.querySelector(".rc-value")?.textContent).toBe("5.6 mmol/L (millimoles per liter)");
    expect(card?.querySelector(".rc-range-text")?.textContent).toBe("3.5 - 5.1 mmol/L");
    expect(card?.textContent).toContain("Your value");
    expect(card?.textContent).toContain("Range this lab lists");
    expect(card?.querySelector(".rc-sentence")?.textContent).toBe(
      "Your value is above the range this lab lists.",
    );
    expect(card?.querySelector(".rc-flag")?.textContent).toBe(
      "H means the lab marked it as higher than its range.",
    );
    expect(card?.textContent).toContain("not medical advice");
  });

  test.each<[string, string, string]>([
    ["3.0", "3.5 - 5.1", "below"],
    ["4.0", "3.5 - 5.1", "within"],
  ])("%s against %s says %s", (value, range, word) => {
    const el = mount({ result: result(value, range), valueText: value });
    expect(el.querySelector(".rc-sentence")?.textContent).toBe(
      `Your value is ${word} the range this lab lists.`,
    );
  });

  test("the number line places the value and has a text equivalent", () => {
    const el = mount({ result: result("4.0", "3.5 - 4.5") });
    const marker = el.querySelector(".rc-marker");
    expect(Number(marker?.getAttribute("data-position"))).toBeCloseTo(0.5);
    expect(el.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    expect(el.querySelector(".rc-sr")?.textContent).toBe(
      "Number line: the range this lab lists runs from 3.5 to 4.5. Your value, 4.0, is marked; it is within the range.",
    );
  });

  test("a value far outside is drawn at the edge with an arrow and the words", () => {
    const el = mount({ result: result("812", "15 - 65", "HH", "pg/mL"), valueText: "812 pg/mL" });
    expect(el.querySelector(".rc-arrow")).not.toBeNull();
    expect(el.querySelector(".rc-offscale")?.textContent).toContain("Far above the range");
    expect(el.querySelector(".rc-sr")?.textContent).toContain("far beyond the edge of the line");
  });

  test("a one-sided range is drawn open and described from its printed end", () => {
    const el = mount({ result: result("24", ">=60", "L", "mL/min/1.73m2"), valueText: "24 mL/min/1.73m2" });
    expect(el.querySelector(".rc-range.open-right")).not.toBeNull();
    expect(el.querySelector(".rc-sr")?.textContent).toContain("starts at 60 and goes up");
    expect(el.querySelector(".rc-sentence")?.textContent).toContain("below");
  });

  test("a critical flag says only to follow instructions", () => {
    const el = mount({ result: result("96", "115-160", "LL", "g/L") });
    const text = el.querySelector(".rc-flag")?.textContent ?? "";
    expect(text).toBe(
      "LL means the lab marked it as critically low. Follow the lab's or your care team's instructions.",
    );
    expect(el.textContent).not.toMatch(/medicine|medication|stop taking|start taking/i);
  });

  test("no range printed: no line, no judgement, and it says so", () => {
    const el = mount({ result: result("7", null) });
    expect(el.querySelector("svg")).toBeNull();
    expect(el.querySelector(".rc-range-text")?.textContent).toBe("None printed on this page");
    expect(el.textContent).not.toMatch(/above|below|within/);
  });

  test("an ambiguous value gets no sentence", () => {
    const el = mount({ result: result("<0.1", "0.0-4.0", null, "ng/mL"), valueText: "<0.1" });
    expect(el.textContent).not.toMatch(/is (above|below|within)/);
    expect(el.querySelector(".rc-sentence.none")).not.toBeNull();
  });

  test("explanation and at most three questions when given", () => {
    const el = mount({
      result: result("5.6", "3.5 - 5.1"),
      explanation: "Potassium helps nerves and muscles work.",
      questions: ["What could raise it?", "Should it be retested?", "Does my diet matter?", "A fourth?"],
    });
    expect(el.querySelector(".rc-explanation")?.textContent).toBe("Potassium helps nerves and muscles work.");
    expect(el.querySelector(".rc-questions-title")?.textContent).toBe(
      "Questions you could ask your care team",
    );
    expect(el.querySelectorAll(".rc-questions li")).toHaveLength(3);
  });

  test("no questions section when none are given", () => {
    expect(mount({ result: result("5.6", "3.5 - 5.1") }).querySelector(".rc-questions")).toBeNull();
  });

  test("page text is never parsed as HTML", () => {
    const el = mount({ result: result("5.6", "3.5 - 5.1"), testName: "<img src=x onerror=alert(1)>" });
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  test("theme, and a pinned card closes", () => {
    const onClose = vi.fn();
    const el = mount({ result: result("5.6", "3.5 - 5.1"), theme: "dark", pinned: true, onClose });
    expect(el.querySelector(".result-card")?.classList.contains("dark")).toBe(true);
    (el.querySelector(".rc-close") as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
