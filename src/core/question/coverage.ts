/**
 * Coverage before answering from a table (issue: "never the nearest cell"): every content word
 * of a clause must be covered by the template's own words for its rows and columns
 * (template.ts) or by the words every question uses. What is left over ("平均", "天数", "网络",
 * "信函", "涉及…", "占比", "办结率"…) names a quantity no cell holds: the clause then goes to
 * the prose, and if the prose has no sentence for it, to not_found naming those words.
 * A measure word no cell is counted in (条, 篇, 期, 人, %) sends it there too.
 */

import { LAWSUIT_WORDS, LEGAL_PERSON, T3_GROUPS, TEMPLATES } from "../template.js";

/** Words any question about a table figure uses around the row and column words. */
const QUESTION_WORDS = [
  "政府信息公开",
  "信息公开",
  "政府信息",
  "信息",
  "政府",
  "公开申请",
  "申请",
  "工作",
  "情况",
  "方面",
  "年度",
  "报告",
  "全年",
  "本年",
  "当年",
  "今年",
  "去年",
  "一共",
  "总共",
  "共计",
  "合计",
  "总计",
  "总数",
  "加起来",
  "累计",
  "其中",
  "分别",
  "各是",
  "多少",
  "几",
  "是",
  "有",
  "的",
  "了",
  "吗",
  "呢",
  "和",
  "与",
  "及",
  "或",
  "或者",
  "以及",
  "还有",
  "共",
  "各",
  "都",
  "被",
  "因",
  "因为",
  "由于",
  "而",
  "方面",
  "提出",
  "提起",
  "收到",
  "收",
  "受理",
  "新收",
  "作出",
  "做出",
  "作了",
  "办理",
  "处理",
  "结果",
  "决定",
  "案件",
  "事项",
  "请问",
  "给",
  "对",
  "向",
  "其",
  "本机关",
  "机关",
  "我局",
  "本局",
  "该局",
  "部门",
  "单位",
  "这",
  "那",
  "些",
  "里",
  "中",
  "内",
  "上",
  "到",
  "下",
  "人",
  "呀",
  "么",
  "怎么",
  "情形",
  "次",
  "起",
  "件",
  "个",
  "项",
  "数量",
  "数",
  "总",
  "量",
  "多",
  "少",
  "元",
  "万元",
  "金额",
  "钱",
  "本年度",
  "年底",
  "年末",
  "截至",
  "为",
  "还",
  "又",
  "已",
  "现在",
  "目前",
  "全部",
  "所有",
  "仍",
  "依申请",
  "申请人",
  "要求",
  "新",
  "项目",
  "相关",
  "不再",
  "过来",
  "结转",
  "逾期",
  "继续",
  "法院",
  "审结",
  "没",
];

let WORDS: string[] | null = null;

function allWords(): string[] {
  if (WORDS) return WORDS;
  const set = new Set<string>(QUESTION_WORDS);
  for (const tpl of Object.values(TEMPLATES)) {
    for (const b of tpl.blocks) {
      for (const r of b.rows) {
        for (const w of [...r.words, ...r.keys]) set.add(w);
        set.add(r.label.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七]）|^\d[.．]/, "").replace(/（.*?）/g, ""));
        for (const part of r.label.split(/[·、，,（）()]/)) if (part.length >= 2) set.add(part.replace(/^\d[.．]/, ""));
      }
      for (const c of b.columns) {
        for (const w of [...c.words, ...c.keys]) set.add(w);
        set.add(c.label.replace(/（.*?）/g, ""));
      }
    }
  }
  for (const g of T3_GROUPS) for (const w of [...g.words, g.group.replace(/^（.）/, "")]) set.add(w);
  for (const w of LAWSUIT_WORDS) set.add(w);
  for (const w of LEGAL_PERSON.words) set.add(w);
  WORDS = [...set].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  return WORDS;
}

/** Measure words a clause may ask in (多少件, 几次…) for a table cell; others name something no cell counts. */
const CELL_MEASURES = /^(?:件|次|起|个|宗|份|项|种|例|元|万元|笔)$/;
const ASKED_MEASURE =
  /(?:多少|几)(个百分点|万人次|人次|万元|亿元|万条|万次|万人|批次|件|次|起|个|宗|份|项|种|例|元|笔|条|篇|期|场|人|名|家|天|日|小时|万|%|批|位|户|所|处|台|套|张|本|轮)/;

export interface Coverage {
  /** Content the template's words do not cover ("" when all is covered). */
  uncovered: string;
  /** A measure word asked that no table cell is counted in, or null. */
  measure: string | null;
}

/** What of a clause (body and year already blanked out) the template's words leave uncovered. */
export function coverage(clause: string): Coverage {
  let rest = clause;
  for (const w of allWords()) if (rest.includes(w)) rest = rest.split(w).join(" ");
  const uncovered = rest.replace(/[^\u4e00-\u9fff]+/g, "");
  const m = ASKED_MEASURE.exec(clause);
  const measure = m && !CELL_MEASURES.test(m[1] as string) ? (m[1] as string) : null;
  return { uncovered, measure };
}
