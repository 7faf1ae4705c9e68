/**
 * The 勾稽 rules as a tool across rows: table 三 rows still open after their own reading
 * (read-row.ts: glued digits, missing cells) are narrowed to the combinations that satisfy
 * T3-1/T3-2; table 四's fifteen cells (one run, or fewer than fifteen) to those that satisfy
 * T4-1. One survivor is used (decidedBy "rules"); several leave the cells ambiguous with candidates.
 */

import type { Cell } from "../model.js";
import type { BlockDef } from "../template.js";
import { placeGaps, type Reading } from "./missing-cells.js";
import { separated } from "./read-row.js";
import { cellsFromOptions, positional, type RowReading, type Source, unreadableRow, type Where } from "./row-cells.js";
import { columnsHold, groupsSumToTotal } from "./rules.js";
import { isRun, runText, splitTable4 } from "./split-runs.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

type Vec = Reading;

function vecOf(r: RowReading): Vec | null {
  if (r.cells.some((c) => c.state === "ambiguous")) return null;
  return r.cells.map((c) => c.value);
}

const MAX_COMBOS = 100_000;

/** Use T3-1/T3-2 to choose among the readings of glued table-三 rows. */
export function resolveTable3(block: BlockDef, readings: RowReading[]): RowReading[] {
  const open = readings.filter((r) => r.options && r.options.length > 1);
  if (open.length === 0) return readings;
  const combos = open.reduce((n, r) => n * (r.options as Reading[]).length, 1);
  if (combos > MAX_COMBOS) return readings;
  const fixed = new Map<string, Vec>();
  for (const r of readings) {
    const v = vecOf(r);
    if (v && !open.includes(r)) fixed.set(r.row.id, v);
  }
  const resultIds = block.rows.filter((r) => !["new", "carried_in", "total", "carried_out"].includes(r.id)).map((r) => r.id);
  const survivors: Vec[][] = [];
  const pick: Vec[] = [];
  const go = (k: number) => {
    if (k === open.length) {
      const rows = new Map(fixed);
      open.forEach((r, i) => {
        rows.set(r.row.id, pick[i] as Vec);
      });
      if (columnsHold(rows, resultIds)) survivors.push([...pick]);
      return;
    }
    for (const o of (open[k] as RowReading).options as Reading[]) {
      pick.push(o);
      go(k + 1);
      pick.pop();
    }
  };
  go(0);
  if (survivors.length === 0) return readings;
  return readings.map((r) => {
    const i = open.indexOf(r);
    if (i < 0) return r;
    const opts = survivors.map((s) => s[i] as Vec);
    const where = { line: (r.cells[0] as Cell).line - 1, quote: (r.cells[0] as Cell).quote };
    return { ...r, options: opts, cells: cellsFromOptions(block, r.row, opts, where, r.source ?? "glued") };
  });
}

/** Table 四's fifteen cells: three rows (复议, 直接起诉, 复议后起诉) of five. */
export function resolveTable4(block: BlockDef, values: Token[], where: Where): RowReading[] {
  const rows = block.rows;
  const byPosition = () => rows.map((row, g) => positional(block, row, values.slice(g * 5, g * 5 + 5), where));
  if (values.length >= 15) return byPosition();
  const filled = values.filter((v) => v.kind === "value");
  const piped = values.every((v) => v.piped);
  let options: Reading[] | null = null;
  let source: Source = "gaps";
  if (piped || separated(filled, values)) {
    const parsed = values.map((v) => parseCell(v.text));
    if (parsed.some((p) => p.state !== "number" && p.state !== "empty")) return byPosition();
    options = placeGaps(
      parsed.map((p) => p.value),
      15,
    ).filter(groupsSumToTotal);
  }
  if (!options?.length && !piped) {
    // No separators, or spaces inside a glued run: split the digits.
    source = "glued";
    const run = runText(filled.map((v) => v.text));
    options = isRun(run) ? splitTable4(run) : [];
  }
  const raw = values.map((v) => v.text).join(" ");
  return rows.map((row, g) => {
    const opts = (options ?? []).map((o) => o.slice(g * 5, g * 5 + 5));
    if (opts.length === 0) return unreadableRow(block, row, where, raw, "表四的数字无法按模板和勾稽关系读出");
    return { block, row, cells: cellsFromOptions(block, row, opts, where, source), options: opts, source };
  });
}
