/**
 * An answer's facts as CSV (design.md: GET /api/ask?q=…&format=csv): one row per fact, RFC 4180
 * quoting and CRLF line ends, UTF-8 with a byte-order mark so spreadsheet programs read the
 * Chinese text as UTF-8. A derived fact is a row too; its quote is empty and its warnings say
 * how it was calculated. An answer without facts is the header row alone.
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
] as const;

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function factRow(f: FactCitation): string[] {
  const warnings = f.derived ? [`计算得出：${formulaOf(f)}`, ...f.warnings] : f.warnings;
  return [
    f.value === null ? "" : String(f.value),
    f.raw,
    f.unit ?? "",
    f.body,
    String(f.year),
    f.table,
    f.item ?? "",
    f.row,
    f.column ?? "",
    f.quote,
    f.report.title,
    f.report.url ?? "",
    f.report.published ?? "",
    warnings.join("；"),
  ];
}

export function answerCsv(a: Answer): string {
  // A derived fact's inputs follow it as rows of their own, so a spreadsheet can check the formula.
  const rows = a.facts.flatMap((f) => [f, ...(f.derived?.inputs ?? [])]);
  const lines = [CSV_COLUMNS.join(","), ...rows.map((f) => factRow(f).map(csvField).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
