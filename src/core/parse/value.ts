/** Reading one table cell's printed text into a value, keeping empty, "/" and "无" apart from 0 (§6.6, §12). */

import { nfkc } from "../text/normalize.js";

/**
 * - number: a figure was printed
 * - empty: the cell was left blank (not filled in; not a zero)
 * - na: "/", "—", "-": marked not applicable
 * - none: "无"
 * - text: something else that is not a figure
 * - ambiguous: the source admits several readings (glued digits) and the rules did not decide
 */
export type CellState = "number" | "empty" | "na" | "none" | "text" | "ambiguous";

export interface CellValue {
  state: CellState;
  value: number | null;
  unit: string | null;
}

const NA = /^(\/|／|—+|–|-|－|―|──|\\)$/;
const NUMBER = /^([+\-−]?)\s*(\d+(?:\.\d+)?)\s*(万元|元|件|项|个|条|%)?$/;
const UP = /^(?:增加|新增|增)(\d+(?:\.\d+)?)\s*(项|件|个)?$/;
const DOWN = /^(?:减少|减)(\d+(?:\.\d+)?)\s*(项|件|个)?$/;

/** Parse a printed cell. Thousands separators are dropped; a unit suffix is kept apart. */
export function parseCell(raw: string): CellValue {
  // No printed figure is this long ("1,234,567.89万元" is 15): a sentence or a label, not a value.
  if (raw.length > 64) return { state: "text", value: null, unit: null };
  const s = nfkc(raw)
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/\s+/g, "")
    .trim();
  if (s === "") return { state: "empty", value: null, unit: null };
  if (NA.test(s)) return { state: "na", value: null, unit: null };
  if (s === "无") return { state: "none", value: null, unit: null };
  const m = NUMBER.exec(s);
  if (m) {
    const sign = m[1] === "-" || m[1] === "−" ? -1 : 1;
    const v = sign * Number(m[2]);
    return { state: "number", value: Object.is(v, -0) ? 0 : v, unit: m[3] ?? null };
  }
  const up = UP.exec(s);
  if (up) return { state: "number", value: Number(up[1]), unit: up[2] ?? null };
  const down = DOWN.exec(s);
  if (down) return { state: "number", value: -Number(down[1]), unit: down[2] ?? null };
  return { state: "text", value: null, unit: null };
}

/** Does this text look like one cell value (as opposed to a label)? */
export function isValueText(raw: string): boolean {
  const c = parseCell(raw);
  return c.state !== "text";
}
