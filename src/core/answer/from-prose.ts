/**
 * Answering from the report's prose when no table field is asked for (report-format.md §7.2):
 * find the passages of that one report that hold the question's words, then the sentence and
 * the number in it that the question asks about, with its measure word. Precision first: every
 * content word of the question must stand in the sentence, and a question whose words the
 * report does not use at all is declined rather than answered with a nearby number.
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

export type ProseResult = { kind: "hit"; hit: ProseHit } | { kind: "miss"; missing: string[] };

const UNITS = "万人次|人次|万元|亿元|元|件次|件|条|个|次|场|期|篇|份|项|家|人|名|户|所|天|小时|万条|万|%|％";
const NUM_RE = new RegExp(`(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(${UNITS})?`, "g");
const ASK_UNIT = new RegExp(`(?:多少|几)(${UNITS})`);

/** Words that carry no content of their own in a question about a report. */
const GENERIC = new Set([
  "政府",
  "信息",
  "公开",
  "工作",
  "情况",
  "年度",
  "报告",
  "全年",
  "本年",
  "今年",
  "去年",
  "我县",
  "我市",
  "我区",
  "本机关",
  "共计",
  "总共",
  "一共",
  "合计",
  "累计",
  "共",
  "各类",
  "多少",
  "几",
  "数量",
  "数",
  "是",
  "有",
  "请问",
  "吗",
  "呢",
  "了",
  "的",
  "和",
  "与",
  "及",
  "或",
  "其中",
  "当年",
  "全县",
  "全市",
  "全区",
  "开展",
  "进行",
  "通过",
  "总数",
  "为",
  "达",
  "到",
  "个",
  "项",
]);
const QUESTION_CHARS = /[多少几吗呢啊么什哪谁请问是有的了和与及共计总为达到个件条次场期篇份项家人名户所元万%？?，,。、\s\d年月日]/g;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;！!？?])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Loaded {
  /** The passage index, loaded on first use: a question the vocabulary already rules out never pays for it. */
  search: () => MiniSearch<PassageDoc>;
  vocab: Set<string>;
}

/** A report's passage index with the shared options (parsed when first searched) and its vocabulary. */
export function loadSearch(json: string, vocab: string[]): Loaded {
  let search: MiniSearch<PassageDoc> | undefined;
  return { search: () => (search ??= MiniSearch.loadJSON<PassageDoc>(json, SEARCH_OPTIONS)), vocab: new Set(vocab) };
}

/** Question terms, segmented with the report's own vocabulary; and the content the vocabulary does not cover. */
export function questionTerms(text: string, vocab: Set<string>): { terms: string[]; uncovered: string } {
  const segs = segmentWithVocab(text, vocab);
  const terms: string[] = [];
  let uncovered = "";
  for (const s of segs) {
    const t = processTerm(s);
    if (t !== null && vocab.has(t) && (t.length >= 2 || /\d/.test(t))) terms.push(t);
    else if (!GENERIC.has(s)) uncovered += s;
  }
  return { terms, uncovered: uncovered.replace(QUESTION_CHARS, "").replace(/[^\u4e00-\u9fff]/g, "") };
}

/**
 * The number the question asks about in this report's prose, or what was missing. The passage
 * index stores each passage's text (SEARCH_OPTIONS.storeFields), so `passages` is only a fallback
 * for an index built without it; answering does not read them (a query per prose question saved).
 */
export function answerFromProse(question: string, loaded: Loaded, passages: Passage[] = []): ProseResult {
  const { terms, uncovered } = questionTerms(question, loaded.vocab);
  const content = terms.filter((t) => !GENERIC.has(t));
  if (uncovered.length >= 2) return { kind: "miss", missing: [uncovered] };
  if (content.length === 0) return { kind: "miss", missing: [] };
  const hits = loaded.search().search(terms.join(" "));
  const askUnit = ASK_UNIT.exec(question)?.[1] ?? null;
  const qNumbers = new Set(question.match(/\d+/g) ?? []);
  let best: (ProseHit & { score: number }) | null = null;
  for (const h of hits.slice(0, 12)) {
    const text = (h as unknown as { text?: string }).text ?? passages.find((p) => p.line === h.line)?.text ?? "";
    for (const s of sentences(text)) {
      if (!content.every((t) => s.includes(t))) continue;
      const spans = terms.filter((t) => s.includes(t)).map((t) => [s.indexOf(t), s.indexOf(t) + t.length] as const);
      for (const m of s.matchAll(NUM_RE)) {
        const raw = m[1] as string;
        const unit = m[2] ?? null;
        const at = m.index ?? 0;
        const end = at + m[0].length;
        if (!unit || qNumbers.has(raw) || /^[年月日号]/.test(s.slice(at + raw.length))) continue;
        if (askUnit && unit !== askUnit && !unit.endsWith(askUnit)) continue;
        const dist = Math.min(...spans.map(([a, b]) => (end <= a ? a - end : at >= b ? at - b : 0)));
        const score = h.score - dist / 10;
        if (!best || score > best.score) {
          best = { raw, value: Number(raw.replace(/,/g, "")), unit, quote: s, section: String(h.section), line: Number(h.line), score };
        }
      }
    }
  }
  if (!best) return { kind: "miss", missing: [] };
  const { score: _s, ...hit } = best;
  return { kind: "hit", hit };
}
