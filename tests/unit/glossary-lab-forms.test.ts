// @vitest-environment node
// How the real glossary's lab-test forms match text: the names portals print
// ("CREATININE 1.2 mg/dL", "Hgb", "HbA1c", "Protime-INR"), and the same letters
// in ordinary text where they mean something else. Each row of the false-positive
// table states a decision; where ordinary text unavoidably matches, the row says
// so and why, so that changing the decision means changing this test.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGlossary } from "../../glossary/build/build";
import { loadDocuments, loadShared } from "../../glossary/build/load";
import { loadIndex, matchChunks } from "../../glossary/match/index";
import type { CompiledGlossary } from "../../glossary/types";
import { messages, REPO } from "./glossary-fixtures";

const ROOT = join(REPO, "glossary/documents");
const result = buildGlossary(loadDocuments(ROOT, REPO), "glossary/documents", loadShared(ROOT, REPO));
const glossary = result.output?.glossary as CompiledGlossary;
const index = result.output ? loadIndex(result.output.content.index) : null;

/** "entry-id:matched text" for every match in a one-chunk text. */
function found(text: string): string[] {
  if (!index) return [];
  return matchChunks(index, [text]).map((m) => `${m.id}:${text.slice(m.startOffset, m.endOffset)}`);
}

type Row = [text: string, expected: string[]];

describe("the real glossary builds", () => {
  it("with no errors", () => {
    expect(messages(result)).toEqual([]);
  });
});

