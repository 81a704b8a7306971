// Finds a Chromium to drive and launches it with the built extension loaded.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";

const USUAL_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

const HOW_TO = "No Chromium found: install one (Debian: sudo apt-get install chromium) or set CHROME_PATH.";

/** $CHROME_PATH, then the usual paths; installs Debian's chromium when root. */
export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist. ${HOW_TO}`);
  }
  const found = USUAL_PATHS.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log("No Chromium found: installing Debian's chromium with apt-get…");
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error(HOW_TO);
}

export const EXTENSION_DIR = resolve(".output/chrome-mv3");

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** Other (test) extensions to load beside Termlens. */
  alsoLoad?: string[];
  colorScheme?: "light" | "dark";
  /**
   * Whether frames mark their scan state for the tests (default true). Off,
   * the extension runs exactly as shipped: the privacy tests use that.
   */
  testSignals?: boolean;
}

export async function launch(opts: LaunchOptions = {}): Promise<Session> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, "manifest.json"))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), "termlens-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? "light",
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${[extensionDir, ...(opts.alsoLoad ?? [])].join(",")}`,
      `--load-extension=${[extensionDir, ...(opts.alsoLoad ?? [])].join(",")}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Lets tests reinstall the extension over CDP (Extensions.loadUnpacked),
      // as an update does with pages open.
      "--enable-unsafe-extension-debugging",
    ],
  });
  // The loaded extension's worker (test extensions beside it name theirs otherwise).
  const workerFile = manifestOf(extensionDir).background?.service_worker ?? "background.js";
  const ours = (w: Worker) => w.url().endsWith(`/${workerFile}`);
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent("serviceworker", { predicate: ours, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // On Chromium the page script is registered by the background at install;
  // wait for it, as a page opened in the same millisecond would miss it.
  await worker.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { scripting?: { getRegisteredContentScripts(): Promise<unknown[]> } };
      }
    ).chrome;
    for (let i = 0; i < 100 && api.scripting; i++) {
      if ((await api.scripting.getRegisteredContentScripts()).length > 0) return;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  });
  // Before any page opens: frames read it when they start. (An extension
  // without storage, such as the corpus test's empty one, has nothing to set.)
  await worker.evaluate(
    (on) =>
      (
        globalThis as unknown as { chrome: { storage?: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage?.local.set({ testSignals: on }),
    opts.testSignals ?? true,
  );
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function manifestOf(extensionDir: string): { background?: { service_worker?: string } } {
  return JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8"));
}

export function manifest(extensionDir = EXTENSION_DIR): { version: string } {
  return JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8"));
}
