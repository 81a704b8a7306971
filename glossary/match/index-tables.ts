// The serialized index and the matcher's tables, both ways. Loading runs in
// every frame, so it only decodes: the tables were built from the forms at
// glossary build time (tabulate.ts) and ship in the layout the scanner reads,
// so the decoded bytes are the tables; nothing here hashes a form, classifies
// a character or loops over the table, and the forms are split only when a
// hash hit first needs one verified (verify.ts).
import { base64ToInt32s, int32sToBase64 } from "./base64";
import { filterOf } from "./filter";
import { tableOf } from "./hash";
import { FORMAT, VERSION } from "./prepare";
import type { MatchIndex, SerializedIndex } from "./types";

export function serialize(ix: MatchIndex): SerializedIndex {
  const chains: number[] = [];
  ix.next.forEach((q, p) => {
    if (q >= 0) chains.push(p, q);
  });
  const punctFirst: number[] = [];
  ix.punctFirst?.forEach((on, c) => {
    if (on === 1) punctFirst.push(c);
  });
  return {
    format: FORMAT,
    version: VERSION,
    ids: [...ix.ids],
    forms: ix.formText,
    meta: [...ix.meta],
    table: int32sToBase64(ix.table.slots),
    chains,
    filter: int32sToBase64(ix.filter.bits),
    punctFirst,
  };
}

export function compile(data: SerializedIndex): MatchIndex {
  if (data.format !== FORMAT || data.version !== VERSION) {
    throw new Error(`match index: expected ${FORMAT} v${VERSION}, got ${data.format} v${data.version}`);
  }
  const count = data.meta.length;
  // The full count is checked when the forms are split (verify.ts).
  if ((count === 0) !== (data.forms === "")) throw new Error("match index: forms and meta differ in length");
  const chains = data.chains;
  if (chains.length % 2 !== 0) throw new Error("match index: chains are not pairs");
  const next = new Int32Array(count).fill(-1);
  for (let i = 0; i < chains.length; i += 2) next[chains[i] as number] = chains[i + 1] as number;
  let punctFirst: Uint8Array | null = null;
  if (data.punctFirst.length > 0) {
    punctFirst = new Uint8Array(65536);
    for (const c of data.punctFirst) punctFirst[c] = 1;
  }
  return {
    ids: data.ids,
    formText: data.forms,
    forms: null,
    meta: data.meta,
    table: tableOf(base64ToInt32s(data.table)),
    next,
    filter: filterOf(base64ToInt32s(data.filter)),
    punctFirst,
  };
}
