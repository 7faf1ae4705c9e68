/**
 * Table-二 blocks of a column dump (pdftotext's default mode) where one row's label is followed
 * by the values of several rows and the other rows' labels come after them ("行政许可 12 0 3 1 0 0
 * 其他对外管理服务事项"): the values are the rows' cells read row by row or column by column.
 * Table 二 has no 勾稽 rule to choose, so a cell is read only where both orders agree; where they
 * differ it is ambiguous with both candidates.
 */

import type { BlockDef } from "../template.js";
import { cellsOf, type Layout, looksDumped, mergeReadings, ownCount, type RowSpec, streamOf } from "./column-dump.js";
import type { RowReading } from "./row-cells.js";
import type { Token } from "./tokens.js";

const ORDER_UNSETTLED = "PDF转出的文本中几行的数字印在第一行标签之后、其余行标签印在数字之后，按行读和按列读得出的数字不同，无法确定";

/** Readings of the rows whose values follow another row's label, replacing what was read for them. */
export function sharedValueRows(
  readings: RowReading[],
  tokens: Token[],
  range: [number, number],
  blocks: BlockDef[],
  rawLines: string[],
): RowReading[] {
  if (!looksDumped(tokens, range, 4)) return readings;
  const s = streamOf(tokens, range, blocks);
  const replaced = new Map<string, RowReading>();
  for (const block of blocks) {
    const n = block.columns.length;
    const specs: RowSpec[] = block.rows.map((row) => ({ block, row, id: `${block.item ?? ""}|${row.id}` }));
    for (let i = 0; i < specs.length; i++) {
      const a = s.anchors.get((specs[i] as RowSpec).id);
      if (!a) continue;
      const own = ownCount(s, a);
      const k = own / n;
      if (!Number.isInteger(k) || k < 2 || i + k > specs.length) continue;
      // The next k-1 rows' labels stand right after those values, with no values of their own.
      const group = specs.slice(i, i + k);
      const after = group.slice(1).every((sp) => {
        const b = s.anchors.get(sp.id);
        return b !== undefined && b.at === a.at + own && ownCount(s, b) === 0;
      });
      if (!after) continue;
      const rowMajor: Layout = group.map((_, r) => Array.from({ length: n }, (_, c) => a.at + r * n + c));
      const colMajor: Layout = group.map((_, r) => Array.from({ length: n }, (_, c) => a.at + c * k + r));
      const read = mergeReadings([cellsOf(group, rowMajor, s, rawLines), cellsOf(group, colMajor, s, rawLines)], ORDER_UNSETTLED);
      for (const r of read) replaced.set(`${block.item ?? ""}|${r.row.id}`, r);
      i += k - 1;
    }
  }
  if (replaced.size === 0) return readings;
  const out = readings.map((r) => replaced.get(`${r.block.item ?? ""}|${r.row.id}`) ?? r);
  const have = new Set(out.map((r) => `${r.block.item ?? ""}|${r.row.id}`));
  for (const [id, r] of replaced) if (!have.has(id)) out.push(r);
  return out;
}
