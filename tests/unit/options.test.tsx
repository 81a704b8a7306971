import { act } from "preact/test-utils";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { DisplayOptions } from "../../components/DisplayOptions";
import { SettingsTransfer } from "../../components/SettingsTransfer";
import { SiteRules } from "../../components/SiteRules";
import { OptionsApp } from "../../entrypoints/options/OptionsApp";
import { DEFAULT_DISPLAY } from "../../lib/settings";
import { displaySettings, siteSettings } from "../../lib/storage";
import { useMount } from "./mount";

const mount = useMount();
const flush = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe("DisplayOptions", () => {
  test("every control is labelled and reports the whole new value", () => {
    const onChange = vi.fn();
    const el = mount(<DisplayOptions value={DEFAULT_DISPLAY} onChange={onChange} />);
    for (const input of el.querySelectorAll("input")) expect(input.closest("label")).not.toBeNull();
    (el.querySelector("input[value=background]") as HTMLInputElement).click();
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_DISPLAY, highlightStyle: "background" });
    (el.querySelector("input[name=underlineEveryday]") as HTMLInputElement).click();
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_DISPLAY, underlineEveryday: true });
    (el.querySelector("input[value=dark]") as HTMLInputElement).click();
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_DISPLAY, theme: "dark" });
  });

  test("the hover delay is clamped to its range", () => {
    const onChange = vi.fn();
    const el = mount(<DisplayOptions value={DEFAULT_DISPLAY} onChange={onChange} />);
    const delay = el.querySelector("input[name=hoverDelayMs]") as HTMLInputElement;
    delay.value = "99999";
    delay.dispatchEvent(new Event("change", { bubbles: true }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_DISPLAY, hoverDelayMs: 2000 });
  });
});

describe("SiteRules", () => {
  test("adds a site, shows a problem for a bad one, filters and removes", () => {
    const onAdd = vi.fn((input: string) => (input === "bad" ? "not a site" : null));
    const onRemove = vi.fn();
    const el = mount(
      <SiteRules
        mode="everywhere-except"
        rules={{ "a.com": false, "b.org": true }}
        onMode={() => {}}
        onRemove={onRemove}
        onAdd={onAdd}
      />,
    );
    const input = el.querySelector("input[name=site]") as HTMLInputElement;
    const submit = () =>
      act(() => {
        el.querySelector("form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
      });
    act(() => {
      input.value = "bad";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    submit();
    expect(onAdd).toHaveBeenLastCalledWith("bad", false);
    expect(el.querySelector("[role=alert]")?.textContent).toBe("not a site");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const filter = el.querySelector("input[name=filter]") as HTMLInputElement;
    act(() => {
      filter.value = "b.o";
      filter.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect([...el.querySelectorAll(".site-list li")].map((li) => li.textContent)).toEqual([
      "b.org: on Remove",
    ]);
    (el.querySelector(".site-list button") as HTMLButtonElement).click();
    expect(onRemove).toHaveBeenCalledWith("b.org");
  });

  test("a very long list waits for a filter", () => {
    const rules = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`s${i}.com`, false]));
    const el = mount(
      <SiteRules mode="everywhere-except" rules={rules} onMode={() => {}} onRemove={() => {}} />,
    );
    expect(el.querySelectorAll(".site-list li")).toHaveLength(300);
    expect(el.textContent).toContain("Showing 300 of 2000");
  });
});

describe("SettingsTransfer", () => {
  test("an error lists its problems in an alert", () => {
    const el = mount(
      <SettingsTransfer
        status={{ kind: "error", message: "Nothing was changed.", problems: ["x.json: not valid JSON"] }}
        onExport={() => {}}
        onImport={() => {}}
      />,
    );
    expect(el.querySelector("[role=alert]")?.textContent).toBe("Nothing was changed.x.json: not valid JSON");
  });
});

describe("OptionsApp", () => {
  beforeEach(() => fakeBrowser.reset());

  async function importText(el: HTMLElement, name: string, text: string) {
    const input = el.querySelector("input[type=file]") as HTMLInputElement;
    const file = new File([text], name, { type: "application/json" });
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    act(() => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await flush();
  }

  test("a bad file changes nothing and says what and where", async () => {
    await siteSettings.set({ mode: "only-chosen", rules: { "keep.me": true }, paused: false });
    const before = await fakeBrowser.storage.sync.get(null);
    const el = mount(<OptionsApp />);
    await flush();
    await importText(
      el,
      "broken.json",
      '{"format":"termlens-settings","version":1,"siteSettings":{"mode":"x"},"display":{}}',
    );
    expect(el.querySelector("[role=alert]")?.textContent).toMatch(
      /Nothing was changed.*broken\.json: siteSettings\.mode/,
    );
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  test("a good file replaces the settings", async () => {
    const el = mount(<OptionsApp />);
    await flush();
    const file = {
      format: "termlens-settings",
      version: 1,
      siteSettings: { mode: "only-chosen", rules: { "portal.example.com": true }, paused: false },
      display: { ...DEFAULT_DISPLAY, theme: "dark" },
    };
    await importText(el, "good.json", JSON.stringify(file));
    expect(el.querySelector("[role=status]")?.textContent).toMatch(/Imported good\.json: 1 site rule/);
    expect(await siteSettings.get()).toEqual(file.siteSettings);
    expect(await displaySettings.get()).toEqual(file.display);
  });

  test("adding a site writes a rule for its host", async () => {
    const el = mount(<OptionsApp />);
    await flush();
    const input = el.querySelector("input[name=site]") as HTMLInputElement;
    act(() => {
      input.value = "https://Portal.Example.com/x";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    act(() => {
      el.querySelector("form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    });
    await flush();
    expect((await siteSettings.get()).rules).toEqual({ "portal.example.com": false });
  });
});
