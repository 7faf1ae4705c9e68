/**
 * A report's passage index as stored in the search table: exactly the text of
 * JSON.stringify(MiniSearch) after `new MiniSearch(SEARCH_OPTIONS).addAll(docs)`, written without
 * building the MiniSearch. MiniSearch walks its radix tree once per token and serialises through
 * an object copy of the index; here the tokens are counted in a plain map, the tree (MiniSearch's
 * own SearchableMap, which decides the terms' order in the JSON) gets each distinct term once, and
 * the JSON is written straight from the counts. tests/build/search-json.test.ts holds the two
 * byte for byte equal, and every loader still reads it with MiniSearch.loadJSON(json, SEARCH_OPTIONS).
 */

import SearchableMap from "minisearch/SearchableMap";
import { type PassageDoc, SEARCH_OPTIONS } from "../core/search-options.js";

const tokenize = SEARCH_OPTIONS.tokenize as (text: string, fieldName?: string) => string[];
const FIELD = "seg";
const STORED = (SEARCH_OPTIONS.storeFields ?? []) as (keyof PassageDoc)[];

/**
 * Whether SEARCH_OPTIONS are still the kind this writer follows: one indexed field, "seg", ids in
 * "id", MiniSearch's own field access. When they change, the build uses MiniSearch itself.
 */
export const FOLLOWS_SEARCH_OPTIONS =
  SEARCH_OPTIONS.idField === "id" &&
  SEARCH_OPTIONS.fields.length === 1 &&
  SEARCH_OPTIONS.fields[0] === FIELD &&
  SEARCH_OPTIONS.extractField === undefined &&
  SEARCH_OPTIONS.stringifyField === undefined &&
  typeof SEARCH_OPTIONS.tokenize === "function";

/**
 * JSON.stringify(MiniSearch built with SEARCH_OPTIONS, whose processTerm `processTerm` returns,
 * after addAll(docs)). `processTerm` may be a cached SEARCH_OPTIONS.processTerm.
 */
export function searchJson(docs: PassageDoc[], processTerm: (term: string) => string | null): string {
  // Per distinct token of this report, its term's counts (null: processTerm drops it); per term,
  // the documents it occurs in (ascending, as MiniSearch lists them) and how often.
  const byToken = new Map<string, Counts | null>();
  const byTerm = new Map<string, Counts>();
  const tree = new SearchableMap<Counts>();
  const documentIds: Record<number, unknown> = {};
  const fieldLength: Record<number, number[]> = {};
  const storedFields: Record<number, Record<string, unknown>> = {};
  const averageFieldLength: number[] = [];
  const seenIds = new Set<unknown>();
  docs.forEach((doc, shortId) => {
    if (doc.id == null) throw new Error(`MiniSearch: document does not have ID field "id"`);
    if (seenIds.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${doc.id}`);
    seenIds.add(doc.id);
    documentIds[shortId] = doc.id;
    const stored: Record<string, unknown> = {};
    for (const f of STORED) if (doc[f] !== undefined) stored[f] = doc[f];
    if (STORED.length > 0) storedFields[shortId] = stored;
    if (doc.seg == null) return;
    const tokens = tokenize(doc.seg.toString(), FIELD);
    // MiniSearch's field length: distinct tokens before processTerm; its running average, computed as it does.
    const length = new Set(tokens).size;
    fieldLength[shortId] = [length];
    averageFieldLength[0] = ((averageFieldLength[0] || 0) * shortId + length) / (shortId + 1);
    for (const token of tokens) {
      let counts = byToken.get(token);
      if (counts === undefined) {
        const term = processTerm(token);
        counts = term ? (byTerm.get(term) ?? null) : null;
        if (term && !counts) {
          counts = { docs: [], n: [] };
          byTerm.set(term, counts);
          tree.set(term, counts);
        }
        byToken.set(token, counts);
      }
      if (!counts) continue;
      const last = counts.docs.length - 1;
      if (counts.docs[last] === shortId) (counts.n[last] as number)++;
      else {
        counts.docs.push(shortId);
        counts.n.push(1);
      }
    }
  });
  let index = "";
  for (const [term, counts] of tree) {
    let entry = "";
    counts.docs.forEach((shortId, i) => {
      entry += `${i ? "," : ""}"${shortId}":${counts.n[i]}`;
    });
    index += `${index ? "," : ""}[${JSON.stringify(term)},{"0":{${entry}}}]`;
  }
  return (
    `{"documentCount":${docs.length},"nextId":${docs.length},"documentIds":${JSON.stringify(documentIds)}` +
    `,"fieldIds":{"${FIELD}":0},"fieldLength":${JSON.stringify(fieldLength)},"averageFieldLength":${JSON.stringify(averageFieldLength)}` +
    `,"storedFields":${JSON.stringify(storedFields)},"dirtCount":0,"index":[${index}],"serializationVersion":2}`
  );
}

/** Where a term occurs: short document ids, ascending, and the count in each. */
interface Counts {
  docs: number[];
  n: number[];
}
