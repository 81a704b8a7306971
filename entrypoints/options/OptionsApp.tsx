// Container for the options page: reads and writes the site settings.

import { useEffect, useState } from "preact/hooks";
import { SiteRules } from "../../components/SiteRules";
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from "../../lib/site-rules";
import { getSiteSettings, setSiteSettings, watchSiteSettings } from "../../lib/storage";

export function OptionsApp() {
  const [settings, setSettings] = useState<SiteSettings>(DEFAULT_SITE_SETTINGS);
  useEffect(() => {
    void getSiteSettings().then(setSettings);
    return watchSiteSettings(setSettings);
  }, []);
  return (
    <main style={{ font: "15px/1.5 system-ui, sans-serif", maxWidth: "40rem", margin: "1rem auto" }}>
      <h1>Termlens settings</h1>
      <SiteRules
        mode={settings.mode}
        rules={settings.rules}
        onMode={(mode) => void setSiteSettings({ ...settings, mode })}
        onRemove={(site) => {
          const rules = { ...settings.rules };
          delete rules[site];
          void setSiteSettings({ ...settings, rules });
        }}
      />
    </main>
  );
}
