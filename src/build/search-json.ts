/**
 * A report's passage index as stored in the search table: exactly the text of
 * JSON.stringify(MiniSearch) after `new MiniSearch(SEARCH_OPTIONS).addAll(docs)`, written without
 * building the MiniSearch. MiniSearch walks its radix tree once per token (scanning a node's
 * children one by one, and the root has one per first character) and serialises through an object
 * copy of the index; here the tokens are counted in plain maps, each distinct term goes once into
 * a radix tree shaped as MiniSearch's (TermTree: its terms come out in the same order), and the
 * JSON is written straight from the counts. tests/build/search-json.test.ts holds the two
 * byte for byte equal, and every loader still reads it with MiniSearch.loadJSON(json, SEARCH_OPTIONS).
 */

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

export interface SearchJson {
  /** JSON.stringify of the MiniSearch. */
  json: string;
  /** The processed terms, each once, in the order their tokens first occur in the documents. */
  terms: string[];
}

/**
 * JSON.stringify(MiniSearch built with SEARCH_OPTIONS, whose processTerm `processTerm` returns,
 * after addAll(docs)). `processTerm` may be a cached SEARCH_OPTIONS.processTerm. `tokens[i]`,
 * when given, must be what SEARCH_OPTIONS.tokenize makes of docs[i].seg (see indexedTokens).
 */
