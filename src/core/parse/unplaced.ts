/**
 * Diagnostics for a report whose template was recognised but not every cell read: which rows
 * of which tables could not be placed, so a maintainer knows where to look (issue: "a file with a
 * recognisable template but few cells says which tables and rows it could not place").
 */

import type { Cell } from "../model.js";
import { blocksOf, type TemplateVersion } from "../template.js";

/** "表二 政府集中采购; 表三 （六）其他处理…": the template rows with no cell read, at most `max` named. */
export function unplacedRows(version: TemplateVersion, cells: Cell[], max = 6): string | null {
  const read = new Set(cells.map((c) => `${c.table}|${c.item ?? ""}|${c.rowId}`));
  const missing: string[] = [];
  for (const b of blocksOf(version))
    for (const r of b.rows) if (!read.has(`${b.table}|${b.item ?? ""}|${r.id}`)) missing.push(`表${b.table} ${r.label}`);
  if (missing.length === 0) return null;
  return `${missing.slice(0, max).join("; ")}${missing.length > max ? `; … (${missing.length} rows)` : ""}`;
}
