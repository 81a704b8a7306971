// How the site list is laid out in sync storage. Pure: plans what to write.
//
// chrome.storage.sync allows 8,192 bytes per item (key + JSON value) and
// 102,400 bytes in all. 2,000 sites in one object is about 50 KB, far over the
// per-item limit, but fits the total. So the rules are split across items
// `siteRules.0`, `siteRules.1`, … of at most SHARD_BUDGET bytes each, and the
// `siteSettings` item records how many there are. One `set` call writes them
// all, which the browser applies (and reports) as one change and counts as one
// write operation.

import type { SiteSettings } from "./site-rules";

export const SITE_KEY = "siteSettings";
export const SHARD_PREFIX = "siteRules.";
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_MAX_ITEMS = 512;
/** Below the per-item limit, leaving room for the key and rounding. */
export const SHARD_BUDGET = 8000;
/** What the rest of our sync items (display settings, version marks) may need. */
const RESERVED_BYTES = 4096;

/** What Chrome counts for an item: key length plus its JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export function shardKey(i: number): string {
  return `${SHARD_PREFIX}${i}`;
}

/** Sorted hosts packed greedily into objects that each fit the budget. */
export function packRules(
  rules: Readonly<Record<string, boolean>>,
  budget = SHARD_BUDGET,
): Record<string, boolean>[] {
  const shards: Record<string, boolean>[] = [];
  let current: Record<string, boolean> = {};
  // "{}" plus the longest key name ("siteRules.511").
  let size = 2 + shardKey(SYNC_MAX_ITEMS).length;
  for (const host of Object.keys(rules).sort()) {
    const entry = JSON.stringify(host).length + 1 + String(rules[host]).length + 1; // "host":true,
    if (size + entry > budget && Object.keys(current).length > 0) {
      shards.push(current);
      current = {};
      size = 2 + shardKey(SYNC_MAX_ITEMS).length;
    }
    current[host] = rules[host] as boolean;
    size += entry;
  }
  if (Object.keys(current).length > 0) shards.push(current);
  return shards;
}

export interface SitePlan {
  /** Items to write in one call. */
  items: Record<string, unknown>;
  shardCount: number;
  bytes: number;
}

export class SiteListTooLargeError extends Error {
  constructor(
    readonly sites: number,
    readonly bytes: number,
  ) {
    super(
      `The site list is too long for the browser's sync storage: ${sites} sites need ` +
        `${Math.ceil(bytes / 1024)} KB, and sync storage holds ${SYNC_QUOTA_BYTES / 1024} KB. ` +
        "Remove some sites (rules for a parent domain cover its subdomains).",
    );
    this.name = "SiteListTooLargeError";
  }
}

/** The items that store `settings`; throws when they cannot fit sync storage. */
export function planSiteWrite(settings: SiteSettings): SitePlan {
  const shards = packRules(settings.rules);
  const items: Record<string, unknown> = {
    [SITE_KEY]: { mode: settings.mode, paused: settings.paused, shards: shards.length },
  };
  shards.forEach((shard, i) => {
    items[shardKey(i)] = shard;
  });
  const bytes = Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  if (bytes > SYNC_QUOTA_BYTES - RESERVED_BYTES || shards.length > SYNC_MAX_ITEMS - 16) {
    throw new SiteListTooLargeError(Object.keys(settings.rules).length, bytes);
  }
  return { items, shardCount: shards.length, bytes };
}

/** Copies own entries; defineProperty so a "__proto__" key stays a plain key (and is then rejected). */
function copyInto(target: Record<string, unknown>, source: object): void {
  for (const [k, v] of Object.entries(source)) {
    Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
}

/**
 * The stored site settings put back together from a snapshot of sync
 * storage: `siteSettings` plus its shards. A version 1 value (rules inline)
 * still reads correctly, so a failed or pending migration loses nothing.
 */
export function assembleSiteSettings(all: Record<string, unknown>): { raw: unknown; problems: string[] } {
  const meta = all[SITE_KEY];
  if (meta === undefined || meta === null) return { raw: undefined, problems: [] };
  if (typeof meta !== "object" || Array.isArray(meta)) return { raw: meta, problems: [] };
  const { shards, rules, ...rest } = meta as Record<string, unknown>;
  const problems: string[] = [];
  const merged: Record<string, unknown> = {};
  if (rules !== undefined) {
    if (typeof rules === "object" && rules !== null && !Array.isArray(rules)) copyInto(merged, rules);
    else return { raw: { ...rest, rules }, problems };
  }
  if (shards !== undefined) {
    const count = typeof shards === "number" && Number.isInteger(shards) ? shards : -1;
    if (count < 0 || count > SYNC_MAX_ITEMS)
      problems.push(`${SITE_KEY}.shards: "${String(shards)}" is not a count`);
    for (let i = 0; i < Math.max(0, Math.min(count, SYNC_MAX_ITEMS)); i++) {
      const shard = all[shardKey(i)];
      if (typeof shard === "object" && shard !== null && !Array.isArray(shard)) copyInto(merged, shard);
      else problems.push(`${shardKey(i)}: missing or not an object; its sites are lost`);
    }
  }
  return { raw: { ...rest, rules: merged }, problems };
}
