/**
 * A table row's cells as the parser hands them on: each with its template labels, printed text,
 * state, quote and warnings. Rows read from glued digits or from rows with cells missing carry
 * every reading still possible; cells are decided where all readings agree.
 */

import type { Cell } from "../model.js";
import type { BlockDef, ColumnDef, RowDef } from "../template.js";
import type { Reading } from "./missing-cells.js";
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

export type Source = "glued" | "gaps";

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

/** A glued row read again from fewer readings (narrowed by evidence): cells rebuilt where its first cell stands. */
export function narrowRow(r: RowReading, options: Reading[]): RowReading {
  const first = r.cells[0];
  const where = { line: (first?.line ?? 1) - 1, quote: first?.quote ?? "" };
  return { ...r, options, cells: cellsFromOptions(r.block, r.row, options, where, r.source ?? "glued") };
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

/** Cells read in order from separate tokens; missing trailing cells are left unfilled, with a warning. */
export function positional(block: BlockDef, row: RowDef, values: Token[], where: Where): RowReading {
  const n = block.columns.length;
  const cells: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const c = cell(block, row, block.columns[i] as ColumnDef, values[i]?.text ?? "", where);
    if (i >= values.length) c.warnings.push(`源文本该行只有${values.length}个单元格（模板为${n}个），缺少的单元格按未填写处理`);
    cells.push(c);
  }
  return { block, row, cells, options: null };
}
