/** Converting stored rows to the core's shapes; shared by every Store adapter. */

import type { Cell } from "./model.js";
import type { FactRow, ReportRow } from "./ports.js";
import type { FactDbRow, ReportDbRow } from "./schema.js";

/** A stored report row, without its checks and extras (see REPORT_COLUMNS in queries.ts). */
export function toReport(r: Omit<ReportDbRow, "checks" | "extras" | "sha256">): ReportRow {
  return {
    id: r.id,
    file: r.file,
    title: r.title,
    body: r.body,
    bodyKey: r.body_key,
    regionPath: r.region_path,
    year: r.year,
    published: r.published,
    url: r.url,
    template: r.template,
    form: r.form,
    warnings: JSON.parse(r.warnings),
  };
}

export function toFact(r: FactDbRow): FactRow {
  return {
    reportId: r.report_id,
    table: r.tbl as Cell["table"],
    item: r.item,
    rowId: r.row_id,
    row: r.row_label,
    colId: r.col_id,
    column: r.col_label,
    raw: r.raw,
    state: r.state as Cell["state"],
    value: r.value,
    unit: r.unit,
    quote: r.quote,
    line: r.line,
    ...(r.candidates ? { candidates: JSON.parse(r.candidates) as number[] } : {}),
    ...(r.decided_by ? { decidedBy: "rules" as const } : {}),
    warnings: JSON.parse(r.warnings),
  };
}

export function fromFact(reportId: number, ord: number, c: Cell): FactDbRow {
  return {
    report_id: reportId,
    ord,
    tbl: c.table,
    item: c.item,
    row_id: c.rowId,
    row_label: c.row,
    col_id: c.colId,
    col_label: c.column,
    raw: c.raw,
    state: c.state,
    value: c.value,
    unit: c.unit,
    quote: c.quote,
    line: c.line,
    candidates: c.candidates ? JSON.stringify(c.candidates) : null,
    decided_by: c.decidedBy ?? null,
    warnings: JSON.stringify(c.warnings),
  };
}
