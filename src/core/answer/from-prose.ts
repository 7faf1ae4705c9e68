/**
 * Answering from the report's prose when no table field is asked for (report-format.md §7.2):
 * find the passages of that one report that hold the question's words, then the sentence and
 * the number in it that the question asks about, with its measure word. Precision first: every
 * content word of the question must stand in the sentence, and a question whose words the
 * report does not use at all is declined rather than answered with a nearby number.
 */

import MiniSearch from "minisearch";
import type { Passage } from "../model.js";
import type { MaybePromise } from "../ports.js";
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

const UNITS =
  "个百分点|万人次|人次|万元|亿元|元|件次|件|条|个|次|场|期|篇|份|项|家|人|名|户|所|天|小时|万条|万|批次|批|处|位|轮|套|台|本|周|%|％";
/** A figure, "余"/"多" when it is a round lower bound ("600余条"), and its measure word. */
const NUM_RE = new RegExp(`(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(余|多)?\\s*(${UNITS})?`, "g");
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
  return (
    text
      // Not at ；: reports list their figures between semicolons ("…9条；…185条"), one sentence.
      .split(/(?<=[。！!？?])/)
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/**
 * Where one report's prose is read from, each part on demand: the vocabulary decides first
 * whether the report uses the question's words at all (small), the passages hold the sentences
 * (a few KB), and the MiniSearch index (the largest part, and the costliest to load) is loaded
 * only to rank sentences found in more than one passage.
 */
export interface ProseSource {
  vocab: () => MaybePromise<string[] | null>;
  passages: () => MaybePromise<Passage[]>;
  /** The report's MiniSearch JSON (SEARCH_OPTIONS), or null when the report has none. */
  index: () => MaybePromise<string | null>;
}

/** Question terms, segmented with the report's own vocabulary; and the content the vocabulary does not cover. */
export function questionTerms(text: string, vocab: Set<string>): { terms: string[]; uncovered: string; runs: string[] } {
  const segs = segmentWithVocab(text, vocab);
  const terms: string[] = [];
  let uncovered = "";
  // Words the vocabulary does not hold, as typed: each run of them must stand in the sentence as it is.
  const runs: string[] = [];
  let run = "";
  const endRun = () => {
    const typed = run.replace(/^[^\u4e00-\u9fff]+|[^\u4e00-\u9fff]+$/g, "").replace(LEADING_MEASURE, "");
    const r = typed.replace(QUESTION_CHARS, "").replace(/[^\u4e00-\u9fff]/g, "");
    if (r.length >= 2) runs.push(typed);
    run = "";
  };
  for (const s of segs) {
    const t = processTerm(s);
    if (t !== null && vocab.has(t) && (t.length >= 2 || /\d/.test(t))) {
      terms.push(t);
      endRun();
    } else if (!GENERIC.has(s) && !QUESTION_ONLY.test(s)) {
      uncovered += s;
      run += s;
    } else endRun();
  }
  endRun();
  return { terms, uncovered: uncovered.replace(QUESTION_CHARS, "").replace(/[^\u4e00-\u9fff]/g, ""), runs };
}

/** A segment that only asks ("多少", "几", "是", "了"…) or hedges ("大约", "其中"): it ends a run of uncovered words. */
const QUESTION_ONLY = /^(?:[多少几吗呢是有的了和与及或加请问?？,，、\s]|大约|约|左右|其中|年底|底)+$/;
/** Words that hedge or point into a list, never words the sentence must hold. */
const HEDGES = /其中|大约|大概|左右/g;

/** A measure word the question asks in, at the start of a run ("多少批次农产品" → 农产品). */
const LEADING_MEASURE = new RegExp(`^(?:${"个百分点|批次|人次|万条|万元|件|条|个|次|场|期|篇|份|项|家|人|名|户|所|天|批|处|位|轮"})`);

/** Words that ask for a share: the answer is a percentage, and the word itself need not stand in the text. */
const SHARE_WORDS = "占比|比例|比重|百分比|百分之几|百分之多少";
const ASKS_SHARE = new RegExp(SHARE_WORDS, "g");
/** "满意率", "办结率": the rate's own word stays a term, 率 asks for a percentage. */
const ASKS_RATE = /([\u4e00-\u9fff])率/g;
/** Whether a question asks for a share or a rate (one test, no global state). */
const ASKS_PERCENT = new RegExp(`${SHARE_WORDS}|[\u4e00-\u9fff]率`);

/** A question about the fee for handling applications (信息处理费, section 六 of report-format.md §7.1). */
const ASKS_FEE = /信息处理费|处理费|信息公开费|公开费用|收费情况|收取.{0,6}费/;
/**
 * A sentence that says no such fee was charged this year: "无收取信息处理费", "没有产生信息公开处理费",
 * "未发生收费情况", "无向申请人收取…费用". A statement of policy ("不收取费用") is not a figure for the year.
 */
const FEE_NONE =
  /(?:无|没有|未|未曾)[^。；，,]{0,10}?(?:收取|产生|发生|收)[^。；，,]{0,12}?(?:处理费|费用|收费)|(?:无|没有|未)(?:发生)?收费(?:情况|行为|事项)?/;

/** The statement that the year's fee was nil, as a figure 0 quoted with its sentence; null when the report has none. */
async function feeNotCharged(source: ProseSource): Promise<ProseHit | null> {
  for (const passage of await source.passages()) {
    for (const sentence of sentences(passage.text)) {
      const m = FEE_NONE.exec(sentence);
      if (m && !/不收取/.test(m[0]))
        return { raw: m[0], value: 0, unit: null, quote: sentence, section: passage.section, line: passage.line };
    }
  }
  return null;
}

/** Counters that name documents and items alike ("多少件政策性文件" / "政策性文件8条"); 篇 and 份 count other things. */
const COUNTERS = new Set(["件", "条"]);

/** Whether a run's characters stand in `text` in order, at most four characters apart within one part. */
function looseIn(text: string, run: string): boolean {
  return new RegExp([...run].map(escapeChar).join("[^，。；,;]{0,4}")).test(text);
}

const escapeChar = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Candidate {
  sentence: string;
  passage: Passage;
  /** The passage's place in the report, which is its id in the MiniSearch index. */
  ord: number;
}

/** Where a sentence's parts begin and end: a figure belongs to the part it stands in ("其中网络申请5件，信函申请6件"). */
const PART_BREAK = /[,，、；;：:（）()]/;

/** The part of `s` around position `at`: from the last break before it to the next after it. */
function partAround(s: string, at: number, end: number): [number, number] {
  let a = at;
  while (a > 0 && !PART_BREAK.test(s[a - 1] as string)) a--;
  let b = end;
  while (b < s.length && !PART_BREAK.test(s[b] as string)) b++;
  return [a, b];
}

/** Words a part may hold beside the asked terms without naming something else. */
const FILLER = /其中|我局|本局|全年|年度|共|累计|全部|各类|主动|政府|信息|达到?|为|约|有|了|的|和|及|与|等|本年|当年|\d+年/g;

/** The best number in the candidate sentences, each scored by its passage's score less its distance from the question's words. */
function bestNumber(
  question: string,
  terms: string[],
  cands: Candidate[],
  scoreOf: (c: Candidate) => number,
  percent = false,
  runs: string[] = [],
): ProseHit | null {
  const askUnit = percent ? "%" : (ASK_UNIT.exec(question)?.[1] ?? null);
  const qNumbers = new Set(question.match(/\d+/g) ?? []);
  // The question's own words: its terms, and the runs of words the vocabulary cut otherwise (as typed).
  const content = [...terms.filter((t) => !GENERIC.has(t)), ...runs];
  // A running total ("累计", "截至") is a different figure from the year's unless the question asks for it.
  const asksRunning = /累计|截至|截止|总共|历年|底/.test(question);
  let best: (ProseHit & { score: number }) | null = null;
  for (const c of cands) {
    const { sentence: s, passage } = c;
    const spans = terms.filter((t) => s.includes(t)).map((t) => [s.indexOf(t), s.indexOf(t) + t.length] as const);
    for (const m of s.matchAll(NUM_RE)) {
      const raw = `${m[1] as string}${m[2] ?? ""}`;
      const unit = m[3] ?? null;
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if (!unit || qNumbers.has(m[1] as string) || /^[年月日号]/.test(s.slice(at + raw.length))) continue;
      // 件 and 条 (份, 篇…) count documents and items alike: a figure in a sibling unit is a weaker match.
      const sibling = askUnit !== null && unit !== askUnit && !unit.endsWith(askUnit) && COUNTERS.has(askUnit) && COUNTERS.has(unit);
      if (askUnit && unit !== askUnit && !unit.endsWith(askUnit) && !sibling) continue;
      const dist = Math.min(...spans.map(([a, b]) => (end <= a ? a - end : at >= b ? at - b : 0)));
      // The part of the sentence the figure stands in: how much of the question it names, and how much else.
      const [pa, pb] = partAround(s, at, end);
      // A part that only says "占" or "达" ("网络申请3件，占43%") belongs to the part before it.
      const lead = s.slice(pa, at).replace(/[^\u4e00-\u9fff]/g, "");
      const from = /^(?:占|达|为|约|共|计|合计|占比)$/.test(lead) && pa > 0 ? partAround(s, pa - 1, pa - 1)[0] : pa;
      const part = s.slice(from, at);
      let named = 0;
      let rest = part;
      for (const t of content)
        if (part.includes(t)) {
          named += t.length;
          rest = rest.split(t).join("");
        }
      const other = rest.replace(FILLER, "").replace(/[^\u4e00-\u9fff]/g, "").length;
      // A figure describes what precedes it in its part, or the noun right after it ("设立9处自助服务站点");
      // a word of the question that stands only in a later part is not what this figure counts.
      const before = s.slice(0, pb);
      if (content.some((t) => !before.includes(t) && !(runs.includes(t) && looseIn(before, t)))) continue;
      const after = s.slice(end, end + 6);
      const noun = content.some((t) => after.startsWith(t) || after.slice(1).startsWith(t)) ? 4 : 0;
      // A running total (累计, 截至) is told apart by the words of the figure's own part.
      const own = s.slice(pa, end);
      const running = asksRunning ? (/累计|截至|截止|总/.test(own) ? 3 : 0) : /累计|截至|截止/.test(own) ? -3 : 0;
      const score = scoreOf(c) + named * 2 + noun + running - other * 0.3 - dist / 10 - (sibling ? 100 : 0);
      if (!best || score > best.score)
        best = {
          raw,
          value: Number((m[1] as string).replace(/,/g, "")),
          unit,
          quote: s,
          section: passage.section,
          line: passage.line,
          score,
        };
    }
  }
  if (!best) return null;
  const { score: _s, ...hit } = best;
  return hit;
}

/**
 * The number the question asks about in this report's prose, or what was missing. A candidate
 * is a sentence holding every content word of the question. When the candidates stand in one
 * passage, their distance to those words alone decides; when they stand in several, the passages
 * are ranked by the report's MiniSearch index (BM25 over jieba's segmentation), its 12 best kept.
 */
export async function answerFromProse(question: string, source: ProseSource): Promise<ProseResult> {
  if (ASKS_FEE.test(question)) {
    const none = await feeNotCharged(source);
    if (none) return { kind: "hit", hit: none };
  }
  const words = await source.vocab();
  if (words === null) return { kind: "miss", missing: [] };
  const vocab = new Set(words);
  // "占比上升了多少个百分点" asks for points, not a share: a measure word asked wins.
  const percent = !/(?:多少|几)个百分点/.test(question) && ASKS_PERCENT.test(question);
  const asked = question.replace(ASKS_SHARE, " ").replace(ASKS_RATE, "$1 ").replace(HEDGES, " ");
  const { terms, runs } = questionTerms(asked, vocab);
  const content = terms.filter((t) => !GENERIC.has(t));
  if (content.length === 0 && runs.length === 0) return { kind: "miss", missing: [] };
  const passages = await source.passages();
  // The report's sentences, split once for both passes below.
  const all: Candidate[] = [];
  for (const [ord, passage] of passages.entries()) for (const sentence of sentences(passage.text)) all.push({ sentence, passage, ord });
  const find = (holds: (sentence: string, run: string) => boolean) =>
    all.filter(({ sentence }) => content.every((t) => sentence.includes(t)) && runs.every((r) => holds(sentence, r)));
  let cands = find((sentence, run) => sentence.includes(run));

  if (runs.length > 0 && runs.every((r) => r.length <= 3)) {
    // A short run may be two words the question glued ("公众号发了" → 公众号 / 发送): its characters in order, close together.
    const loose = find(looseIn);
    const seen = new Set(cands.map((c) => c.sentence));
    cands = [...cands, ...loose.filter((c) => !seen.has(c.sentence))];
  }
  if (cands.length === 0) {
    const absent = runs.filter((r) => !passages.some((p) => p.text.includes(r)));
    return { kind: "miss", missing: absent };
  }
  let hit: ProseHit | null;
  if (cands.every((c) => c.ord === cands[0]?.ord)) hit = bestNumber(question, terms, cands, () => 0, percent, runs);
  else {
    const json = await source.index();
    const ranked = json === null ? [] : MiniSearch.loadJSON<PassageDoc>(json, SEARCH_OPTIONS).search(terms.join(" ")).slice(0, 12);
    const rank = new Map(ranked.map((h, i) => [Number(h.id), { i, score: h.score }]));
    // In rank order, so that of two equal scores the better-ranked passage's sentence wins.
    const ranked12 = cands.filter((c) => rank.has(c.ord)).sort((a, b) => (rank.get(a.ord)?.i ?? 0) - (rank.get(b.ord)?.i ?? 0));
    // Sentences of passages the index ranks lower (or not at all: words it does not hold) come after, never dropped.
    const kept = [...ranked12, ...cands.filter((c) => !rank.has(c.ord))];
    // The passage's rank breaks ties between sentences; what the figure's own part says decides.
    hit = bestNumber(question, terms, kept, (c) => 1 - (rank.get(c.ord)?.i ?? 12) / 12, percent, runs);
  }
  return hit ? { kind: "hit", hit } : { kind: "miss", missing: [] };
}
