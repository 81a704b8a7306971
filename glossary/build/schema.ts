// A small schema checker for the YAML files: it reports unknown, missing and
// mistyped fields with the line of the offending node, and keeps those lines
// for the later cross-checks.
import type { Node, Pair } from "yaml";
import type { Reporter } from "./diagnostics";
import { isMap, isScalar, isSeq, type YamlFile } from "./yaml-source";

export type FieldType = "string" | "strings" | "boolean";
export type RecordSpec = Record<string, { type: FieldType; required: boolean }>;

export interface Field<T> {
  value: T;
  line: number;
  /** For lists: the line of each item. */
  itemLines: number[];
}

export interface LocatedRecord {
  line: number;
  fields: Map<string, Field<string | string[] | boolean>>;
}

const typeName: Record<FieldType, string> = {
  string: "a non-empty string",
  strings: "a list of non-empty strings",
  boolean: "true or false",
};

function readValue(
  node: Node | null,
  type: FieldType,
  yaml: YamlFile,
): Field<string | string[] | boolean> | undefined {
  const line = yaml.lineOf(node);
  if (type === "strings") {
    if (!isSeq(node)) return undefined;
    const value: string[] = [];
    const itemLines: number[] = [];
    for (const item of node.items) {
      if (!isScalar(item) || typeof item.value !== "string" || item.value.trim() === "") return undefined;
      value.push(item.value.trim());
      itemLines.push(yaml.lineOf(item));
    }
    return { value, line, itemLines };
  }
  if (!isScalar(node)) return undefined;
  if (type === "boolean")
    return typeof node.value === "boolean" ? { value: node.value, line, itemLines: [] } : undefined;
  if (typeof node.value !== "string" || node.value.trim() === "") return undefined;
  return { value: node.value.trim(), line, itemLines: [] };
}

/** Reads one mapping; returns null when it is not a mapping at all. */
export function readRecord(
  node: unknown,
  spec: RecordSpec,
  what: string,
  yaml: YamlFile,
  report: Reporter,
): LocatedRecord | null {
  const path = yaml.file.path;
  if (!isMap(node)) {
    report.error(path, yaml.lineOf(node as Node), `${what}: expected a mapping of fields`);
    return null;
  }
  const line = yaml.lineOf(node);
  const fields = new Map<string, Field<string | string[] | boolean>>();
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    const field = spec[key];
    if (!field) {
      report.error(path, yaml.lineOf(keyNode), `${what}: unknown field "${key}"`);
      continue;
    }
    const valueNode = (pair.value as Node | null) ?? null;
    const value = readValue(valueNode, field.type, yaml);
    if (!value) {
      report.error(
        path,
        yaml.lineOf(valueNode ?? keyNode),
        `${what}: field "${key}" must be ${typeName[field.type]}`,
      );
      continue;
    }
    fields.set(key, value);
  }
  for (const [key, field] of Object.entries(spec)) {
    if (field.required && !fields.has(key) && !node.has(key)) {
      report.error(path, line, `${what}: missing field "${key}"`);
    }
  }
  return { line, fields };
}

/** Reads a top-level list of mappings (one per topic or entry). */
export function readRecordList(
  yaml: YamlFile,
  spec: RecordSpec,
  what: string,
  report: Reporter,
): LocatedRecord[] {
  if (yaml.root === null) return [];
  if (!isSeq(yaml.root)) {
    report.error(yaml.file.path, yaml.lineOf(yaml.root), `expected a list of ${what} entries`);
    return [];
  }
  const out: LocatedRecord[] = [];
  for (const item of yaml.root.items) {
    const rec = readRecord(item, spec, what, yaml, report);
    if (rec) out.push(rec);
  }
  return out;
}

export function str(rec: LocatedRecord, key: string): Field<string> | undefined {
  const f = rec.fields.get(key);
  return f && typeof f.value === "string" ? (f as Field<string>) : undefined;
}

export function list(rec: LocatedRecord, key: string): Field<string[]> {
  const f = rec.fields.get(key);
  return f && Array.isArray(f.value) ? (f as Field<string[]>) : { value: [], line: rec.line, itemLines: [] };
}

export function flag(rec: LocatedRecord, key: string): boolean {
  return rec.fields.get(key)?.value === true;
}
