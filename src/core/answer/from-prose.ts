/**
 * Answering from the report's prose when no table field is asked for (report-format.md §7.2):
 * find the best passage of that one report, then the sentence and the number in it that the
 * question asks about, with its measure word. The number is quoted exactly as printed.
 */

import MiniSearch from "minisearch";
import type { Passage } from "../model.js";
import { type PassageDoc, processTerm, SEARCH_OPTIONS, segmentWithVocab } from "../search-options.js";

export interface ProseHit {
  /** The number as printed, e.g. "9861". */
  raw: string;
  value: number;
  unit: string | null;
  /** The sentence that holds it. */
  quote: string;
  section: string;
  line: number;
}

const UNITS = "万人次|人次|万元|亿元|元|件次|件|条|个|次|场|期|篇|份|项|家|人|名|户|所|期次|天|小时|万条|万|%|％";
const NUM_RE = new RegExp(`(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(${UNITS})?`, "g");
const ASK_UNIT = new RegExp(`(?:多少|几)(${UNITS})`);

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;！!？?])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Loaded {
  search: MiniSearch<PassageDoc>;
  vocab: Set<string>;
}

/** Load a report's passage index with the shared options. */
export function loadSearch(json: string, vocab: string[]): Loaded {
  return { search: MiniSearch.loadJSON<PassageDoc>(json, SEARCH_OPTIONS), vocab: new Set(vocab) };
}

/** Question terms, segmented with the report's own vocabulary. */
export function questionTerms(text: string, vocab: Set<string>): string[] {
  return segmentWithVocab(text, vocab)
    .map((t) => processTerm(t))
    .filter((t): t is string => t !== null && (t.length >= 2 || /\d/.test(t)) && vocab.has(t));
}

/**
 * The number the question asks about in this report's prose, or null. The passage index stores
 * each passage's text (SEARCH_OPTIONS.storeFields), so `passages` is only a fallback for an index
 * built without it; answering does not read them (a query per prose question saved).
 */
export function answerFromProse(question: string, loaded: Loaded, passages: Passage[] = []): ProseHit | null {
  const terms = questionTerms(question, loaded.vocab);
  if (terms.length === 0) return null;
  const hits = loaded.search.search(terms.join(" "));
  const askUnit = ASK_UNIT.exec(question)?.[1] ?? null;
  const qNumbers = new Set(question.match(/\d+/g) ?? []);
  let best: (ProseHit & { score: number }) | null = null;
  for (const h of hits.slice(0, 8)) {
    const text = (h as unknown as { text: string }).text ?? passages.find((p) => p.line === h.line)?.text ?? "";
    for (const s of sentences(text)) {
      const covered = terms.filter((t) => s.includes(t));
      if (covered.length === 0) continue;
      const weight = covered.reduce((a, t) => a + t.length, 0);
      const spans = covered.map((t) => [s.indexOf(t), s.indexOf(t) + t.length] as const);
      for (const m of s.matchAll(NUM_RE)) {
        const raw = m[1] as string;
        const unit = m[2] ?? null;
        const at = m.index ?? 0;
        const after = s.slice(at + m[0].length, at + m[0].length + 1);
        if (qNumbers.has(raw) || /^[年月日号]/.test(after) || (!unit && /^[年月日]/.test(s.slice(at + raw.length)))) continue;
        if (!unit) continue;
        if (askUnit && unit !== askUnit && !unit.endsWith(askUnit)) continue;
        const end = at + m[0].length;
        const dist = Math.min(...spans.map(([a, b]) => (end <= a ? a - end : at >= b ? at - b : 0)));
        const score = weight * 10 + h.score - dist / 50;
        if (!best || score > best.score) {
          best = { raw, value: Number(raw.replace(/,/g, "")), unit, quote: s, section: String(h.section), line: Number(h.line), score };
        }
      }
    }
  }
  if (!best) return null;
  const { score: _s, ...hit } = best;
  return hit;
}