describe("portal spellings of lab tests are found", () => {
  it.each<Row>([
    // Kidney and metabolic panel
    ["CREATININE 1.2 mg/dL", ["creatinine:CREATININE"]],
    ["Creatinine(Serum) 0.9", ["creatinine:Creatinine"]],
    ["BUN 18 mg/dL", ["blood-urea-nitrogen:BUN"]],
    ["eGFR >60 mL/min/1.73m2", ["estimated-glomerular-filtration-rate:eGFR"]],
    ["GFR, estimated", ["estimated-glomerular-filtration-rate:GFR"]],
    ["Sodium 139", ["sodium:Sodium"]],
    ["POTASSIUM 5.6 H", ["potassium:POTASSIUM"]],
    ["Chloride 101", ["chloride:Chloride"]],
    ["Bicarbonate 22", ["bicarbonate:Bicarbonate"]],
    ["Glucose 142 H", ["glucose:Glucose"]],
    ["Glucose, Fasting 98", ["fasting-plasma-glucose:Glucose, Fasting"]],
    ["Calcium 9.1", ["calcium:Calcium"]],
    ["PHOSPHATE (AS PHOSPHORUS) 5.9 H", ["phosphorus:PHOSPHATE (AS PHOSPHORUS)"]],
    ["Phosphorus 4.8", ["phosphorus:Phosphorus"]],
    ["Albumin 3.2 L", ["albumin:Albumin"]],
    ["Protein, Total 6.1", ["total-protein:Protein, Total"]],
    ["PTH, Intact 410 H", ["parathyroid-hormone:PTH"]],
    // Liver tests
    ["ALT (SGPT) 44", ["alanine-transaminase:ALT (SGPT)"]],
    ["ALT 44 U/L", ["alanine-transaminase:ALT"]],
    ["AST 38 U/L", ["aspartate-transaminase:AST"]],
    ["Alk Phos 130", ["alkaline-phosphatase:Alk Phos"]],
    ["ALP 130", ["alkaline-phosphatase:ALP"]],
    ["GGT 60", ["gamma-glutamyl-transpeptidase:GGT"]],
    ["Bilirubin, Total 1.4", ["bilirubin:Bilirubin, Total"]],
    // Blood counts
    ["CBC with Differential", ["complete-blood-count:CBC with Differential"]],
    ["WBC 11.2 H", ["white-blood-cells:WBC"]],
    ["RBC 3.9 L", ["red-blood-cells:RBC"]],
    ["Hgb 10.1 L", ["hemoglobin:Hgb"]],
    ["HGB 10.1", ["hemoglobin:HGB"]],
    ["Hemoglobin 10.1 g/dL", ["hemoglobin:Hemoglobin"]],
    ["Hct 31.0", ["hematocrit:Hct"]],
    ["MCV 78 L", ["mean-corpuscular-volume:MCV"]],
    ["PLT 140", ["platelets:PLT"]],
    ["Platelet Count 140", ["platelets:Platelet Count"]],
    ["Reticulocyte Count 1.0", ["reticulocyte-count:Reticulocyte Count"]],
    // Iron studies
    ["Iron, Serum 40 L", ["iron:Iron"]],
    ["Ferritin 25", ["ferritin:Ferritin"]],
    ["TIBC 450 H", ["total-iron-binding-capacity:TIBC"]],
    ["Transferrin Saturation 12 %", ["transferrin-saturation:Transferrin Saturation"]],
    ["TSAT 12", ["transferrin-saturation:TSAT"]],
    // Diabetes
    ["HbA1c 7.2 %", ["a1c:HbA1c"]],
    ["Hemoglobin A1c 7.2", ["a1c:Hemoglobin A1c"]],
    ["A1C 6.4", ["a1c:A1C"]],
    ["Hb A1c 6.4", ["a1c:Hb A1c"]],
    // Lipids
    ["Cholesterol, Total 212 H", ["total-cholesterol:Cholesterol, Total"]],
    ["LDL Chol. (calc) 131", ["ldl-cholesterol:LDL Chol"]],
    ["LDL Cholesterol 131", ["ldl-cholesterol:LDL Cholesterol"]],
    ["HDL Cholesterol 38 L", ["hdl-cholesterol:HDL Cholesterol"]],
    ["HDL 38", ["hdl-cholesterol:HDL"]],
    ["Triglycerides 180", ["triglycerides:Triglycerides"]],
    // No document explains non-HDL or VLDL cholesterol: they get the general
    // cholesterol entry, never the HDL card ("Non-HDL" would otherwise match "HDL Cholesterol").
    ["Non-HDL Cholesterol 180", ["cholesterol:Non-HDL Cholesterol"]],
    ["VLDL Cholesterol Cal 30", ["cholesterol:Cholesterol"]],
    // Clotting: the protime is the prothrombin time, the INR its ratio; both get a card.
    ["Protime-INR", ["prothrombin-time:Protime", "international-normalized-ratio:INR"]],
    ["Prothrombin Time 13.1", ["prothrombin-time:Prothrombin Time"]],
    ["INR 2.6 H", ["international-normalized-ratio:INR"]],
    // Urine
    ["Urinalysis, Complete", ["urinalysis:Urinalysis"]],
    [
      "Urine Albumin/Creatinine Ratio 45",
      ["urine-albumin-to-creatinine-ratio:Urine Albumin/Creatinine Ratio"],
    ],
    ["UACR 45 mg/g", ["urine-albumin-to-creatinine-ratio:UACR"]],
    // Many portals print the albumin amount alone under these names: the urine
    // albumin card, not the ratio's.
    ["Microalbumin, Urine 45", ["urine-albumin:Microalbumin, Urine"]],
    ["Urine Albumin 12 mg/L", ["urine-albumin:Urine Albumin"]],
    ["Microalbumin/Creatinine Ratio 45", ["urine-albumin-to-creatinine-ratio:Microalbumin/Creatinine Ratio"]],
    ["Protein, Urine Positive", ["proteinuria:Protein, Urine"]],
    ["Ketones, Urine Negative", ["ketones:Ketones, Urine"]],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("the same letters in ordinary text", () => {
  it.each<[decision: string, text: string, expected: string[]]>([
    // CO2: no document explains the CO2 (bicarbonate) result of a metabolic
    // panel, so "CO2" is not a form at all, and a climate page stays clean.
    ["CO2 is not a form (no document explains the panel's CO2)", "CO2 emissions rose again in 2023.", []],
    ["CO2 in a portal row is not explained either", "CO2 24 mmol/L", []],
    // INR: case-sensitive, so "inr" in running text is left alone; upper-case
    // "INR" is the portal's own spelling and cannot be told from Indian rupees
    // by its letters, so a price in rupees is underlined (accepted, documented).
    [
      "INR as Indian rupees matches (unavoidable: same letters, same case)",
      "Price: INR 5,000",
      ["international-normalized-ratio:INR"],
    ],
    ["lower-case inr does not", "convert usd to inr", []],
    // PT: bare "PT" is not a form (physical therapy, Portugal, part-time);
    // the protime is found by its names instead.
    ["PT as physical therapy", "Schedule PT twice a week.", []],
    ["PT as Portugal", "Lisbon, PT", []],
    ["PT/INR: only the INR is found", "PT/INR", ["international-normalized-ratio:INR"]],
    // BUN: case-sensitive, so a bun on a menu is left alone; an upper-case
    // menu heading cannot be told from the lab abbreviation (accepted).
    ["a bun on a menu", "Burger on a brioche bun", []],
    ["an upper-case menu heading matches (unavoidable)", "HOT DOG BUN", ["blood-urea-nitrogen:BUN"]],
    // ALT: case-sensitive, so the Alt key as usually written is left alone.
    ["the Alt key", "Press Alt+Shift to switch keyboard layouts.", []],
    ["alt text", "Add alt text to every image.", []],
    [
      "an upper-case ALT key name matches (unavoidable)",
      "Press ALT+F4 to close the window.",
      ["alanine-transaminase:ALT"],
    ],
    // HDL: the hardware description language is written in the same capitals.
    [
      "HDL the hardware language matches (unavoidable)",
      "Verilog is an HDL for chip design.",
      ["hdl-cholesterol:HDL"],
    ],
    ["VHDL is one word and does not", "VHDL and SystemVerilog", []],
    ["lower-case hdl (a code identifier) does not", "hdl_module.v", []],
    // Other abbreviations deliberately left out as forms.
    ["EGFR the gene is not the kidney eGFR", "EGFR mutations in lung cancer", []],
    ["RPG the game", "a new RPG for consoles", []],
    ["TP-Link is not total protein", "TP-Link router setup", []],
    ["Roman numeral IV is not an IV line", "Category IV risk", []],
    ["ESA the space agency", "ESA launched a probe", []],
    ["Pad Thai is not peripheral arterial disease", "Pad Thai with tofu", []],
    ["the word dash is not the DASH diet", "a dash of salt", ["salt:salt"]],
  ])("%s", (_decision, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("test cards behind the portal forms", () => {
  it("every inventoried test's entry has a card that says what it measures", () => {
    const withCards = glossary.terms.filter((t) => t.test);
    expect(withCards.length).toBeGreaterThanOrEqual(60);
    for (const t of withCards) expect(t.test?.measures.text, t.id).toBeTruthy();
  });

  it("no card states a numeric range", () => {
    for (const t of glossary.terms) {
      const card = t.test;
      if (!card) continue;
      const texts = [card.measures, card.why, card.high, card.low, ...(card.questions ?? [])]
        .filter((x) => x !== undefined)
        .map((x) => x.text);
      for (const text of texts) expect(text, t.id).not.toMatch(/\d+(\.\d+)?\s*(-|–|to)\s*\d/);
    }
  });

  it("everyday food-label words are explained but not underlined", () => {
    const everyday = new Set(result.output?.content.everyday);
    for (const id of ["potassium", "sodium", "iron", "glucose", "calcium", "protein"]) {
      expect(everyday.has(id), id).toBe(true);
    }
    for (const id of ["creatinine", "ferritin", "a1c", "international-normalized-ratio"]) {
      expect(everyday.has(id), id).toBe(false);
    }
  });
});

describe("phrases that hold a form but name something else (notWithin)", () => {
  it.each<Row>([
    // The trait is not the disease: no card at all rather than the disease's.
    ["She has sickle cell trait.", []],
    ["Sickle cell traits run in families", []],
    ["Sickle-cell trait, and anemia", ["anemia:anemia"]],
    // The control: the disease's own forms still match, beside the trait too.
    ["sickle cell disease", ["sickle-cell-anemia:sickle cell disease"]],
    ["a sickle cell crisis", ["sickle-cell-anemia:sickle cell"]],
    ["sickle cell trait, not sickle cell anemia", ["sickle-cell-anemia:sickle cell anemia"]],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
