// Shapes shared by the result parsers, the row finder and the result card.
// Every text field holds the words exactly as the page printed them.

/** A comparator printed before a number: "<0.01", ">= 60", "> OR = 60". */
export type Comparator = "<" | "<=" | ">" | ">=";

export interface ParsedValue {
  /** As printed, e.g. "<0.01", "1,204". */
  text: string;
  /** The number itself (thousands separators removed). */
  number: number;
  comparator: Comparator | null;
}

export interface RangeEnd {
  value: number;
  /** The number as printed ("1,000"), for labels on the number line. */
  text: string;
  /** True when the end itself belongs to the range ("2.5 - 4.5", ">=60"). */
  inclusive: boolean;
}

export interface ParsedRange {
  /** As printed, unit included when it was printed with the range. */
  text: string;
  low: RangeEnd | null;
  high: RangeEnd | null;
  /** A unit printed with the range ("2.5–4.5 mg/dL"), as printed. */
  unit: string | null;
}

export type FlagKind = "high" | "low" | "critical-high" | "critical-low" | "critical" | "abnormal" | "marked";

export interface ParsedFlag {
  /** As printed, brackets removed: "H", "HH", "Abnormal", "*". */
  text: string;
  kind: FlagKind;
}

/** Where the value sits against the range this lab lists; "none" when that cannot be said. */
export type Judgement = "above" | "below" | "within" | "none";

/** One text cell parsed as a value: "5.6 mmol/L H", "<0.01", "84.1 HH". */
export interface ParsedValueCell {
  value: ParsedValue;
  unit: string | null;
  flag: ParsedFlag | null;
  /** Offsets in the cell's text: the value with its unit (what the card calls "Your value"). */
  valueStart: number;
  valueEnd: number;
}

/** A result as the page prints it, and our judgement of it. */
export interface LabResult {
  value: ParsedValue;
  unit: string | null;
  range: ParsedRange | null;
  flag: ParsedFlag | null;
  judgement: Judgement;
}
