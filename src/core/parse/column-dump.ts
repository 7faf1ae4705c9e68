/**
 * Tables that PDF text extraction (pdftotext's default mode) prints cell by cell in reading-block
 * order: a row's values can come before its label, several rows' values can follow one label, header
 * fragments and page footers sit between values, and a blank cell leaves no trace. The values still
 * come in one stream; this rebuilds the grid from the row labels and that stream, reading it
 * row-major and column-major, and lets the 勾稽 rules (T3-1…T3-3, T4-1) choose. Readings the labels
 * contradict are dropped; when more than one survives and they differ, the cells are ambiguous.
 */

import type { Cell } from "../model.js";
import type { BlockDef, RowDef } from "../template.js";
import { matchRow } from "./match-row.js";
import { cell, type RowReading } from "./row-cells.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

export const REBUILT = "PDF转出的文本中此行的标签与数字不相邻（表格被逐列输出），按模板的行列顺序对应读出";

/** A value token printed alone on its line (no pipes, no other cell): the mark of a column dump. */
export function isLoneValue(t: Token): boolean {
  return t.kind === "value" && !t.inRow && !t.piped;
}

/** True when most of the range's values stand alone on their lines. */
export function looksDumped(tokens: Token[], range: [number, number], min = 6): boolean {
  let vals = 0;
  let lone = 0;
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "value") continue;
    vals++;
    if (isLoneValue(t)) lone++;
  }
  return vals >= min && lone >= vals * 0.6;
}

/**
 * Source lines as a quote: the given lines in order, "…" where other text was skipped. A row
 * label (head) printed after its values is still shown first, followed by "…".
 */
export function pieceQuote(rawLines: string[], lineIdx: number[], head?: number): string {
  const ls = [...new Set(lineIdx)].sort((a, b) => a - b);
  if (head !== undefined && ls.length > 0 && head > (ls[0] as number)) {
    return `${(rawLines[head] ?? "").trim()}\n…\n${pieceQuote(
      rawLines,
      ls.filter((l) => l !== head),
    )}`;
  }
  if (head !== undefined && !ls.includes(head)) ls.unshift(head);
  const out: string[] = [];
  let prev = -1;
  for (const i of ls) {
    if (prev >= 0 && rawLines.slice(prev + 1, i).some((l) => l.trim() !== "")) out.push("…");
    out.push((rawLines[i] ?? "").trim());
    prev = i;
  }
  return out.join("\n");
}

export interface Stream {
  values: Token[];
  /** Row id → its label token, the number of values before it in the stream, and its token index. */
  anchors: Map<string, Anchor>;
}

export interface Anchor {
  label: Token;
  at: number;
  index: number;
}

/** How many values follow a row's label before the next row label (0 when another label comes first). */
export function ownCount(s: Stream, a: Anchor): number {
  let next = s.values.length;
  for (const b of s.anchors.values()) {
    if (b === a) continue;
    if (b.at === a.at && b.index > a.index) return 0;
    if (b.at > a.at && b.at < next) next = b.at;
  }
  return next - a.at;
}

/** "无" printed alone beside one-character label fragments is part of a vertical label (（四）无法提供). */
function verticalNoise(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.text !== "无") return false;
  return [tokens[i - 1], tokens[i + 1]].some((u) => u?.kind === "label" && Math.abs(u.line - t.line) <= 1 && u.key.length <= 4);
}

/**
 * The value stream of a range and where each row label of the blocks sits in it. When several
 * labels name one row (a bare "总计" column header and the row's "（七）总计"), the longest wins.
 */
export function streamOf(tokens: Token[], range: [number, number], blocks: BlockDef[]): Stream {
  const values: Token[] = [];
  const anchors = new Map<string, Anchor>();
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "value" && !verticalNoise(tokens, i)) values.push(t);
    else if (t.kind === "label") {
      const m = matchRow(t.key, blocks);
      const id = m ? `${m.block.item ?? ""}|${m.row.id}` : null;
      const had = id ? anchors.get(id) : undefined;
      if (id && (!had || had.label.key.length < t.key.length)) anchors.set(id, { label: t, at: values.length, index: i });
    }
  }
  return { values, anchors };
}

/** A reading of the stream: for every row, the indexes of its values. */
export type Layout = number[][];

export function rowMajor(widths: number[]): Layout {
  let at = 0;
  return widths.map((w) => Array.from({ length: w }, () => at++));
}

/** Column-major: only for blocks whose rows all have the same width. */
export function columnMajor(widths: number[]): Layout | null {
  const w = widths[0] ?? 0;
  if (widths.some((x) => x !== w)) return null;
  const r = widths.length;
  return widths.map((_, i) => Array.from({ length: w }, (_, j) => j * r + i));
}

/**
 * Does a layout agree with the labels? A label followed directly by values (and not by the whole
 * stream) must sit where its row's first value is in that layout.
 */
export function agreesWithLabels(layout: Layout, ids: string[], s: Stream): boolean {
  const n = s.values.length;
  return ids.every((id, i) => {
    const a = s.anchors.get(id);
    if (!a) return true;
    const own = ownCount(s, a);
    if (own === 0 || own === n) return true;
    return layout[i]?.[0] === a.at;
  });
}

export interface RowSpec {
  block: BlockDef;
  row: RowDef;
  id: string;
}

/** Cells of every row from one layout (raw text as printed), with a quote from the label and value lines. */
export function cellsOf(specs: RowSpec[], layout: Layout, s: Stream, rawLines: string[]): RowReading[] {
  return specs.map((sp, i) => {
    const idx = layout[i] as number[];
    const vals = idx.map((k) => s.values[k] as Token);
    const a = s.anchors.get(sp.id);
    const where = {
      line: a?.label.line ?? vals[0]?.line ?? 0,
      quote: pieceQuote(
        rawLines,
        vals.map((v) => v.line),
        a?.label.line,
      ),
    };
    const cells = sp.block.columns.map((col, j) => cell(sp.block, sp.row, col, vals[j]?.text ?? "", where));
    if (!a || a.at !== idx[0] || ownCount(s, a) === 0) for (const c of cells) c.warnings.push(REBUILT);
    return { block: sp.block, row: sp.row, cells, options: null };
  });
}

/** Numbers of a reading, blank as 0 (the rules' convention), null when a cell is not a number. */
export function numbersOf(r: RowReading): number[] | null {
  const out: number[] = [];
  for (const c of r.cells) {
    if (c.state === "number") out.push(c.value as number);
    else if (c.state === "empty" || c.state === "na" || c.state === "none") out.push(0);
    else return null;
  }
  return out;
}

/**
 * Merge the surviving readings row by row: a cell all readings agree on is read; a cell they
 * disagree on is ambiguous with the candidate values.
 */
export function mergeReadings(readings: RowReading[][], why: string): RowReading[] {
  const first = readings[0] as RowReading[];
  return first.map((r, i) => {
    const cells = r.cells.map((c, j) => {
      const seen = [...new Set(readings.map((rd) => (rd[i] as RowReading).cells[j] as Cell).map((x) => x.raw))];
      if (seen.length === 1) return c;
      const nums = seen.map((x) => parseCell(x).value).filter((x): x is number => x !== null);
      return {
        ...c,
        state: "ambiguous" as const,
        value: null,
        raw: seen.join(" / "),
        candidates: [...new Set(nums)].sort((a, b) => a - b),
        warnings: [...c.warnings, why],
      };
    });
    return { ...r, cells };
  });
}