export function searchJson(docs: PassageDoc[], processTerm: (term: string) => string | null, tokens?: (string[] | null)[]): SearchJson {
  // Per distinct token of this report, its term's counts (null: processTerm drops it) and the last
  // document it was seen in; per term, the documents it occurs in (ascending, as MiniSearch lists them) and how often.
  const byToken = new Map<string, { counts: Counts | null; doc: number }>();
  const byTerm = new Map<string, Counts>();
  const tree = new TermTree<Counts>();
  const documentIds: Record<number, unknown> = {};
  const fieldLength: Record<number, number[]> = {};
  const storedFields: Record<number, Record<string, unknown>> = {};
  const averageFieldLength: number[] = [];
  const seenIds = new Set<unknown>();
  const terms: string[] = [];
  docs.forEach((doc, shortId) => {
    if (doc.id == null) throw new Error(`MiniSearch: document does not have ID field "id"`);
    if (seenIds.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${doc.id}`);
    seenIds.add(doc.id);
    documentIds[shortId] = doc.id;
    const stored: Record<string, unknown> = {};
    for (const f of STORED) if (doc[f] !== undefined) stored[f] = doc[f];
    if (STORED.length > 0) storedFields[shortId] = stored;
    if (doc.seg == null) return;
    const docTokens = tokens?.[shortId] ?? tokenize(doc.seg.toString(), FIELD);
    let distinct = 0;
    for (const token of docTokens) {
      let seen = byToken.get(token);
      if (seen === undefined) {
        const term = processTerm(token);
        let counts = term ? (byTerm.get(term) ?? null) : null;
        if (term && !counts) {
          counts = { docs: [], n: [] };
          byTerm.set(term, counts);
          tree.set(term, counts);
          terms.push(term);
        }
        seen = { counts, doc: -1 };
        byToken.set(token, seen);
      }
      if (seen.doc !== shortId) {
        seen.doc = shortId;
        distinct++;
      }
      const counts = seen.counts;
      if (!counts) continue;
      const last = counts.docs.length - 1;
      if (counts.docs[last] === shortId) (counts.n[last] as number)++;
      else {
        counts.docs.push(shortId);
        counts.n.push(1);
      }
    }
    // MiniSearch's field length: distinct tokens before processTerm; its running average, computed as it does.
    fieldLength[shortId] = [distinct];
    averageFieldLength[0] = ((averageFieldLength[0] || 0) * shortId + distinct) / (shortId + 1);
  });
  let index = "";
  for (const [term, counts] of tree.entries()) {
    let entry = "";
    counts.docs.forEach((shortId, i) => {
      entry += `${i ? "," : ""}"${shortId}":${counts.n[i]}`;
    });
    index += `${index ? "," : ""}[${JSON.stringify(term)},{"0":{${entry}}}]`;
  }
  const json =
    `{"documentCount":${docs.length},"nextId":${docs.length},"documentIds":${JSON.stringify(documentIds)}` +
    `,"fieldIds":{"${FIELD}":0},"fieldLength":${JSON.stringify(fieldLength)},"averageFieldLength":${JSON.stringify(averageFieldLength)}` +
    `,"storedFields":${JSON.stringify(storedFields)},"dirtCount":0,"index":[${index}],"serializationVersion":2}`;
  return { json, terms };
}

/**
 * The tokens the index and the vocabulary read back from a passage's `seg` (its jieba tokens
 * joined with spaces), straight from those tokens: the ones without whitespace, in order. That
 * holds when the others are whitespace or empty and the first and last are not: SEARCH_OPTIONS.tokenize
 * splits at runs of whitespace, so those fall into the separators, and the vocabulary's split at
 * spaces leaves them as pieces that processTerm drops. null when it does not hold.
 */
export function indexedTokens(tokens: string[]): string[] | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined || !isWord(first) || !isWord(last)) return null;
  const out: string[] = [];
  for (const t of tokens) {
    if (isWord(t)) out.push(t);
    else if (!ALL_WHITESPACE.test(t)) return null;
  }
  return out;
}

const isWord = (t: string) => t !== "" && !WHITESPACE.test(t);
const WHITESPACE = /\s/;
const ALL_WHITESPACE = /^\s*$/;

/** Where a term occurs: short document ids, ascending, and the count in each. */
interface Counts {
  docs: number[];
  n: number[];
}

/**
 * The radix tree of MiniSearch's SearchableMap, for inserting keys and listing them: the same
 * shape (a node's children and its own value kept in one insertion-ordered map, a split edge moved
 * to the end) and the same order (a node's entries from the last inserted to the first, depth
 * first), so entries() lists the keys in the order MiniSearch's JSON does. A node also indexes its
 * edges by first character (edges from one node never share it), instead of scanning them.
 */
export class TermTree<V> {
  private root = node<V>();

  set(key: string, value: V): void {
    let at = this.root;
    let pos = 0;
    while (pos < key.length) {
      const k = at.first.get(key[pos] as string);
      if (k === undefined) {
        // A new edge for the rest of the key.
        const child = node<V>();
        addEdge(at, key.slice(pos), child);
        at = child;
        break;
      }
      const len = Math.min(key.length - pos, k.length);
      let offset = 1;
      while (offset < len && key[pos + offset] === k[offset]) ++offset;
      const child = at.kids.get(k) as Node<V>;
      if (offset === k.length) at = child;
      else {
        // The key leaves the edge part way: split it, the shared part moving to the end of the node's order.
        const middle = node<V>();
        addEdge(middle, k.slice(offset), child);
        at.kids.delete(k);
        addEdge(at, key.slice(pos, pos + offset), middle);
        at = middle;
      }
      pos += offset;
    }
    at.kids.set(LEAF, { value });
  }

  entries(): [string, V][] {
    const out: [string, V][] = [];
    const walk = (n: Node<V>, prefix: string) => {
      const keys = [...n.kids.keys()];
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        const kid = n.kids.get(k);
        if (k === LEAF) out.push([prefix, (kid as { value: V }).value]);
        else walk(kid as Node<V>, prefix + k);
      }
    };
    walk(this.root, "");
    return out;
  }
}

/** The key of a node's own value among its edges (as in SearchableMap: no edge is empty). */
const LEAF = "";

interface Node<V> {
  /** Edges and, under LEAF, the node's value, in insertion order. */
  kids: Map<string, Node<V> | { value: V }>;
  /** Edge by its first character. */
  first: Map<string, string>;
}

function node<V>(): Node<V> {
  return { kids: new Map(), first: new Map() };
}

function addEdge<V>(n: Node<V>, edge: string, child: Node<V>): void {
  n.kids.set(edge, child);
  n.first.set(edge[0] as string, edge);
}
