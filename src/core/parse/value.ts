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

/** Plain digits, optionally signed: the usual cell, read without normalising ("-0" is 0). */
const PLAIN = /^[+-]?\d+$/;
/**
 * A CJK ideograph that none of the patterns above contains. NFKC leaves ideographs alone and the
 * clean-up below removes none, so a text holding one is a label or prose, whatever else it holds.
 */
const OTHER_IDEOGRAPH = /(?![万元件项个条增加新减少无])[\u4e00-\u9fff]/;

/** Parse a printed cell. Thousands separators are dropped; a unit suffix is kept apart. */
export function parseCell(raw: string): CellValue {
  // Shortcuts for the two commonest inputs, with the same result as the full reading below:
  // a figure (every cell) and a label or a line of prose (the tokenizer asks of every piece).
  if (PLAIN.test(raw)) {
    const v = Number(raw);
    return { state: "number", value: Object.is(v, -0) ? 0 : v, unit: null };
  }
  if (OTHER_IDEOGRAPH.test(raw)) return { state: "text", value: null, unit: null };
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
