// Container for the options page: reads and writes the site and display
// settings, and turns export/import into file downloads and checked writes.

import { useEffect, useState } from "preact/hooks";
import { DisplayOptions } from "../../components/DisplayOptions";
import { SettingsTransfer, type TransferStatus } from "../../components/SettingsTransfer";
import { SiteRules } from "../../components/SiteRules";
import { DEFAULT_DISPLAY, type DisplaySettings } from "../../lib/settings";
import {
  exportFileName,
  exportSettings,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
} from "../../lib/settings-file";
import { DEFAULT_SITE_SETTINGS, parseSiteInput, type SiteSettings } from "../../lib/site-rules";
import { displaySettings, siteSettings } from "../../lib/storage";
import { openShortcutSettings } from "./shortcuts";

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OptionsApp() {
  const [sites, setSites] = useState<SiteSettings>(DEFAULT_SITE_SETTINGS);
  const [display, setDisplay] = useState<DisplaySettings>(DEFAULT_DISPLAY);
  const [transfer, setTransfer] = useState<TransferStatus>({ kind: "idle" });
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    void siteSettings.get().then(setSites);
    void displaySettings.get().then(setDisplay);
    const unwatchSites = siteSettings.watch(setSites);
    const unwatchDisplay = displaySettings.watch(setDisplay);
    return () => {
      unwatchSites();
      unwatchDisplay();
    };
  }, []);

  const saveSites = (next: SiteSettings) => {
    setSites(next);
    siteSettings.set(next).then(
      () => setSaveError(null),
      async (error: Error) => {
        setSaveError(error.message);
        setSites(await siteSettings.get());
      },
    );
  };
  const saveDisplay = (next: DisplaySettings) => {
    setDisplay(next);
    void displaySettings.set(next);
  };

  async function importFile(file: File) {
    // Checked before reading, so a huge file is never loaded into memory.
    const text =
      file.size > MAX_SETTINGS_FILE_BYTES ? "x".repeat(MAX_SETTINGS_FILE_BYTES + 1) : await file.text();
    const result = parseSettingsFile(text, file.name);
    if (!result.ok) {
      setTransfer({
        kind: "error",
        message: `Nothing was changed: ${file.name} cannot be imported.`,
        problems: result.problems,
      });
      return;
    }
    try {
      // Sites first: the one that can fail (sync quota). Display settings cannot.
      await siteSettings.set(result.settings.siteSettings);
      await displaySettings.set(result.settings.display);
    } catch (error) {
      setTransfer({
        kind: "error",
        message: `Nothing was changed: ${file.name} cannot be imported.`,
        problems: [(error as Error).message],
      });
      return;
    }
    const n = Object.keys(result.settings.siteSettings.rules).length;
    setTransfer({
      kind: "done",
      message: `Imported ${file.name}: ${n} site ${n === 1 ? "rule" : "rules"} and display settings.`,
    });
  }

  return (
    <main>
      <h1>Termlens settings</h1>
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <SiteRules
        mode={sites.mode}
        rules={sites.rules}
        paused={sites.paused}
        onMode={(mode) => saveSites({ ...sites, mode })}
        onPaused={(paused) => saveSites({ ...sites, paused })}
        onAdd={(input, on) => {
          const key = parseSiteInput(input);
          if (!key)
            return `“${input.trim()}” is not a site Termlens can run on. Type a host name such as portal.example.com, or a web address.`;
          saveSites({ ...sites, rules: { ...sites.rules, [key]: on } });
          return null;
        }}
        onRemove={(site) => {
          const rules = { ...sites.rules };
          delete rules[site];
          saveSites({ ...sites, rules });
        }}
      />
      <DisplayOptions value={display} onChange={saveDisplay} />
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard shortcuts</h2>
        <p>
          Explain the selected word, or step through the explained terms on a page, from the keyboard.{" "}
          <button type="button" class="link" onClick={() => void openShortcutSettings()}>
            Change keyboard shortcuts
          </button>
        </p>
      </section>
      <SettingsTransfer
        status={transfer}
        onExport={() => download(exportFileName(), exportSettings({ siteSettings: sites, display }))}
        onImport={(file) => void importFile(file)}
      />
      <p class="disclaimer">
        Termlens keeps these settings in your browser's own storage and sends nothing anywhere.
      </p>
    </main>
  );
}
