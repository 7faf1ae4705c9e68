/**
 * Turning a row's value tokens into cells. Where the source glued a row's digits together,
 * every split is enumerated (split-runs.ts) and the 勾稽 rules keep the readings that can be
 * true: T3-3 within a row, T3-1/T3-2 across table 三's rows, T4-1 within table 四. Rows with
 * cells missing (missing-cells.ts) are read the same way. One survivor is used (decidedBy
 * "rules"); several leave the cells ambiguous with candidates.
 */

import type { Cell } from "../model.js";
import type { BlockDef, ColumnDef, RowDef } from "../template.js";
import { applicantSumHolds, placeGaps, type Reading, table4Holds, zero } from "./missing-cells.js";
import { isRun, runText, splitRun, splitTable3Row, splitTable4 } from "./split-runs.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

export interface RowReading {
  block: BlockDef;
  row: RowDef;
  cells: Cell[];
  /** Whole-row readings that are still possible (null when every cell was printed apart). */
  options: Reading[] | null;
  /** Where the readings came from: digits glued together, or cells missing from a separated row. */
  source?: Source;
}

type Source = "glued" | "gaps";

const NOTES: Record<Source, { blank: string; maybeBlank: string; decided: string }> = {
  glued: {
    blank: "源文本该行数字粘连，按模板和勾稽关系判断此格没有数字（空白）",
    maybeBlank: "源文本该行数字粘连，此格也可能空白",
    decided: "",
  },
  gaps: {
    blank: "源文本该行缺少单元格，按模板和勾稽关系判断此格未印出数字",
    maybeBlank: "源文本该行缺少单元格，此格也可能未印出数字",
    decided: "源文本该行缺少单元格，按模板和勾稽关系确定此格",
  },
};

interface Where {
  line: number;
  quote: string;
}

function cell(block: BlockDef, row: RowDef, col: ColumnDef, raw: string, where: Where): Cell {
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

/** Cells for one row from its possible readings: decided where all agree, ambiguous elsewhere. */
export function cellsFromOptions(block: BlockDef, row: RowDef, options: Reading[], where: Where, source: Source): Cell[] {
  const notes = NOTES[source];
  return block.columns.map((col, i) => {
    const seen = [...new Set(options.map((o) => o[i] ?? null))];
    if (seen.length === 1) {
      const v = seen[0] ?? null;
      const c = cell(block, row, col, v === null ? "" : String(v), where);
      c.decidedBy = "rules";
      if (v === null) c.warnings.push(notes.blank);
      else if (notes.decided) c.warnings.push(notes.decided);
      return c;
    }
    const c = cell(block, row, col, "", where);
    c.state = "ambiguous";
    c.value = null;
    c.raw = where.quote.split("\n")[0] ?? "";
    c.candidates = (seen.filter((v) => v !== null) as number[]).sort((a, b) => a - b);
    if (seen.includes(null)) c.warnings.push(notes.maybeBlank);
    return c;
  });
}

/** A row whose cells cannot be told apart: every cell ambiguous, no candidates, with the reason. */
export function unreadableRow(block: BlockDef, row: RowDef, where: Where, raw: string, why: string): RowReading {
  const cells = block.columns.map((col) => {
    const c = cell(block, row, col, "", where);
    c.state = "ambiguous";
    c.raw = raw;
    c.candidates = [];
    c.warnings.push(why);
    return c;
  });
  return { block, row, cells, options: [] };
}

function positional(block: BlockDef, row: RowDef, values: Token[], where: Where): RowReading {
  const n = block.columns.length;
  const cells = block.columns.map((col, i) => cell(block, row, col, values[i]?.text ?? "", where));
  for (const c of cells.slice(values.length)) {
    c.warnings.push(`源文本该行只有${values.length}个单元格（模板为${n}个），缺少的单元格按未填写处理`);
  }
  return { block, row, cells, options: null };
}

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
  return prev < 0 || change < 0 ? out : out.filter((r) => zero(r[prev] ?? null) + zero(r[change] ?? null) >= 0);
}

/** A well-formed single figure: no leading zero, at most one sign, no glued minus inside. */
const ONE_FIGURE = /^(?:[+\-−]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?(?:万元|元|件|项)?|\/|—+|无|(?:增加|新增|减少)\d+)$/;

/**
 * Values printed apart by spaces ("…数量 40 5 1 0 2 1 49") are separate cells even without
 * pipes; a run broken by a stray space ("410 000041") is not: one piece is no single figure.
 */
function separated(filled: Token[], values: Token[]): boolean {
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
  ).filter(block.table === "三" ? applicantSumHolds : table4Holds);
  if (options.length === 0) return null;
  return { block, row, cells: cellsFromOptions(block, row, options, where, "gaps"), options, source: "gaps" };
}

/** Read one row's cells from the tokens after its label; null when the tokens are not a row. */
export function rowFromTokens(block: BlockDef, row: RowDef, values: Token[], where: Where): RowReading | null {
  const n = block.columns.length;
  if (values.length === 0) return null;
  const filled = values.filter((v) => v.kind === "value");
  if (filled.length === 0 && values.length < n) return null;
  if (values.length >= n) return positional(block, row, values, where);
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

type Vec = Reading;

function vecOf(r: RowReading): Vec | null {
  if (r.cells.some((c) => c.state === "ambiguous")) return null;
  return r.cells.map((c) => c.value);
}

/** Column rules T3-1 and T3-2 over complete row vectors; rows that are missing are not checked. */
function table3Holds(rows: Map<string, Vec>, resultIds: string[]): boolean {
  const get = (id: string) => rows.get(id);
  const total = get("total");
  for (let c = 0; c < 7; c++) {
    const a = get("new");
    const b = get("carried_in");
    const d = get("carried_out");
    const at = (v: Vec) => zero(v[c] ?? null);
    if (a && b && total && d && at(a) + at(b) !== at(total) + at(d)) return false;
    if (total && resultIds.every((id) => rows.has(id))) {
      const s = resultIds.reduce((acc, id) => acc + at(get(id) as Vec), 0);
      if (s !== at(total)) return false;
    }
  }
  return true;
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
      if (table3Holds(rows, resultIds)) survivors.push([...pick]);
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
    ).filter(table4Holds);
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
