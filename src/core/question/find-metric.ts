/**
 * Which template figure a question asks about, from the everyday words in template.ts.
 * Returns the rows asked for in question order; columns are chosen later against the
 * report's own template version (see pick-columns.ts), since 2019 and 2021 differ.
 */

import { type BlockDef, LAWSUIT_WORDS, ROW_EXCLUSIONS, type RowDef, T3_GROUPS, type TableId, TEMPLATES } from "../template.js";

export interface MetricAsk {
  table: TableId;
  /** Table 二 item ("（六）") or null. */
  item: string | null;
  /** Rows, in template order: one row, a 三 group's sub-rows, or the two 诉讼 rows. */
  rowIds: string[];
  /** What the question called it, for the reply ("行政处罚", "不予公开", "行政诉讼"). */
  label: string;
  /** The words that matched. */
  matched: string;
  kind: "row" | "group" | "lawsuit";
  at: number;
}

interface Target {
  word: string;
  make: () => Omit<MetricAsk, "matched" | "at">;
}

function rowTarget(block: BlockDef, row: RowDef): Omit<MetricAsk, "matched" | "at"> {
  return {
    table: block.table,
    item: block.item,
    rowIds: [row.id],
    label: row.label.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七]）|^\d\./, ""),
    kind: "row",
  };
}

function buildTargets(): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  for (const tpl of Object.values(TEMPLATES)) {
    for (const block of tpl.blocks) {
      for (const row of block.rows) {
        for (const word of new Set([...row.words, ...row.keys.filter((k) => k.length >= 3)])) {
          const id = `${block.table}|${row.id}|${word}`;
          if (seen.has(id)) continue;
          seen.add(id);
          out.push({ word, make: () => rowTarget(block, row) });
        }
      }
    }
  }
  const t3 = TEMPLATES["2021"].blocks.find((b) => b.table === "三") as BlockDef;
  const t3old = TEMPLATES["2019"].blocks.find((b) => b.table === "三") as BlockDef;
  for (const g of T3_GROUPS) {
    const rows = [...t3.rows, ...t3old.rows.filter((r) => r.id === "other" && g.group === "（六）其他处理")].filter(
      (r) => r.group === g.group || (g.group === "（六）其他处理" && r.id === "other"),
    );
    const ids = [...new Set(rows.map((r) => r.id))];
    for (const word of g.words)
      out.push({
        word,
        make: () => ({ table: "三", item: null, rowIds: ids, label: g.group.replace(/^（[三四五六]）/, ""), kind: "group" }),
      });
  }
  for (const word of LAWSUIT_WORDS)
    out.push({
      word,
      make: () => ({ table: "四", item: null, rowIds: ["suit_direct", "suit_after"], label: "行政诉讼", kind: "lawsuit" }),
    });
  // Fallback: "申请" alone means applications received.
  out.push({ word: "申请", make: () => rowTarget(t3, t3.rows[0] as RowDef) });
  return out.sort((a, b) => b.word.length - a.word.length);
}

let TARGETS: Target[] | null = null;

/** Metrics named in the question, in the order the question names them. */
export function findMetrics(text: string): MetricAsk[] {
  TARGETS ??= buildTargets();
  const used: boolean[] = new Array(text.length).fill(false);
  const found: MetricAsk[] = [];
  for (const t of TARGETS) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(t.word, from);
      if (at < 0) break;
      from = at + 1;
      const span: [number, number] = [at, at + t.word.length];
      if (used.slice(span[0], span[1]).some(Boolean)) continue;
      const m = { ...t.make(), matched: t.word, at };
      const excl = m.kind === "row" ? ROW_EXCLUSIONS[m.rowIds[0] as string] : undefined;
      if (excl?.some((x) => text.includes(x))) continue;
      // A second metric must be named in full (3+ characters), not by a fragment like "申请".
      if (found.length > 0 && t.word.length < 3) continue;
      if (found.some((f) => f.table === m.table && f.item === m.item && f.rowIds.join() === m.rowIds.join())) {
        for (let i = span[0]; i < span[1]; i++) used[i] = true;
        continue;
      }
      for (let i = span[0]; i < span[1]; i++) used[i] = true;
      found.push(m);
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
