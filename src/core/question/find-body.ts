/**
 * Which indexed bodies a question names. Aliases come from the index (built from the corpus
 * and the gazetteer at index time), so the question reader holds no list of places itself:
 * it offers every substring to the store and keeps the longest, best-weighted matches.
 */

import type { AliasHit } from "../ports.js";

const CJK = /[\u4e00-\u9fff]/;
const MAX_ALIAS = 24;

/** Every substring (2…24 characters, with a Chinese character) a body alias could be. */
export function aliasCandidates(text: string): string[] {
  const out = new Set<string>();
  const s = text.slice(0, 300);
  for (let i = 0; i < s.length; i++) {
    for (let len = 2; len <= MAX_ALIAS && i + len <= s.length; len++) {
      const sub = s.slice(i, i + len);
      if (CJK.test(sub)) out.add(sub);
    }
  }
  return [...out];
}

export interface BodyPick {
  bodyKey: string;
  body: string;
  alias: string;
  at: number;
  /** Set when the alias was a correction (e.g. an OCR-misread name in the corpus). */
  note: string | null;
}

/**
 * Choose bodies from alias hits: longest alias first; an alias shared by several bodies gives
 * an ambiguous group (the caller may narrow it by year). Returns groups in question order.
 */
export function chooseBodies(text: string, hits: AliasHit[]): BodyPick[][] {
  const sorted = [...hits].sort((a, b) => b.alias.length - a.alias.length || b.weight - a.weight);
  const taken: [number, number][] = [];
  const groups = new Map<string, { at: number; picks: (BodyPick & { weight: number })[] }>();
  for (const h of sorted) {
    if (h.bodyKey === "" || h.body === null) continue;
    const at = text.indexOf(h.alias);
    if (at < 0) continue;
    const span = `${at}:${h.alias.length}`;
    const g = groups.get(span);
    if (!g && taken.some(([a, b]) => at < b && at + h.alias.length > a)) continue;
    const pick = { bodyKey: h.bodyKey, body: h.body, alias: h.alias, at, note: h.note, weight: h.weight };
    if (g) g.picks.push(pick);
    else {
      groups.set(span, { at, picks: [pick] });
      taken.push([at, at + h.alias.length]);
    }
  }
  return [...groups.values()]
    .sort((a, b) => a.at - b.at)
    .map((g) => {
      const best = Math.max(...g.picks.map((p) => p.weight));
      const seen = new Set<string>();
      return g.picks.filter((p) => p.weight === best && !seen.has(p.bodyKey) && seen.add(p.bodyKey)).map(({ weight: _w, ...p }) => p);
    });
}
