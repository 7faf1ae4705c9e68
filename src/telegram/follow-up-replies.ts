/** What a follow-up button shows: built from the index at press time, never from the chat. */

import type { FactCitation } from "../core/answer/answer-types.js";
import { figureText } from "../core/answer/render-text.js";
import { bar, sparkline } from "../core/answer/text-chart.js";
import type { BodyRow, FactRow, ReportRow, Store } from "../core/ports.js";
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
  const values: (number | null)[] = [];
  for (const other of reports) {
    const same = (await rowCells(store, other.id, f)).find((x) => x.colId === f.colId);
    b.text(`\n${other.year}年：`);
    if (same) b.text(`${figure(same)}（《${other.title}》${other.published ? `，${other.published}发布` : ""}）`);
    else b.text(`该年报告（${other.template}版模板）没有这一格`);
    values.push(same && same.state === "number" ? same.value : null);
  }
  if (reports.length <= 1) b.text(`\n本库只收录了${r.body}${r.year}年的报告。`);
  else b.text(`\n走势（${reports.map((x) => x.year).join("→")}）：${sparkline(values)}`);
  return b.done();
}

/** A place path's segments: "山西省大同市灵丘县" → 山西省, 大同市, 灵丘县. */
function segments(path: string): string[] {
  return path.match(/.+?(?:自治[州县旗]|[省市区县州盟旗])/g) ?? [path];
}

const organOf = (b: BodyRow) => b.bodyKey.slice(b.bodyKey.indexOf("|") + 1);

/**
 * The peers of a body: a department with the other departments of its place, a place's own report
 * with the other places under the same parent (never a place with its own departments).
 */
async function peersOf(store: Store, r: ReportRow): Promise<BodyRow[]> {
  if (!r.regionPath) return [];
  const me: BodyRow = { bodyKey: r.bodyKey, body: r.body, regionPath: r.regionPath };
  if (organOf(me) !== "") return (await store.bodiesIn(r.regionPath)).filter((b) => organOf(b) !== "" && b.regionPath === r.regionPath);
  const parent = segments(r.regionPath).slice(0, -1).join("");
  if (parent === "") return [me];
  return (await store.bodiesIn(parent)).filter(
    (b) => organOf(b) === "" && b.regionPath !== null && segments(b.regionPath).length === segments(r.regionPath ?? "").length,
  );
}

async function peersReply(store: Store, r: ReportRow, f: FollowUp, cells: FactRow[]): Promise<Rich> {
  const c = cells.find((x) => x.colId === f.colId) ?? (cells[0] as FactRow);
  const got: { body: string; cell: FactRow; title: string }[] = [];
  const lacking: string[] = [];
  for (const p of await peersOf(store, r)) {
    const same = (await store.reportsOfBody(p.bodyKey)).find((x) => x.year === r.year);
    const cell = same ? (await rowCells(store, same.id, f)).find((x) => x.colId === f.colId) : undefined;
    if (same && cell) got.push({ body: p.body, cell, title: same.title });
    else lacking.push(p.body);
  }
  const b = rich().bold(`${r.year}年同级机关“${c.row}”·${c.column}（由多到少）`);
  if (got.length <= 1) return b.text(`\n本库没有与${r.body}同级的其他机关${r.year}年的报告。`).done();
  const num = (x: FactRow) => (x.state === "number" ? x.value : null);
  got.sort((x, y) => (num(x.cell) === null ? 1 : num(y.cell) === null ? -1 : (num(y.cell) as number) - (num(x.cell) as number)));
  const max = Math.max(0, ...got.map((g) => num(g.cell) ?? 0));
  got.forEach((g, i) => {
    b.text(`\n${i + 1}. ${g.body}：${figure(g.cell)} ${bar(num(g.cell), max)}`.trimEnd());
    b.text(`（《${g.title}》）`);
  });
  if (lacking.length > 0) b.text(`\n未收录：${lacking.join("、")}${r.year}年的报告`);
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
  if (f.kind === "k") return peersReply(store, r, f, cells);
  return yearsReply(store, r, f, cells);
}
