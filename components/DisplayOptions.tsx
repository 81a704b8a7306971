// How terms look on pages: highlight style, everyday words, hover delay,
// theme. Props only; every change is reported whole.

import {
  type DisplaySettings,
  type HighlightStyle,
  HOVER_DELAY_RANGE,
  type ThemeChoice,
} from "../lib/settings";

export interface DisplayOptionsProps {
  value: DisplaySettings;
  onChange: (next: DisplaySettings) => void;
}

const STYLES: [HighlightStyle, string][] = [
  ["underline", "Dotted underline"],
  ["background", "Soft background"],
  ["none", "No marking (explain on hover only)"],
];
const THEMES: [ThemeChoice, string][] = [
  ["auto", "Match the page"],
  ["light", "Light"],
  ["dark", "Dark"],
];

export function DisplayOptions({ value, onChange }: DisplayOptionsProps) {
  const set = <K extends keyof DisplaySettings>(key: K, v: DisplaySettings[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <section aria-labelledby="display-heading">
      <h2 id="display-heading">How terms look</h2>
      <fieldset>
        <legend>Highlight style</legend>
        {STYLES.map(([style, label]) => (
          <label key={style} class="choice">
            <input
              type="radio"
              name="highlightStyle"
              value={style}
              checked={value.highlightStyle === style}
              onChange={() => set("highlightStyle", style)}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          name="underlineEveryday"
          checked={value.underlineEveryday}
          onChange={(e) => set("underlineEveryday", (e.currentTarget as HTMLInputElement).checked)}
        />{" "}
        Mark everyday words too (pain, infection…); they are always explained on hover
      </label>
      <label class="field">
        Hover delay (milliseconds before a tooltip opens)
        <input
          type="number"
          name="hoverDelayMs"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={value.hoverDelayMs}
          onChange={(e) => {
            const n = Number((e.currentTarget as HTMLInputElement).value);
            // Out-of-range input is clamped rather than refused: the field shows what applies.
            if (Number.isFinite(n))
              set(
                "hoverDelayMs",
                Math.round(Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, n))),
              );
          }}
        />
      </label>
      <fieldset>
        <legend>Tooltip theme</legend>
        {THEMES.map(([theme, label]) => (
          <label key={theme} class="choice">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={value.theme === theme}
              onChange={() => set("theme", theme)}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
