/**
 * Glued table-二 rows of a report that prints every cell. A glued run ("行政规范性文件417") admits
 * readings with trailing cells left blank (41 | 7 | blank) beside the complete one (4 | 1 | 7).
 * When the same report shows it writes a figure in every cell (a glued row whose digits are
 * exactly one per column and all zero, such as "规章000" or "行政强制0000000"), a blank cell is
 * not how this report prints an empty value, and the complete readings are the ones kept. When
 * the report shows nothing of the kind, or several complete readings remain, the cells stay
 * ambiguous: this narrows by the report's own evidence, never by taste.
 */

import type { Reading } from "./missing-cells.js";
import { narrowRow, type RowReading } from "./row-cells.js";

/** Whether a reading fills every column. */
const complete = (r: Reading) => r.every((v) => v !== null);

/**
 * The report's evidence that it prints a zero in every empty cell: a row of two or more columns
 * printed in full with a 0 in each ("规章000", "规章 0 0 0", "（一）予以公开0000000"). A row with a
 * cell missing is no evidence.
 */
export function printsEveryCell(readings: RowReading[]): string | null {
  for (const r of readings) {
    if (r.source === "gaps" || r.cells.length < 2) continue;
    if (r.options && r.options.length !== 1) continue;
    if (r.cells.every((c) => c.state === "number" && c.raw.trim() === "0")) return (r.cells[0]?.quote ?? "").split("\n")[0] ?? "";
  }
  return null;
}

/** Glued table-二 rows narrowed to their complete readings, when the report prints every cell (see above). */
export function keepFilledReadings(readings: RowReading[], evidence: string | null): RowReading[] {
  if (evidence === null) return readings;
  return readings.map((r) => {
    if (r.block.table !== "二" || r.source !== "glued" || !r.options || r.options.length < 2) return r;
    const full = r.options.filter(complete);
    if (full.length === 0 || full.length === r.options.length) return r;
    const narrowed = narrowRow(r, full);
    const why = `该报告其他行每格都印有数字（如“${evidence}”），按每格都有数字读此粘连行`;
    for (const c of narrowed.cells) c.warnings.push(why);
    return narrowed;
  });
}
