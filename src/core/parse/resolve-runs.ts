/**
 * Turning a row's value tokens into cells. Where the source glued a row's digits together,
 * every split is enumerated (split-runs.ts) and the 勾稽 rules keep the readings that can be
 * true: T3-3 within a row, T3-1/T3-2 across table 三's rows, T4-1 within table 四. One
 * survivor is used (decidedBy "rules"); several leave the cells ambiguous with candidates.
 */

import type { Cell } from "../model.js";
import type { BlockDef, ColumnDef, RowDef } from "../template.js";
import { isRun, runText, splitRun, splitTable3Row, splitTable4 } from "./split-runs.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

export interface RowReading {
  block: BlockDef;
  row: RowDef;
  cells: Cell[];
  /** Whole-row readings of a glued run that are still possible (null when cells were separate). */
  options: number[][] | null;
}

export interface Where {
  line: number;
  quote: string;
}

/** One cell of a row, read from its printed text. */
export function cell(block: BlockDef, row: RowDef, col: ColumnDef, raw: string, where: Where): Cell {
  const v = parseCell(raw);
  return {
    table: block.table,
    item: block.item,
    rowId: row.id,
    row: row.label,
    colId: col.id,
    column: col.label,
    raw,
    state: v.state,
    value: v.value,
    unit: v.unit ?? col.unit,
    quote: where.quote,
    line: where.line + 1,
    warnings: [],
  };
}

/** Cells for one row from a glued reading: decided where all options agree, ambiguous elsewhere. */
export function cellsFromOptions(block: BlockDef, row: RowDef, options: number[][], where: Where, byRules: boolean): Cell[] {
  return block.columns.map((col, i) => {
    const seen = [...new Set(options.map((o) => o[i] as number))];
    if (seen.length === 1) {
      const c = cell(block, row, col, String(seen[0]), where);
      if (byRules) c.decidedBy = "rules";
      return c;
    }
    const c = cell(block, row, col, "", where);
    c.state = "ambiguous";
    c.value = null;
    c.raw = where.quote.split("\n")[0] ?? "";
    c.candidates = seen.sort((a, b) => a - b);
    return c;
  });
}

/** Read one row's cells from the tokens after its label; null when the tokens are not a row. */
export function rowFromTokens(block: BlockDef, row: RowDef, values: Token[], where: Where): RowReading | null {
  const n = block.columns.length;
  if (values.length === 0) return null;
  const filled = values.filter((v) => v.kind === "value");
  if (filled.length === 0 && values.length < n) return null;
  const piped = values.every((v) => v.piped);
  if (values.length >= n || piped) {
    const cells = block.columns.map((col, i) => cell(block, row, col, values[i]?.text ?? "", where));
    for (const c of cells.slice(values.length)) {
      c.warnings.push(`源文本该行只有${values.length}个单元格（模板为${n}个），缺少的单元格按未填写处理`);
    }
    return { block, row, cells, options: null };
  }
  // Fewer values than columns on an unseparated line: a glued run.
  const run = runText(filled.map((v) => v.text));
  if (!isRun(run)) return null;
  const options = block.table === "三" ? splitTable3Row(run) : splitRun(run, n, { signed: block.columns.map((c) => Boolean(c.signed)) });
  if (options === null || options.length === 0) {
    const cells = block.columns.map((col) => {
      const c = cell(block, row, col, "", where);
      c.state = "ambiguous";
      c.raw = filled.map((v) => v.text).join(" ");
      c.candidates = [];
      c.warnings.push(options === null ? "粘连数字的拆分方式过多，未能确定" : "粘连数字无法按模板和勾稽关系拆分");
      return c;
    });
    return { block, row, cells, options: [] };
  }
  return { block, row, cells: cellsFromOptions(block, row, options, where, block.table === "三"), options };
}

type Vec = number[];

function vecOf(r: RowReading): Vec | null {
  if (r.cells.some((c) => c.state === "ambiguous")) return null;
  return r.cells.map((c) => c.value ?? 0);
}

/** Column rules T3-1 and T3-2 over complete row vectors; rows that are missing are not checked. */
function table3Holds(rows: Map<string, Vec>, resultIds: string[]): boolean {
  const get = (id: string) => rows.get(id);
  const total = get("total");
  for (let c = 0; c < 7; c++) {
    const a = get("new");
    const b = get("carried_in");
    const d = get("carried_out");
    if (a && b && total && d && (a[c] as number) + (b[c] as number) !== (total[c] as number) + (d[c] as number)) return false;
    if (total && resultIds.every((id) => rows.has(id))) {
      const s = resultIds.reduce((acc, id) => acc + ((get(id) as Vec)[c] as number), 0);
      if (s !== total[c]) return false;
    }
  }
  return true;
}

const MAX_COMBOS = 100_000;

/** Use T3-1/T3-2 to choose among the readings of glued table-三 rows. */
export function resolveTable3(block: BlockDef, readings: RowReading[]): RowReading[] {
  const open = readings.filter((r) => r.options && r.options.length > 1);
  if (open.length === 0) return readings;
  const combos = open.reduce((n, r) => n * (r.options as number[][]).length, 1);
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
      if (table3Holds(rows, resultIds)) survivors.push([...pick]);
      return;
    }
    for (const o of (open[k] as RowReading).options as number[][]) {
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
    return { ...r, options: opts, cells: cellsFromOptions(block, r.row, opts, where, true) };
  });
}

/** Table 四's fifteen cells: three rows (复议, 直接起诉, 复议后起诉) of five. */
export function resolveTable4(block: BlockDef, values: Token[], where: Where): RowReading[] {
  const rows = block.rows;
  const piped = values.every((v) => v.piped);
  if (values.length >= 15 || piped) {
    return rows.map((row, g) => {
      const cells = block.columns.map((col, i) => {
        const t = values[g * 5 + i];
        const c = cell(block, row, col, t?.text ?? "", where);
        if (!t) c.warnings.push(`源文本表四只有${values.length}个单元格（模板为15个）`);
        return c;
      });
      return { block, row, cells, options: null };
    });
  }
  const run = runText(values.filter((v) => v.kind === "value").map((v) => v.text));
  const options = isRun(run) ? splitTable4(run) : [];
  return rows.map((row, g) => {
    const opts = (options ?? []).map((o) => o.slice(g * 5, g * 5 + 5));
    if (opts.length === 0) {
      const cells = block.columns.map((col) => {
        const c = cell(block, row, col, "", where);
        c.state = "ambiguous";
        c.raw = values.map((v) => v.text).join(" ");
        c.candidates = [];
        c.warnings.push("表四的粘连数字无法按模板和勾稽关系拆分");
        return c;
      });
      return { block, row, cells, options: [] };
    }
    return { block, row, cells: cellsFromOptions(block, row, opts, where, true), options: opts };
  });
}
