// The core end-to-end behaviours as ONE set of scenarios, run in each browser
// through a small driver (driver.ts): Chromium (chromium.test.ts) and Firefox
// (firefox.test.ts). A scenario that does not run in a browser is declared
// here with its reason, shown as skipped by the test runner and named in the
// summary line printed at the end ("scenarios not run in firefox: …").
//
// Tests wait for events, not the clock: every frame marks its scan state on
// its documentElement (the test scan signal), tooltips are waited for, and
// every "nothing happened" assertion comes after a positive control that
// shows the same wait would have seen it happen.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { useServed } from "../fixture";
import {
  afterPointerTimers,
  CLOSE_GRACE_MS,
  hasHighlightIn,
  highlightCount,
  highlightedIn,
  pointOf,
  recordTooltips,
  scanIdleAfter as scanIdle,
  settledCount,
  tooltipNow,
  watchPointer,
} from "../page-side";
import type { StaticServer } from "../server";
import type { BrowserName, Driver, DriverPage, Evaluator, ExtApi } from "./driver";

/** In `inExtension` functions: the extension API where they run. */
declare const api: ExtApi;

type Skip = Partial<Record<BrowserName, string>>;

// Page-side functions: ../page-side.ts (serialized into the page by the driver).

/** Every item of `expected` is in `actual`, in the same order (the glossary grows; these stay). */
function assertInOrder(actual: string[] | null, expected: string[]): void {
  assert.ok(actual, "the element exists");
  let at = 0;
  for (const e of expected) {
    const i = actual.indexOf(e, at);
    assert.ok(
      i >= 0,
      `${JSON.stringify(e)} highlighted after ${JSON.stringify(actual.slice(0, at))} in ${JSON.stringify(actual)}`,
    );
    at = i + 1;
  }
}

/** The terms highlighted inside `sel` (in `target`'s document) include `expected`, in that order. */
async function expectTermsIn(target: Evaluator, sel: string, expected: string[]): Promise<void> {
  assertInOrder(await target.evaluate(highlightedIn, [sel, "termlens"]), expected);
}

/** Whether the care note's shadow root adopted a sheet with our ::highlight() rules. */
const shadowStyled = (): boolean =>
  [...(document.querySelector("care-note")?.shadowRoot?.adoptedStyleSheets ?? [])].some((sheet) =>
    [...sheet.cssRules].some((r) => r.cssText.includes("::highlight(termlens)")),
  );

/** The rule text for ::highlight(termlens) in the document's adopted sheets. */
const adoptedLook = (): string =>
  [...document.adoptedStyleSheets]
    .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
    .filter((t) => t.startsWith("::highlight(termlens)"))
    .join(" ");

// ---- The scenarios ----

export interface ScenarioRun {
  browser: BrowserName;
  start(): Promise<Driver>;
}

