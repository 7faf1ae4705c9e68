/** What a follow-up button shows: built from the index at press time, never from the chat. */

import type { FactCitation } from "../core/answer/answer-types.js";
import { figureText } from "../core/answer/render-text.js";
import type { FactRow, ReportRow, Store } from "../core/ports.js";
import type { FollowUp } from "./follow-up-data.js";
import { rich } from "./rich-text.js";
import type { Rich } from "./split-message.js";

const TABLE_NAMES = { 二: "表二", 三: "表三", 四: "表四" } as const;

/** The figure as the answer shows it (empty, "/" and "无" are never shown as 0). */
function figure(c: FactRow): string {
  const value = c.state === "number" ? c.value : null;
  return figureText({ value, raw: c.raw, unit: c.unit, warnings: c.warnings } as FactCitation);
}

function place(r: ReportRow, f: FollowUp, row: string): string {
  return `《${r.title}》${TABLE_NAMES[f.table]}${f.item ? ` 第二十条第${f.item}项` : ""} “${row}”行`;
}

async function rowCells(store: Store, reportId: number, f: FollowUp): Promise<FactRow[]> {
  const cells = await store.facts(reportId, { table: f.table, rowIds: [f.rowId] });
  return cells.filter((c) => c.item === f.item);
}

function quoteReply(r: ReportRow, f: FollowUp, cells: FactRow[]): Rich {
  const c = cells.find((x) => x.colId === f.colId) ?? (cells[0] as FactRow);
  return rich()
    .bold(`原文（${place(r, f, c.row)}，源文件第${c.line}行）`)
    .text("\n")
    .quote(c.quote)
    .done();
}

function rowReply(r: ReportRow, f: FollowUp, cells: FactRow[]): Rich {
  const b = rich().bold(`整行：${place(r, f, (cells[0] as FactRow).row)}`);
  for (const c of cells) b.text(`\n· ${c.column}：${figure(c)}`);
  return b
    .text("\n原文：")
    .text((cells[0]?.quote ?? "").replace(/\s*\n\s*/g, " "))
    .done();
}

async function yearsReply(store: Store, r: ReportRow, f: FollowUp, cells: FactRow[]): Promise<Rich> {
  const c = cells.find((x) => x.colId === f.colId) ?? (cells[0] as FactRow);
  const b = rich().bold(`${r.body}历年“${c.row}”·${c.column}`);
  const reports = (await store.reportsOfBody(r.bodyKey)).filter((x) => x.year !== null).sort((x, y) => (x.year ?? 0) - (y.year ?? 0));
  for (const other of reports) {
    const same = (await rowCells(store, other.id, f)).find((x) => x.colId === f.colId);
    b.text(`\n${other.year}年：`);
    if (same) b.text(`${figure(same)}（《${other.title}》${other.published ? `，${other.published}发布` : ""}）`);
    else b.text(`该年报告（${other.template}版模板）没有这一格`);
  }
  if (reports.length <= 1) b.text(`\n本库只收录了${r.body}${r.year}年的报告。`);
  return b.done();
}

/** The reply for a pressed button, or null when the report or cell is no longer in the index. */
export async function followUpReply(store: Store, f: FollowUp): Promise<Rich | null> {
  const r = (await store.reports([f.reportId]))[0];
  if (!r) return null;
  const cells = await rowCells(store, r.id, f);
  if (cells.length === 0) return null;
  if (f.kind === "q") return quoteReply(r, f, cells);
  if (f.kind === "r") return rowReply(r, f, cells);
  return yearsReply(store, r, f, cells);
}
