/**
 * Which indexed bodies a question names. Aliases come from the index (built from the corpus
 * and the gazetteer at index time), so the question reader holds no list of places itself:
 * it offers every substring to the store and keeps the longest, best-weighted matches. An alias
 * that names a body by its organ alone (公安局, 区公安局) is checked against the place written
 * before it (placeOrgans).
 */

import { LEVEL_WORDS, organAlias } from "../organ-names.js";
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

export type PlacedGroups = { kind: "ok"; groups: BodyPick[][] } | { kind: "other-place"; named: string; picks: BodyPick[] };

/** Where each alias of `hits` occurs in the text: [start, end) spans. */
function spansOf(text: string, hits: AliasHit[]): { hit: AliasHit; start: number; end: number }[] {
  const out: { hit: AliasHit; start: number; end: number }[] = [];
  for (const hit of hits) {
    for (let i = text.indexOf(hit.alias); i >= 0; i = text.indexOf(hit.alias, i + 1))
      out.push({ hit, start: i, end: i + hit.alias.length });
  }
  return out;
}

/**
 * A body named by its organ alone (公安局, 区公安局: organAlias) must not be taken when the question
 * puts another place before it: "大同公安局", "淮安市发改局", "青山区公安局" name other bodies, and a
 * level word before a bare organ ("市发改局" when the body's alias would be 县发改局) names another
 * level's body. A place the body itself goes by (舟山 + 公安局) joins the organ into one pick.
 */
export function placeOrgans(text: string, hits: AliasHit[], groups: BodyPick[][]): PlacedGroups {
  const spans = spansOf(text, hits);
  let out = groups;
  for (const g of groups) {
    const first = g[0];
    if (!first) continue;
    const organ = g.map((p) => organAlias(p.alias, p.body));
    if (organ.some((o) => o === null)) continue;
    const at = first.at;
    const end = at + first.alias.length;
    const reach = at + Math.max(...organ.map((o) => o?.place.length ?? 0));
    // Names ending where the organ starts (or inside its generic place word: 青山区 + 区公安局).
    const before = spans.filter((s) => s.start < at && s.end >= at && s.end <= reach);
    if (before.length === 0) {
      const prev = text[at - 1] ?? "";
      if (organ.every((o) => o?.place === "") && (LEVEL_WORDS as readonly string[]).includes(prev))
        return { kind: "other-place", named: text.slice(at - 1, end), picks: g };
      continue;
    }
    const own = g.filter((p) => before.some((s) => s.hit.bodyKey === p.bodyKey));
    const start = Math.min(...before.map((s) => s.start));
    if (own.length === 0) return { kind: "other-place", named: text.slice(start, end), picks: g };
    const from = Math.min(...before.filter((s) => own.some((p) => p.bodyKey === s.hit.bodyKey)).map((s) => s.start));
    const joined = own.map((p) => ({ ...p, at: from, alias: text.slice(from, end) }));
    out = out.filter((o) => o === g || !o.every((p) => p.at >= from && p.at + p.alias.length <= at)).map((o) => (o === g ? joined : o));
  }
  return { kind: "ok", groups: out };
}
