// The per-site on/off switch. Its accessible name says which site it acts on.

export interface SiteSwitchProps {
  /** Site key (host name or "file://"), or null where Termlens cannot run. */
  site: string | null;
  on: boolean;
  onChange: (on: boolean) => void;
  /** While paused everywhere the per-site switch has no effect, so it is disabled. */
  disabled?: boolean;
}

export function siteLabel(site: string): string {
  return site === "file://" ? "local files" : site;
}

export function SiteSwitch({ site, on, onChange, disabled = false }: SiteSwitchProps) {
  if (site === null) {
    return <p class="site-switch unavailable">Termlens does not run on this page.</p>;
  }
  const label = `${on ? "On" : "Off"} for ${siteLabel(site)}`;
  return (
    <label class="site-switch">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        aria-checked={on}
        disabled={disabled}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="track" aria-hidden="true" />
      <span class="label">{label}</span>
    </label>
  );
}
