/** Parsing the form fixtures (tests/fixtures/forms) and looking up their cells in tests. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Cell, ParsedReport } from "../../src/core/model.js";
import { parseReport } from "../../src/core/parse/parse-report.js";
import { ROOT } from "./seed-index.js";

export const FORMS = join(ROOT, "tests/fixtures/forms");

/** Parse a fixture file by name, as the index build would (no sidecar). */
export function parseFixture(name: string): ParsedReport {
  return parseReport({ text: readFileSync(join(FORMS, name), "utf8"), file: name });
}

/** Parse inline text. */
export function parseText(text: string, file = "inline.txt"): ParsedReport {
  return parseReport({ text, file });
}

/** The cell at table/row/column (table 二 cells also by item when a row id repeats). */
export function cellAt(r: ParsedReport, table: string, rowId: string, colId: string, item?: string): Cell {
  const c = r.cells.find((x) => x.table === table && x.rowId === rowId && x.colId === colId && (item === undefined || x.item === item));
  if (!c) throw new Error(`no cell ${table}/${item ?? ""}/${rowId}/${colId}`);
  return c;
}

/** A table's row as numbers (null for a cell without a figure). */
export function rowValues(r: ParsedReport, table: string, rowId: string, item?: string): (number | null)[] {
  return r.cells.filter((x) => x.table === table && x.rowId === rowId && (item === undefined || x.item === item)).map((x) => x.value);
}

/** Every cell with a figure quotes its source row, and the quote holds the figure as printed. */
export function expectQuotesHoldFigures(r: ParsedReport): void {
  for (const c of r.cells) {
    if (c.state !== "number") continue;
    expect(c.quote, `${c.row}/${c.column}`).toContain(c.raw);
    expect(r.lines[c.line - 1], `line of ${c.row}`).toBeDefined();
  }
}

export const failed = (r: ParsedReport) => r.checks.filter((c) => !c.ok).map((c) => c.rule);