export function defineScenarios({ browser, start }: ScenarioRun): void {
  let driver: Driver;
  let server: StaticServer;
  const opened: DriverPage[] = [];
  const notRun: string[] = [];
  const differs: string[] = [];

  const newPage = async (url?: string): Promise<DriverPage> => {
    const page = await driver.newPage();
    opened.push(page);
    if (url) await page.goto(url);
    return page;
  };

  const scenario = (title: string, fn: () => Promise<void>, opts: { skip?: Skip; differs?: Skip } = {}) => {
    const reason = opts.skip?.[browser];
    if (reason) notRun.push(`${title} (${reason})`);
    const note = opts.differs?.[browser];
    if (note) differs.push(`${title}: ${note}`);
    test(title, reason ? { skip: reason } : {}, fn);
  };

  const hover = async (page: DriverPage, sel: string, text: string, host: string | null = null) => {
    await page.bringToFront();
    await page.evaluate(watchPointer);
    const p = await page.evaluate(pointOf, [sel, text, host]);
    assert.ok(p, `"${text}" in ${sel}`);
    await page.mouseMove(p.x - 3, p.y);
    await page.mouseMove(p.x, p.y, 2);
    return p;
  };

  /**
   * Resolves once the page has handled the pointer's move to `at` and every
   * hover timer of `ms` or less that the content script set for it or before
   * it has fired (../page-side.ts, afterPointerTimers): the wait before
   * asserting that a move opened or closed nothing.
   */
  const hoverTimersRan = async (page: DriverPage, at: { x: number; y: number }, ms: number) => {
    assert.ok(
      await page.evaluate(afterPointerTimers, [at.x, at.y, ms]),
      `the page saw the pointer at ${JSON.stringify(at)}`,
    );
  };

  const tooltip = async (target: Evaluator, timeout = 20_000): Promise<string> => {
    await target.waitFor(tooltipNow, undefined, timeout);
    return target.evaluate(tooltipNow);
  };

  const tooltipGone = (target: Evaluator, timeout = 20_000) =>
    target.waitFor(() => !document.querySelector("termlens-tooltip"), undefined, timeout);

  useServed(start, (started, served) => {
    driver = started;
    server = served;
  });
  after(() => {
    console.log(
      `scenarios not run in ${browser}: ${notRun.length}${notRun.length ? ` (${notRun.join("; ")})` : ""}`,
    );
    for (const d of differs) console.log(`${browser} differs: ${d}`);
  });

  describe(`shared scenarios (${browser})`, () => {
    let portal: DriverPage;
    const portalUrl = () => `${server.origin}/lab-portal.html`;

    scenario("highlights on a page: terms are underlined through the Custom Highlight API", async () => {
      portal = await newPage(portalUrl());
      await portal.waitFor(scanIdle, 0, 10_000);
      await expectTermsIn(portal, "#visit-note", [
        "skin necrosis",
        "calciphylaxis",
        "calcific uremic arteriolopathy",
        "CUA",
      ]);
      await expectTermsIn(portal, "#results", [
        "Calcification",
        "arterioles",
        "dialysis",
        "hyperparathyroidism",
        "calcification",
        "necrosis",
      ]);
      // The page's nodes are not wrapped: the note's text is still one node around <span>.
      assert.equal(await portal.evaluate(() => document.querySelector("#visit-note")?.childNodes.length), 3);
    });

    scenario("late content: results that arrive later and a new paragraph are highlighted", async () => {
      await portal.waitFor(() => !!document.getElementById("late-row"), undefined, 5000);
      await portal.waitFor(
        () =>
          document.getElementById("late-row")
            ? document.documentElement.getAttribute("data-termlens-scan") === "idle"
            : false,
        undefined,
        5000,
      );
      await portal.waitFor(hasHighlightIn, "#late-row", 5000);
      await expectTermsIn(portal, "#late-row", ["Calciphylaxis", "arteriole", "calcification"]);
      const before = await portal.evaluate(settledCount);
      await portal.evaluate(() => {
        const p = document.createElement("p");
        p.id = "fresh";
        p.textContent = "Update: the wound shows necrosis; debridement planned.";
        document.querySelector("main")?.append(p);
      });
      await portal.waitFor(scanIdle, before, 5000);
      await expectTermsIn(portal, "#fresh", ["necrosis", "debridement"]);
    });

    scenario("open shadow roots: a web component's note is highlighted, styled and explained", async () => {
      await expectTermsIn(portal, "#shadow-note", ["wet dressings", "necrotic"]);
      // ::highlight() rules of the document do not reach into shadow trees:
      // the root adopts our sheet (in Firefox through the page's view of it).
      assert.equal(await portal.evaluate(shadowStyled), true, "the shadow root adopted the highlight rules");
      await hover(portal, "p", "necrotic", "care-note");
      assert.match(await tooltip(portal), /necrosis/i);
      await portal.press("Escape");
      await tooltipGone(portal);
    });

    scenario("the highlight style is a setting, applied live (soft background, then back)", async () => {
      const look = () => {
        const s = getComputedStyle(document.getElementById("visit-note") as Element, "::highlight(termlens)");
        return { line: s.textDecorationLine, background: s.backgroundColor };
      };
      // The default: a dotted underline; Firefox, which paints none in
      // highlights, gets a light tint as well (public/highlight.css).
      const initial = await portal.evaluate(look);
      assert.equal(initial.line, "underline");
      if (browser === "firefox") assert.equal(initial.background, "rgba(26, 115, 232, 0.14)");
      else assert.equal(initial.background, "rgba(0, 0, 0, 0)");
      await driver.setStorage("sync", { display: { highlightStyle: "background" } });
      try {
        await portal.waitFor(() =>
          /background-color/.test(
            [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join(" "),
          ),
        );
        assert.match(await portal.evaluate(adoptedLook), /background-color/);
        assert.deepEqual(await portal.evaluate(look), {
          line: "none",
          background: "rgba(255, 214, 10, 0.35)",
        });
        await portal.waitFor(shadowStyled);
      } finally {
        await driver.setStorage("sync", { display: {} });
      }
      await portal.waitFor(
        () =>
          !/background-color/.test(
            [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join(" "),
          ),
      );
      assert.deepEqual(await portal.evaluate(look), initial, "back to the default look");
    });

    scenario(
      "frames: same-origin, cross-origin and about:blank frames are read; a cross-origin frame's card is shown by the top page",
      async () => {
        const same = portal.frame(/127\.0\.0\.1.*report\.html$/);
        const cross = portal.frame(/localhost.*report\.html\?kind=imaging/);
        const blank = portal.frame((u) => u === "about:blank");
        assert.ok(same && cross && blank, "all three frames are there");
        // Each frame with an address marks its own scan; the blank one is read by its parent's script.
        await same.waitFor(scanIdle, 0, 10_000);
        await cross.waitFor(scanIdle, 0, 10_000);
        await expectTermsIn(same, "#report-text", ["calcification", "thrombosis", "necrosis", "Debridement"]);
        const crossTexts = await cross.evaluate(highlightedIn, ["#report-text", "termlens"]);
        assert.ok(
          crossTexts?.includes("calciphylaxis") && crossTexts.includes("arterioles"),
          String(crossTexts),
        );
        // The frame without an address, filled in by the page. Firefox replaces
        // a frame's first about:blank document when the frame loads, wiping
        // what the fixture wrote while the page parsed (with or without
        // Termlens): so the page writes into it again now, in both browsers.
        await portal.evaluate(() => {
          const doc = (document.getElementById("blank-note") as HTMLIFrameElement).contentDocument;
          const p = doc?.createElement("p");
          if (!doc || !p) return;
          p.id = "blank-late";
          p.textContent = "Nurse note, later: less necrosis today.";
          doc.body.append(p);
        });
        await blank.waitFor(hasHighlightIn, "#blank-late", 5000);
        await expectTermsIn(blank, "#blank-late", ["necrosis"]);

        // Hover inside the cross-origin frame: its card opens in the top page.
        await portal.bringToFront();
        const box = await portal.evaluate(() => {
          const f = document.getElementById("cross-origin-report") as HTMLIFrameElement;
          f.scrollIntoView({ block: "center" });
          const r = f.getBoundingClientRect();
          return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
        });
        const inner = await cross.evaluate(pointOf, ["#report-text", "calciphylaxis", null]);
        assert.ok(inner);
        await portal.mouseMove(box.x + inner.x - 6, box.y + inner.y);
        await portal.mouseMove(box.x + inner.x, box.y + inner.y, 4);
        // Shown by the top page (lib/frame-cards.ts): no frame clips it.
        assert.match(await tooltip(portal), /calciphylaxis/i);
        assert.equal(
          await cross.evaluate(() => !!document.querySelector("termlens-tooltip")),
          false,
          "not in the frame",
        );
        await portal.mouseMove(2, 2);
      },
    );

    describe("tooltip", () => {
      let page: DriverPage;
      before(async () => {
        page = await newPage(`${server.origin}/behaviours.html`);
        await page.waitFor(scanIdle, 0, 10_000);
      });
      after(() => page?.close());

      scenario("hover intent: a fast sweep opens nothing; resting on a term opens its tooltip", async () => {
        // A longer hover delay (a setting) for this one: the sweep takes
        // milliseconds, but two shared cores under load can stall a page for
        // longer than the default 250 ms while the pointer is over a word.
        await driver.setStorage("sync", { display: { hoverDelayMs: 800 } });
        try {
          await sweepThenRest(800);
        } finally {
          await driver.setStorage("sync", { display: {} });
        }
      });

      const sweepThenRest = async (hoverDelay: number) => {
        await page.evaluate(recordTooltips);
        await page.evaluate(watchPointer);
        await page.bringToFront();
        const a = await page.evaluate(pointOf, ["#plain", "biopsy", null]);
        const b = await page.evaluate(pointOf, ["#plain", "arterioles", null]);
        const rest = await page.evaluate(pointOf, ["#editable", "Typing", null]);
        assert.ok(a && b && rest);
        // Sweep across the line (biopsy, necrosis, calciphylaxis, debridement,
        // arterioles) in one gesture, from the margin to past its end: the
        // pointer rests on no term between the driver's calls…
        await page.mouseMove(2, a.y);
        await page.mouseMove(1090, b.y, 12);
        await page.mouseMove(rest.x, rest.y, 3);
        // Any tooltip the sweep had started has opened by now (its timer was
        // set before the page's own one this waits for, and is no longer).
        await hoverTimersRan(page, rest, hoverDelay);
        assert.equal(
          await page.evaluate(() => !!document.querySelector("termlens-tooltip")),
          false,
          "the sweep opened nothing",
        );
        // …then rest on a term: the positive control, the first card shown.
        await hover(page, "#plain", "necrosis");
        assert.match(await tooltip(page), /necrosis/i);
        const shown = await page.evaluate<string[]>("window.termlensTips");
        assert.equal(shown.length, 1, `only the rested-on term opened: ${JSON.stringify(shown)}`);
        assert.match(shown[0] ?? "", /necrosis/i);
        const role = await page.evaluate(() =>
          document
            .querySelector("termlens-tooltip")
            ?.shadowRoot?.querySelector("[role=tooltip]")
            ?.getAttribute("aria-live"),
        );
        assert.equal(role, "polite");
        // In the top layer (a popover) where the browser has it.
        assert.equal(
          await page.evaluate(() => document.querySelector("termlens-tooltip")?.matches(":popover-open")),
          true,
        );
        // Leaving closes it (after a grace period).
        await page.mouseMove(5, 5);
        await tooltipGone(page);
      };

      scenario("pin and Escape: a click pins the tooltip; Escape closes it", async () => {
        // The wait for the close grace after the pointer leaves: ordered
        // after the content script's timer, not timed by the clock.
        const leave = async () => {
          await page.mouseMove(5, 5);
          await hoverTimersRan(page, { x: 5, y: 5 }, CLOSE_GRACE_MS);
        };
        // Control: an unpinned card has closed after that wait.
        await hover(page, "#plain", "debridement");
        await tooltip(page);
        await leave();
        assert.equal(
          await page.evaluate(() => !!document.querySelector("termlens-tooltip")),
          false,
          "control: an unpinned card has closed by then",
        );

        const p = await page.evaluate(pointOf, ["#plain", "calciphylaxis", null]);
        assert.ok(p);
        await page.click(p.x, p.y);
        assert.match(await tooltip(page), /calciphylaxis/i);
        await leave();
        assert.match(
          await page.evaluate(tooltipNow),
          /calciphylaxis/i,
          "pinned: stays after the pointer leaves",
        );
        assert.equal(
          await page.evaluate(
            () =>
              !!document
                .querySelector("termlens-tooltip")
                ?.shadowRoot?.querySelector("button[aria-label=Close]"),
          ),
          true,
        );
        await page.press("Escape");
        await tooltipGone(page);
      });

      scenario("keyboard next/previous: the commands move through the terms and open each", async () => {
        // The browser holds the shortcuts (synthetic key presses reach the
        // page, not the browser's shortcut handling, in either browser)…
        const shortcuts = await driver.inExtension(() =>
          api.commands.getAll().then((all) => all.map((c) => `${c.name}=${c.shortcut}`).sort()),
        );
        const bound = shortcuts.filter((c) => !c.endsWith("=") && !c.startsWith("_"));
        const expected = ["explain-term=Alt+Shift+E", "next-term=Alt+Shift+J", "previous-term=Alt+Shift+K"];
        // Both browsers bind all three suggested keys.
        assert.deepEqual(bound, expected, JSON.stringify(shortcuts));
        const tabId = await driver.tabIdOf(page);
        // …and the background sends the command on: as it does here.
        const command = (name: string) =>
          driver.inExtension(
            ([id, n]: [number, string]) =>
              api.tabs.sendMessage(id, { type: "command", name: n }, { frameId: 0 }),
            [tabId, name],
          );
        await page.bringToFront();
        await command("next-term");
        assert.match(await tooltip(page), /biopsy/i);
        await command("next-term");
        await page.waitFor(() =>
          /necrosis/i.test(document.querySelector("termlens-tooltip")?.shadowRoot?.textContent ?? ""),
        );
        await command("previous-term");
        await page.waitFor(() =>
          /biopsy/i.test(document.querySelector("termlens-tooltip")?.shadowRoot?.textContent ?? ""),
        );
        await page.press("Escape");
        await tooltipGone(page);
      });
    });

    scenario("the site switch turns a site off and on live, in open tabs and new ones", async () => {
      const tabId = await driver.tabIdOf(portal);
      const pageInfo = (id: number) =>
        driver
          .inExtension(
            (i: number) =>
              api.tabs.sendMessage(i, { type: "page-info" }, { frameId: 0 }).then(
                (r) => ({ reply: r as { enabled?: boolean } }),
                () => ({ reply: null }),
              ),
            id,
          )
          .then((r) => r.reply);
      assert.equal((await pageInfo(tabId))?.enabled, true, "on: the content script answers");
      assert.ok((await portal.evaluate(highlightCount)) > 0);
      let off = portal;
      let offTab = tabId;

      // Off, written as the options page writes it (lib/storage.ts, lib/rule-shards.ts).
      const sites = (rules: Record<string, boolean>) =>
        driver.setStorage("sync", {
          siteSettings: {
            mode: "everywhere-except",
            paused: false,
            shards: Object.keys(rules).length ? 1 : 0,
          },
          siteSettings$: { v: 2 },
          ...(Object.keys(rules).length ? { "siteRules.0": rules } : {}),
        });
      await sites({ "127.0.0.1": false });
      try {
        await portal.waitFor(() => (CSS.highlights.get("termlens")?.size ?? 0) === 0, undefined, 5000);
        // The cross-origin frame (localhost) is another site and stays on.
        const cross = portal.frame(/localhost.*report\.html\?kind=imaging/);
        assert.ok(cross);
        assert.ok((await cross.evaluate(highlightCount)) > 0, "localhost is still on");
        // The background follows the setting with its page-script registration.
        await driver.inExtension(async () => {
          for (let i = 0; i < 200; i++) {
            const scripts = await api.scripting.getRegisteredContentScripts();
            if (scripts.some((s) => s.excludeMatches?.includes("*://127.0.0.1/*"))) return;
            await new Promise((ok) => setTimeout(ok, 25));
          }
          throw new Error("the registration did not follow the setting");
        });

        // A new tab on the switched-off site: its localhost frame is read (the
        // positive control), the page itself gets nothing.
        off = await newPage(`${portalUrl()}?new-tab`);
        const offCross = off.frame(/localhost.*report\.html\?kind=imaging/);
        assert.ok(offCross);
        await offCross.waitFor(scanIdle, 0, 10_000);
        assert.ok((await offCross.evaluate(highlightCount)) > 0);
        assert.equal(await off.evaluate(highlightCount), 0);
        assert.equal(
          await off.evaluate(() => document.documentElement.getAttribute("data-termlens-scan")),
          null,
        );
        offTab = await driver.tabIdOf(off);
        assert.equal(await pageInfo(offTab), null, "no script of ours answers in the switched-off page");
      } finally {
        // On again: both tabs start without a reload.
        await sites({});
      }
      await portal.waitFor(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, 5000);
      await off.waitFor(scanIdle, 0, 10_000);
      assert.ok((await off.evaluate(highlightCount)) > 0);
      assert.equal((await pageInfo(offTab))?.enabled, true);
      await off.close();
    });

    scenario(
      "the popup speaks for the tab: its site switch and the terms on the page",
      async () => {
        await portal.bringToFront();
        const { popup, close } = await driver.openPopup(portal);
        try {
          await popup.waitFor(() => !!document.querySelector("input[role=switch]"), undefined, 5000);
          assert.match(
            await popup.evaluate(() => document.querySelector(".site-switch")?.textContent ?? ""),
            /On for 127\.0\.0\.1/,
          );
          await popup.waitFor(
            () =>
              (document.querySelector(".on-page")?.textContent ?? "").includes("Calciphylaxis") ||
              (document.querySelector(".on-page")?.textContent ?? "").includes("calciphylaxis"),
            undefined,
            5000,
          );
        } finally {
          await close();
        }
      },
      {
        differs: {
          firefox: "popup.html?tab=<id> opened as a page (browserAction.openPopup needs a user gesture)",
        },
      },
    );

    scenario("the options page opens as a page and shows the stored site rules", async () => {
      await driver.setStorage("sync", {
        siteSettings: { mode: "everywhere-except", paused: false, shards: 1 },
        siteSettings$: { v: 2 },
        "siteRules.0": { "example.org": false },
      });
      const options = await driver.openExtensionPage("/options.html");
      opened.push(options);
      try {
        await options.waitFor(() => !!document.querySelector("h1"), undefined, 5000);
        assert.equal(
          await options.evaluate(() => document.querySelector("h1")?.textContent),
          "Termlens settings",
        );
        await options.waitFor(
          () =>
            (document.querySelector("[aria-labelledby=sites-heading]")?.textContent ?? "").includes(
              "example.org",
            ),
          undefined,
          5000,
        );
        assert.match(await options.evaluate(() => document.body.textContent ?? ""), /How terms look/);
      } finally {
        await options.close();
        await driver.setStorage("sync", {
          siteSettings: { mode: "everywhere-except", paused: false, shards: 0 },
          siteSettings$: { v: 2 },
        });
      }
    });

    scenario("no request of ours: every request went to the test server", async () => {
      // Positive control: a request the page makes is seen.
      const control = `${server.origin}/report.html?control=${Date.now()}`;
      await portal.evaluate((u: string) => fetch(u).then(() => true), control);
      assert.ok(portal.requests.includes(control), "the recorder sees the page's requests");
      const requests = opened.flatMap((p) => p.requests);
      const foreign = requests.filter((u) => {
        if (!/^(https?|wss?|ftp):/.test(u)) return false;
        const host = new URL(u).hostname;
        return host !== "127.0.0.1" && host !== "localhost";
      });
      assert.deepEqual(foreign, []);
    });

    scenario("no error in the page's console", async () => {
      // Positive control: an error the page logs is seen.
      await portal.evaluate(() => console.error("termlens-control"));
      await portal.waitFor(() => true);
      const seen = () => portal.errors.some((e) => e.includes("termlens-control"));
      for (let i = 0; i < 100 && !seen(); i++) await new Promise((ok) => setTimeout(ok, 20));
      assert.ok(seen(), "the recorder sees console errors");
      const errors = opened.flatMap((p) => p.errors).filter((e) => !e.includes("termlens-control"));
      assert.deepEqual(errors, []);
    });
  });
}
