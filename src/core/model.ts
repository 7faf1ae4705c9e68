/** The report model the parser produces and the index stores. */

import type { CellState } from "./parse/value.js";
import type { TableId, TemplateVersion } from "./template.js";

/** One published cell of table 二, 三 or 四. */
export interface Cell {
  table: TableId;
  /** Table 二 item, e.g. "（六）"; null for 三 and 四. */
  item: string | null;
  rowId: string;
  /** Canonical row label from the template. */
  row: string;
  colId: string;
  /** Canonical column label from the template. */
  column: string;
  /** The cell's text as printed ("" for an empty cell). */
  raw: string;
  state: CellState;
  value: number | null;
  unit: string | null;
  /** The exact source text that holds the cell: its row as printed. */
  quote: string;
  /** 1-based line of the source text where the row starts. */
  line: number;
  /** Readings the source admits when state is "ambiguous". */
  candidates?: number[];
  /** How the value was decided when the source was glued ("rules" when the 勾稽 checks chose it). */
  decidedBy?: "rules";
  warnings: string[];
}

export interface CheckResult {
  /** Rule id from report-format.md §6, e.g. "T3-1". */
  rule: string;
  severity: "hard" | "soft";
  ok: boolean;
  /** Human-readable statement, e.g. "总计列：一+二=0+0=0，（七）总计+四=0+0=0". */
  detail: string;
  /** Keys (see cellKey) of the cells the rule involves. */
  cells: string[];
}

export interface Passage {
  /** Section id 一…六, or "前言" for text before the first heading. */
  section: string;
  text: string;
  line: number;
}

/** Rows a report prints that neither national template has (kept verbatim, never summed in). */
export interface ExtraRow {
  table: TableId;
  /** The row label as printed. */
  label: string;
  /** For a local extra column (e.g. 法人或其他组织小计): its header as printed; the values are that column's. */
  column?: string;
  values: string[];
  line: number;
}

export interface ReportMeta {
  title: string;
  /** Body name as printed in the title, e.g. "灵丘县". */
  body: string;
  year: number | null;
  published: string | null;
  url: string | null;
  publisher: string | null;
}

export type TextForm =
  | "html"
  | "cell-per-line"
  | "row-per-line"
  | "markdown"
  | "glued"
  | "one-line"
  | "cr-cells"
  | "pdf-layout"
  | "pdf-raw"
  | "pdf-columns"
  | "plain";

export interface ParsedReport {
  meta: ReportMeta;
  template: TemplateVersion | "unknown";
  form: TextForm;
  cells: Cell[];
  checks: CheckResult[];
  passages: Passage[];
  extras: ExtraRow[];
  /** Problems a maintainer can act on ("table 三 not found", "2 cells ambiguous"). */
  warnings: string[];
  /** The normalised source lines, 1-based through index+1. */
  lines: string[];
}

export function cellKey(c: Pick<Cell, "table" | "item" | "rowId" | "colId">): string {
  return `${c.table}|${c.item ?? ""}|${c.rowId}|${c.colId}`;
}
