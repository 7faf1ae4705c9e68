/**
 * An Answer's facts as CSV (design.md: `/api/ask?q=…&format=csv`): one row per fact with value,
 * raw, unit, body, year, table, item, row, column, quote, title, url, published, warnings. A
 * derived fact (a change, a total) is its own row, its formula among its warnings, followed by
 * its inputs' rows, so every figure a spreadsheet gets comes with its source text.
 */

import type { Answer, FactCitation } from "../core/answer/answer-types.js";
import { formulaOf } from "../core/answer/derive.js";

export const CSV_COLUMNS = [
  "value",
  "raw",
  "unit",
  "body",
  "year",
  "table",
  "item",
  "row",
  "column",
  "quote",
  "title",
  "url",
  "published",
  "warnings",
];

function field(v: string | number | null): string {
  const s = v === null ? "" : String(v);
  // A leading = + - @ would be a formula to a spreadsheet: quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(?:\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rows(f: FactCitation, out: string[][]): void {
  const warnings = f.derived ? [`计算得出：${formulaOf(f)}，报告未单列此数`, ...f.warnings] : f.warnings;
  out.push(
    [
      f.value,
      f.raw,
      f.unit,
      f.body,
      f.year,
      f.table,
      f.item,
      f.row,
      f.column,
      f.quote,
      f.report.title,
      f.report.url,
      f.report.published,
      warnings.join("；"),
    ].map(field),
  );
  for (const x of f.derived?.inputs ?? []) rows(x, out);
}

export function answerCsv(a: Answer): string {
  const out: string[][] = [CSV_COLUMNS];
  for (const f of a.facts) rows(f, out);
  return `${out.map((r) => r.join(",")).join("\r\n")}\r\n`;
}
