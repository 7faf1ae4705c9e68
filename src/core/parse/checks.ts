/**
 * The 勾稽 consistency rules of report-format.md §6, run on a report's cells. A failed rule
 * never changes a published figure: it is recorded, and every involved cell carries a warning.
 */

import { type Cell, type CheckResult, cellKey, type ExtraRow } from "../model.js";
import { itemsStayNonNegative, T3_1, T3_2_TOTAL, T3_COLUMNS, T3_TOP_ROWS, T4_GROUPS, T4_RESULTS, T4_TOTAL } from "./rules.js";
import { parseCell } from "./value.js";

type Lookup = (rowId: string, colId: string) => Cell | undefined;

/**
 * A report's cells by table, item, row and column: what a map by cellKey gives (the last cell of
 * each key), without building and hashing a key string per cell and per lookup. The two agree
 * because no table, item, row or column id holds a "|" (tests/core/parse/checks.test.ts).
 */
export class CellIndex {
  private readonly tables = new Map<string, Map<string, Map<string, Map<string, Cell>>>>();
  private byKey: Map<string, Cell> | null = null;

  constructor(private readonly cells: Cell[]) {
    // A row's cells come together: its column map is looked up once for the run.
    let cols: Map<string, Cell> | null = null;
    let prev: Cell | null = null;
    for (const c of cells) {
      if (!cols || !prev || c.table !== prev.table || c.item !== prev.item || c.rowId !== prev.rowId) {
        const items = this.tables.get(c.table) ?? new Map<string, Map<string, Map<string, Cell>>>();
        this.tables.set(c.table, items);
        const rows = items.get(c.item ?? "") ?? new Map<string, Map<string, Cell>>();
        items.set(c.item ?? "", rows);
        cols = rows.get(c.rowId) ?? new Map<string, Cell>();
        rows.set(c.rowId, cols);
      }
      cols.set(c.colId, c);
      prev = c;
    }
  }

  /** The cell whose cellKey is `${table}|${item}|${rowId}|${colId}`. */
  get(table: string, item: string, rowId: string, colId: string): Cell | undefined {
    return this.tables.get(table)?.get(item)?.get(rowId)?.get(colId);
  }

  /** One table item's cells by row and column (what get() looks in). */
  rows(table: string, item: string): Map<string, Map<string, Cell>> | undefined {
    return this.tables.get(table)?.get(item);
  }

  /** The cell of a cellKey (the rules' results name cells so). */
  byCellKey(key: string): Cell | undefined {
    this.byKey ??= new Map(this.cells.map((c) => [cellKey(c), c]));
    return this.byKey.get(key);
  }
}

export function indexCells(cells: Cell[]): CellIndex {
  return new CellIndex(cells);
}

function num(c: Cell | undefined, tableHasNumbers: boolean): number | null {
  if (!c) return null;
  if (c.state === "number") return c.value;
  // A blank, "/" or "无" counts as 0 in arithmetic only when the table has other figures (§6.6).
  if ((c.state === "empty" || c.state === "none" || c.state === "na") && tableHasNumbers) return 0;
  return null;
}

function sumRule(
  rule: string,
  severity: "hard" | "soft",
  left: Cell[],
  right: Cell[],
  hasNumbers: boolean,
  describe: (l: number, r: number) => string,
): CheckResult | null {
  if (left.length === 0 || right.length === 0) return null;
  // Each side summed in order from 0; a cell that is no number in arithmetic means no rule.
  let l = 0;
  for (const c of left) {
    const v = num(c, hasNumbers);
    if (v === null) return null;
    l += v;
  }
  let r = 0;
  for (const c of right) {
    const v = num(c, hasNumbers);
    if (v === null) return null;
    r += v;
  }
  const cells: string[] = [];
  for (const c of left) cells.push(cellKey(c));
  for (const c of right) cells.push(cellKey(c));
  return { rule, severity, ok: Math.abs(l - r) < 1e-9, detail: describe(l, r), cells };
}

const T3_COL_NAMES: Record<string, string> = {
  np: "自然人",
  com: "商业企业",
  res: "科研机构",
  ngo: "社会公益组织",
  law: "法律服务机构",
  oth: "其他",
  tot: "总计",
};

/** Table 三 rows the report adds itself (e.g. "9.属于工作秘密"), as seven figures each. */
function localRows(extras: ExtraRow[]): { label: string; values: number[] }[] {
  return extras
    .filter((e) => e.table === "三" && !e.column && e.values.length === 7)
    .map((e) => ({ label: e.label, values: e.values.map((v) => parseCell(v).value ?? 0) }));
}

