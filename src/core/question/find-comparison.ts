/**
 * Whether a question compares (design.md § Series and rankings): several years of one body
 * ("历年", "近三年", "2019到2023年"), a change between two years ("比去年多几件", "增长率"), or the
 * bodies of a place ("各部门", "各区县", "排名", "最多", "前三", "全市合计"). The words found are
 * blanked (same length, so positions keep) and the rest goes on to the body, year and metric readers.
 */

import { chineseNumber } from "../text/numerals.js";

export type Comparison =
  | { kind: "series"; from: number | null; to: number | null; last: number | null }
  | { kind: "change"; ratio: boolean }
  | {
      kind: "ranking";
      /** departments: the organs of a place; places: the places under it (区县); any: both, as named. */
      scope: "departments" | "places" | "any";
      order: "desc" | "asc";
      top: number | null;
      /** A total over the bodies ("全市合计", "各部门一共"), not one fact per body. */
      total: boolean;
    };

export interface ComparisonFound {
  comparison: Comparison | null;
  /** The text with the comparison's words blanked. */
  rest: string;
}

const NUM = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
const YEAR = "((?:19|20)\\d{2})";
const RANGE = new RegExp(`${YEAR}\\s*(?:年度|年)?\\s*(?:到|至|—|–|-|－|~|～)\\s*${YEAR}\\s*(?:年度|年)?`);
const LAST_N = new RegExp(`(?:近|最近|过去|前)${NUM}年(?:来|以来|间)?`);
const ALL_YEARS = /历年来?|逐年|每一?年|各年度?|这几年|近几年|近年来|多年来|每个年度/;
/** 各 + a kind of body. */
const EACH_BODY = /各(区县|县区|县市区|县市|区市|区|县|市|乡镇|镇|街道|部门|单位|机关|委办局|局|委|办)/;
const RANK_WORDS = /排名|排行|排序|名次|谁(?:的)?|哪(?:个|些|一个|家)(?:部门|单位|机关|区县|县区|区|县|市|局)?/;
const TOP_N = new RegExp(`前${NUM}(?:名|位|个)?`);
const EXTREME = /最多|最少|最高|最低|最大|最小/;
const WHOLE_PLACE = /全(市|区|县|省|州|盟)(?:各部门|所有部门)?/;
const TOTAL_WORDS = /合计|总计|一共|总共|共计|加起来|总数/;
/** A change between two years: 比/较/同比 …, or the words of a change with two years named. */
const COMPARE_WORDS = /同比|相比|对比|比(?:起)?|较/;
const CHANGE_WORDS =
  /增长率|增幅|增速|降幅|增长了?多少|增加了?多少|减少了?多少|下降了?多少|上升了?多少|(?:多|少)了?(?:多少|几)(?:件|个|项|次|条)?|增长|增加|减少|下降|上升|变化|增减|差了?多少|差距|差别|变动/;
const RATIO_WORDS = /增长率|增幅|增速|降幅|百分之几|百分比|[%％]/;
const FOUR_DIGIT_YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

function blank(text: string, re: RegExp): { text: string; m: RegExpExecArray | null } {
  const m = re.exec(text);
  if (!m) return { text, m: null };
  return { text: text.slice(0, m.index) + " ".repeat(m[0].length) + text.slice(m.index + m[0].length), m };
}

function blankAll(text: string, re: RegExp): string {
  let t = text;
  for (let b = blank(t, re); b.m; b = blank(t, re)) t = b.text;
  return t;
}

function count(s: string | undefined): number | null {
  if (!s) return null;
  const n = /^\d+$/.test(s) ? Number(s) : chineseNumber(s.replace("两", "二"));
  return n !== null && n > 0 && n <= 50 ? n : null;
}

export function findComparison(text: string): ComparisonFound {
  // Several years of one body.
  const range = blank(text, RANGE);
  if (range.m) {
    const a = Number(range.m[1]);
    const b = Number(range.m[2]);
    if (a !== b) return { comparison: { kind: "series", from: Math.min(a, b), to: Math.max(a, b), last: null }, rest: range.text };
  }
  const each = EACH_BODY.exec(text);
  const whole = WHOLE_PLACE.exec(text);
  const rank = RANK_WORDS.exec(text) ?? TOP_N.exec(text);
  // Across bodies: 各部门/各区县, 排名/前三/谁最多, 全市合计.
  if (each || whole || (rank && (EXTREME.test(text) || /排名|排行|排序|名次|前/.test(rank[0])))) {
    const kind = each?.[1] ?? "";
    const scope = /部门|单位|机关|局|委|办/.test(kind) ? "departments" : kind !== "" ? "places" : "any";
    const top = count(TOP_N.exec(text)?.[1]);
    const order = /最少|最低|最小|倒数/.test(text) ? "asc" : "desc";
    const total = TOTAL_WORDS.test(text) && !rank && !EXTREME.test(text);
    let rest = text;
    for (const re of [EACH_BODY, WHOLE_PLACE, TOP_N, EXTREME, /倒数/, /排名|排行|排序|名次/, RANK_WORDS]) rest = blankAll(rest, re);
    if (total) rest = blankAll(rest, TOTAL_WORDS);
    return { comparison: { kind: "ranking", scope, order, top, total }, rest };
  }
  const last = blank(text, LAST_N);
  if (last.m) {
    const n = count(last.m[1]);
    if (n !== null && n >= 2) return { comparison: { kind: "series", from: null, to: null, last: n }, rest: last.text };
  }
  const all = blank(text, ALL_YEARS);
  if (all.m) return { comparison: { kind: "series", from: null, to: null, last: null }, rest: all.text };
  // A change: 比/较/同比 with a change word, or two years named with one.
  const years = text.match(FOUR_DIGIT_YEAR)?.length ?? 0;
  const compares = COMPARE_WORDS.test(text);
  if (CHANGE_WORDS.test(text) && (compares || years >= 2)) {
    const ratio = RATIO_WORDS.test(text);
    let rest = blankAll(text, CHANGE_WORDS);
    rest = blankAll(rest, RATIO_WORDS);
    rest = blankAll(rest, COMPARE_WORDS);
    return { comparison: { kind: "change", ratio }, rest };
  }
  return { comparison: null, rest: text };
}
