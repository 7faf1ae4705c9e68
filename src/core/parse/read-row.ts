/**
 * One row's cells from the tokens after its label (report-format.md §12): cells printed apart
 * are read in order; a row with cells missing has every gap placement tried against T3-3/T4-1;
 * digits glued together are split every possible way (split-runs.ts). resolve-runs.ts then
 * narrows table 三 across rows.
 */

import type { BlockDef, RowDef } from "../template.js";
import { placeGaps, type Reading } from "./missing-cells.js";
import { cellsFromOptions, positional, type RowReading, unreadableRow, type Where } from "./row-cells.js";
import { applicantsSumToTotal, groupsSumToTotal, itemsStayNonNegative } from "./rules.js";
import { isRun, runText, splitRun, splitTable3Row } from "./split-runs.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

/** Splits of a glued table-二 run: n cells, or fewer with the last ones left blank; 2019 增/减 kept plausible. */
function splitTable2(block: BlockDef, run: string): Reading[] | null {
  const n = block.columns.length;
  const signed = block.columns.map((c) => Boolean(c.signed));
  const out: Reading[] = [];
  for (let k = n; k >= 1; k--) {
    const parts = splitRun(run, k, { signed });
    if (parts === null) return null;
    for (const p of parts) out.push([...p, ...Array<null>(n - k).fill(null)]);
  }
  // §6.3 (SOFT, used as plausibility): 上一年项目数量 + 本年增/减 ≥ 0.
  const prev = block.columns.findIndex((c) => c.id === "prev_items");
  const change = block.columns.findIndex((c) => c.signed);
  return prev < 0 || change < 0 ? out : out.filter((r) => itemsStayNonNegative(r[prev] ?? null, r[change] ?? null));
}

/** A well-formed single figure: no leading zero, at most one sign, no glued minus inside. */
const ONE_FIGURE = /^(?:[+\-−]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?(?:万元|元|件|项)?|\/|—+|无|(?:增加|新增|减少)\d+)$/;

/**
 * Values printed apart by spaces ("…数量 40 5 1 0 2 1 49") are separate cells even without
 * pipes; a run broken by a stray space ("410 000041") is not: one piece is no single figure.
 */
export function separated(filled: Token[], values: Token[]): boolean {
  return filled.length >= 2 && values.every((v) => v.kind === "empty" || ONE_FIGURE.test(v.text.normalize("NFKC")));
}

/** Cells printed apart but fewer than the template has: which ones are missing? null = not decidable here. */
function withGaps(block: BlockDef, row: RowDef, values: Token[], where: Where): RowReading | null {
  const n = block.columns.length;
  if (block.table === "二") return positional(block, row, values, where);
  const parsed = values.map((v) => parseCell(v.text));
  if (parsed.some((p) => p.state !== "number" && p.state !== "empty")) return positional(block, row, values, where);
  const options = placeGaps(
    parsed.map((p) => p.value),
    n,
  ).filter(block.table === "三" ? applicantsSumToTotal : groupsSumToTotal);
  if (options.length === 0) return null;
  return { block, row, cells: cellsFromOptions(block, row, options, where, "gaps"), options, source: "gaps" };
}

/** Read one row's cells from the tokens after its label; null when the tokens are not a row. */
export function rowFromTokens(block: BlockDef, row: RowDef, values: Token[], where: Where): RowReading | null {
  const n = block.columns.length;
  if (values.length === 0) return null;
  if (values.length >= n) return positional(block, row, values, where);
  const filled = values.filter((v) => v.kind === "value");
  if (filled.length === 0) return null;
  const piped = values.every((v) => v.piped);
  if (piped || separated(filled, values)) {
    const read = withGaps(block, row, values, where);
    if (read) return read;
    if (piped) {
      const why = `源文本该行只有${values.length}个单元格（模板为${n}个），无法按勾稽关系判断缺少哪一格`;
      return unreadableRow(block, row, where, values.map((v) => v.text).join(" "), why);
    }
    // Spaces can also fall inside a glued run ("12 3001016"): read it as one below.
  }
  // Fewer values than columns on an unseparated line: a glued run.
  const run = runText(filled.map((v) => v.text));
  if (!isRun(run)) return null;
  const options = block.table === "三" ? splitTable3Row(run) : splitTable2(block, run);
  const raw = filled.map((v) => v.text).join(" ");
  if (options === null) return unreadableRow(block, row, where, raw, "粘连数字的拆分方式过多，未能确定");
  if (options.length === 0) return unreadableRow(block, row, where, raw, "粘连数字无法按模板和勾稽关系拆分");
  return { block, row, cells: cellsFromOptions(block, row, options, where, "glued"), options, source: "glued" };
}