/** When a T3-2 gap is exactly what the report's own extra rows hold, say so. */
function extrasNote(gap: number, col: number, rows: { label: string; values: number[] }[]): string {
  const holding = rows.filter((r) => r.values[col] !== 0);
  const sum = holding.reduce((a, r) => a + (r.values[col] as number), 0);
  if (gap === 0 || sum !== gap) return "";
  return `；差额${gap}等于报告自加的非模板行${holding.map((r) => `“${r.label}”`).join("、")}，该行不属国家模板，未计入`;
}

/**
 * Run every rule that the report's cells allow; attach warnings to the cells of failed rules.
 * `extras` (local rows) are never summed in; they only explain a T3-2 gap they account for.
 */
export function runChecks(cells: Cell[], extras: ExtraRow[] = [], index: CellIndex = indexCells(cells)): CheckResult[] {
  const out: CheckResult[] = [];
  const rows3 = index.rows("三", "");
  const t3: Lookup = (r, c) => rows3?.get(r)?.get(c);
  let t3Any = false;
  const t3RowSet = new Set<string>();
  for (const c of cells) {
    if (c.table !== "三") continue;
    t3RowSet.add(c.rowId);
    if (c.state === "number") t3Any = true;
  }
  const t3Rows = Array.from(t3RowSet);
  const resultRows = t3Rows.filter((r) => !T3_TOP_ROWS.includes(r));
  const push = (r: CheckResult | null) => r && out.push(r);
  const local = localRows(extras);

  if (t3Rows.length > 0) {
    for (let ci = 0; ci < T3_COLUMNS.length; ci++) {
      const c = T3_COLUMNS[ci] as string;
      const name = T3_COL_NAMES[c];
      const a = t3(T3_1.left[0], c);
      const b = t3(T3_1.left[1], c);
      const t = t3(T3_2_TOTAL, c);
      const d = t3(T3_1.right[1], c);
      if (a && b && t && d) push(sumRule("T3-1", "hard", [a, b], [t, d], t3Any, (l, r) => `${name}列：一+二=${l}，（七）总计+四=${r}`));
      const parts: Cell[] = [];
      for (const r of resultRows) {
        const x = t3(r, c);
        if (x) parts.push(x);
      }
      if (t && parts.length === resultRows.length && parts.length > 0)
        push(
          sumRule(
            "T3-2",
            "hard",
            [t],
            parts,
            t3Any,
            (l, r) => `${name}列：（七）总计=${l}，各办理结果相加=${r}${extrasNote(l - r, ci, local)}`,
          ),
        );
    }
    for (const r of t3Rows) {
      const tot = t3(r, "tot");
      if (!tot) continue;
      const parts: Cell[] = [];
      for (let k = 0; k < 6; k++) {
        const x = t3(r, T3_COLUMNS[k] as string);
        if (!x) break;
        parts.push(x);
      }
      if (parts.length === 6)
        push(sumRule("T3-3", "hard", [tot], parts, t3Any, (l, s) => `“${tot.row}”行：总计=${l}，各类申请人相加=${s}`));
    }
    for (const c of cells) {
      if (c.table === "三" && c.state === "number" && ((c.value as number) < 0 || !Number.isInteger(c.value)))
        out.push({
          rule: "T3-4",
          severity: "hard",
          ok: false,
          detail: `“${c.row}”${c.column}为${c.raw}，应为非负整数`,
          cells: [cellKey(c)],
        });
    }
  }

  const t4Any = cells.some((c) => c.table === "四" && c.state === "number");
  const rows4 = index.rows("四", "");
  for (const g of T4_GROUPS) {
    const group = rows4?.get(g);
    const tot = group?.get(T4_TOTAL);
    if (!tot) continue;
    const parts: Cell[] = [];
    for (const col of T4_RESULTS) {
      const x = group?.get(col);
      if (!x) break;
      parts.push(x);
    }
    if (parts.length === T4_RESULTS.length)
      push(sumRule("T4-1", "hard", [tot], parts, t4Any, (l, s) => `${tot.row}：总计=${l}，维持+纠正+其他+未审结=${s}`));
  }

  for (const c of cells) {
    if (c.table === "二" && c.colId === "prev_items" && c.state === "number") {
      const ch = index.get("二", `${c.item}`, c.rowId, "change");
      if (ch?.state === "number" && !itemsStayNonNegative(c.value, ch.value))
        out.push({
          rule: "T2-2019",
          severity: "soft",
          ok: false,
          detail: `“${c.row}”上一年项目数量${c.raw}加本年增/减${ch.raw}小于0`,
          cells: [cellKey(c), cellKey(ch)],
        });
    }
  }

  for (const r of out) {
    if (r.ok) continue;
    const text = `勾稽关系不符（${r.rule}）：${r.detail}。报告原文如此，本回答照录未改。`;
    for (const k of r.cells) index.byCellKey(k)?.warnings.push(text);
  }
  return out;
}
