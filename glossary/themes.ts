// The fixed list of themes the popup groups documents under, in the order it
// shows them. Each document names one in its document.yaml (`theme: kidney`);
// the build rejects a missing or unknown theme. Adding a theme is adding a row.

export interface Theme {
  id: string;
  /** The heading the popup shows. */
  label: string;
}

export const THEMES: readonly Theme[] = [
  { id: "kidney", label: "Kidney care" },
  { id: "lab-tests", label: "Lab tests" },
  { id: "blood-and-anemia", label: "Blood & anemia" },
  { id: "clotting", label: "Blood thinners & clotting" },
  { id: "heart-and-vessels", label: "Heart & blood vessels" },
  { id: "diabetes", label: "Diabetes" },
  { id: "liver", label: "Liver" },
  { id: "nutrition", label: "Nutrition & vitamins" },
  { id: "wounds-and-skin", label: "Wounds & skin" },
  { id: "infection", label: "Infection" },
  { id: "care", label: "Care choices & research" },
];

const byId = new Map(THEMES.map((t) => [t.id, t]));

export function themeOf(id: string | undefined): Theme | undefined {
  return id === undefined ? undefined : byId.get(id);
}
