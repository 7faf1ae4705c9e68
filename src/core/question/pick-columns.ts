/**
 * The columns a question asks for within a block of the report's own template version.
 * No column word: table 二 gives the whole row (2019 rows have three columns, each explained),
 * tables 三 and 四 give 总计, and a note says so.
 */

import { type BlockDef, type ColumnDef, LEGAL_PERSON } from "../template.js";

export interface ColumnPick {
  columns: ColumnDef[];
  /** Set when the columns are asked for as one whole (table 三's 法人或其他组织): their sum is the answer. */
  whole?: string;
  /** Set when the question named no column and a default was taken. */
  note: string | null;
}

/** A column word that is only a measure ("多少项", "几件", "件数"): it decides only when nothing else names a column. */
const MEASURE_ONLY = /^(?:多少|几)|^件数$/;

export function pickColumns(block: BlockDef, text: string): ColumnPick {
  if (block.table === "三" && LEGAL_PERSON.words.some((w) => text.includes(w))) {
    const legal = block.columns.filter((c) => LEGAL_PERSON.columns.includes(c.id));
    // A named kind of legal person (商业企业…) is its own column; 法人或其他组织 as a whole is the five.
    const named = legal.filter((c) => c.words.some((w) => w !== "其他组织" && text.includes(w)));
    if (named.length === 0) return { columns: legal, note: null, whole: LEGAL_PERSON.label };
  }
  const strong: { col: ColumnDef; at: number; len: number }[] = [];
  const weak: { col: ColumnDef; at: number; len: number }[] = [];
  for (const col of block.columns) {
    let best: { at: number; len: number; measure: boolean } | null = null;
    for (const w of [...col.words, col.label]) {
      const at = text.indexOf(w);
      const measure = MEASURE_ONLY.test(w);
      if (at >= 0 && (!best || (best.measure && !measure) || (best.measure === measure && w.length > best.len)))
        best = { at, len: w.length, measure };
    }
    if (best) (best.measure ? weak : strong).push({ col, at: best.at, len: best.len });
  }
  const hits = strong.length > 0 ? strong : weak;
  // The longest matching word decides between columns that share a word ("多少件").
  if (hits.length > 0) {
    const maxLen = Math.max(...hits.map((h) => h.len));
    const chosen = hits.filter((h) => h.len === maxLen || h.len >= 3).sort((a, b) => a.at - b.at);
    // Table 三/四: "总计" only when nothing more specific was named.
    const specific = chosen.filter((h) => h.col.id !== "tot" && h.col.id !== "total");
    const cols = (block.table !== "二" && specific.length > 0 ? specific : chosen).map((h) => h.col);
    if (cols.length > 0) return { columns: [...new Set(cols)], note: null };
  }
  if (block.columns.length === 1) return { columns: block.columns, note: null };
  if (block.table === "二") {
    return {
      columns: block.columns,
      note: `问题未指明哪一列，按模板顺序列出该行全部${block.columns.length}列：${block.columns.map((c) => c.label).join("、")}`,
    };
  }
  const total = block.columns.find((c) => c.id === "tot" || c.id === "total") as ColumnDef;
  return {
    columns: [total],
    note: block.table === "三" ? "问题未指明申请人类别，按“总计”列（全部申请人）回答" : "问题未指明结果类别，按“总计”列回答",
  };
}
