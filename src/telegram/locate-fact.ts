/**
 * From a cited fact back to its address in the index (report id, row id, column id), which the
 * Answer contract does not carry: the body's own name finds its reports, the file picks one,
 * and the template labels pick the cell.
 */

import type { FactCitation } from "../core/answer/answer-types.js";
import type { ReportRow, Store } from "../core/ports.js";
import type { CellAddress } from "./follow-up-data.js";

/** The cell a fact came from, or null for prose facts and facts the index no longer holds. */
export async function locateFact(store: Store, f: FactCitation): Promise<CellAddress | null> {
  if (f.table === "prose" || f.column === null) return null;
  const hits = await store.findAliases([f.body]);
  const keys = [...new Set(hits.filter((h) => h.bodyKey !== "").map((h) => h.bodyKey))];
  let report: ReportRow | undefined;
  for (const key of keys) {
    report = (await store.reportsOfBody(key)).find((r) => r.file === f.report.file && r.year === f.year);
    if (report) break;
  }
  if (!report) return null;
  const cells = await store.facts(report.id, { table: f.table });
  const cell = cells.find((c) => c.item === f.item && c.row === f.row && c.column === f.column);
  if (!cell) return null;
  return { reportId: report.id, table: cell.table, item: cell.item, rowId: cell.rowId, colId: cell.colId };
}
