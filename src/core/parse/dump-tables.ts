/**
 * Tables 三 and 四 from a column dump (see column-dump.ts): the value stream is read row-major and
 * column-major, readings the labels contradict are dropped, and the 勾稽 rules keep the rest.
 */

import type { BlockDef } from "../template.js";
import {
  agreesWithLabels,
  cellsOf,
  columnMajor,
  isLoneValue,
  type Layout,
  looksDumped,
  mergeReadings,
  numbersOf,
  ownCount,
  pieceQuote,
  REBUILT,
  type RowSpec,
  rowMajor,
  type Stream,
  streamOf,
} from "./column-dump.js";
import type { RowReading } from "./row-cells.js";
import { applicantsSumToTotal, columnsHold, groupsSumToTotal, T3_COLUMNS, T3_TOP_ROWS } from "./rules.js";
import { shortRow } from "./short-rows.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

const UNSETTLED = "PDF转出的文本中表格被逐列输出，按行读和按列读得出的数字不同，勾稽关系也不能确定是哪一种，无法确定";
const BROKEN = "PDF转出的文本中表格被逐列输出，按行读和按列读都不符合勾稽关系，无法确定";

/** T3-1, T3-2 and T3-3 on a complete table 三 reading (blank counts as 0), by the rules of rules.ts. */
export function table3Holds(rows: RowReading[]): boolean {
  const v = new Map<string, number[]>();
  for (const r of rows) {
    const n = numbersOf(r);
    if (!n || !applicantsSumToTotal(n)) return false;
    v.set(r.row.id, n);
  }
  return columnsHold(
    v,
    [...v.keys()].filter((id) => !T3_TOP_ROWS.includes(id)),
  );
}

/** T4-1 on the three groups. */
export function table4Holds(rows: RowReading[]): boolean {
  return rows.every((r) => {
    const n = numbersOf(r);
    return n !== null && groupsSumToTotal(n);
  });
}

/** Choose among the readings of a complete stream: rules first, then labels; else ambiguous. */
function choose(readings: RowReading[][], holds: (r: RowReading[]) => boolean): RowReading[] | null {
  if (readings.length === 0) return null;
  const ok = readings.filter(holds);
  if (ok.length > 0) return mergeReadings(ok, UNSETTLED);
  return readings.length === 1 ? (readings[0] as RowReading[]) : mergeReadings(readings, BROKEN);
}

/** Rows read from their labels when the stream has cells missing (blank cells print nothing). */
function anchored(specs: RowSpec[], s: Stream, rawLines: string[]): RowReading[] {
  const out: RowReading[] = [];
  const done = new Set<number>();
  specs.forEach((sp, i) => {
    const a = s.anchors.get(sp.id);
    if (!a || done.has(i)) return;
    const w = sp.block.columns.length;
    const own = ownCount(s, a);
    if (own === 0) return;
    // Several rows' values after one label, the next rows' labels elsewhere: read them in row order.
    let m = own % w === 0 ? own / w : 1;
    for (let k = 1; k < m; k++) {
      const next = specs[i + k];
      const na = next && s.anchors.get(next.id);
      if (!next || next.block !== sp.block || (na && ownCount(s, na) > 0)) m = 1;
    }
    if (own < w) {
      out.push(shortRow(sp.block, sp.row, s.values.slice(a.at, a.at + own), a.label, rawLines));
      done.add(i);
      return;
    }
    const group = specs.slice(i, i + m);
    const layout: Layout = group.map((_, k) => Array.from({ length: w }, (_, j) => a.at + k * w + j));
    const sub: Stream = { values: s.values, anchors: new Map([[sp.id, a]]) };
    for (const r of cellsOf(group, layout, sub, rawLines)) out.push(r);
    for (let k = 0; k < m; k++) done.add(i + k);
  });
  return out;
}

/** Table 三 from a column dump, or null when the region is not one. */
export function readDump3(tokens: Token[], range: [number, number], block: BlockDef, rawLines: string[]): RowReading[] | null {
  if (!looksDumped(tokens, range, 14)) return null;
  const s = streamOf(tokens, range, [block]);
  const specs: RowSpec[] = block.rows.map((row) => ({ block, row, id: `|${row.id}` }));
  const widths = specs.map(() => block.columns.length);
  if (s.values.length !== widths.reduce((a, b) => a + b, 0)) return anchored(specs, s, rawLines);
  const ids = specs.map((x) => x.id);
  const layouts = [rowMajor(widths), columnMajor(widths)].filter((l): l is Layout => l !== null && agreesWithLabels(l, ids, s));
  if (layouts.length === 0) {
    // Neither order fits the labels: one cell of some rows printed late (lateLayouts); only
    // readings the 勾稽 rules confirm are kept, and cells they leave open stay ambiguous.
    const late = lateLayouts(specs, s, block.columns.length);
    const ok = late.map((l) => cellsOf(specs, l, s, rawLines)).filter(table3Holds);
    if (ok.length === 0) return null;
    return mergeReadings(ok, LATE_UNSETTLED).map((r, i) => {
      const own = s.anchors.get((specs[i] as RowSpec).id);
      if (!own || ownCount(s, own) === block.columns.length) return r;
      return { ...r, cells: r.cells.map((c) => ({ ...c, warnings: [...c.warnings, LATE] })) };
    });
  }
  return choose(
    layouts.map((l) => cellsOf(specs, l, s, rawLines)),
    table3Holds,
  );
}

const LATE = "PDF转出的文本中此行有一格数字印在别处（表格被逐列输出，如总计列印在后面），按模板行列顺序对应读出，并经勾稽关系核对";
const LATE_UNSETTLED = "PDF转出的文本中此行有一格数字印在别处，勾稽关系不能确定它属于哪一格，无法确定";

/** At most this many readings are enumerated for the whole table (after each step's own check). */
const MAX_LATE_READINGS = 4096;

/** T3-1 on one row's values (blank as 0): the six applicant columns sum to 总计. */
function rowSumHolds(texts: string[]): boolean {
  const n = texts.map((t) => {
    const v = parseCell(t);
    if (v.state === "number") return v.value as number;
    return v.state === "empty" || v.state === "na" || v.state === "none" ? 0 : Number.NaN;
  });
  return n.length === T3_COLUMNS.length && !n.some(Number.isNaN) && applicantsSumToTotal(n);
}

/**
 * Readings of a complete stream whose labels each sit right before their row's values, where some
 * rows hold one value fewer than the template's width and a later row (a step's last) holds the
 * values they lack: pdftotext printed one cell of each short row late (the 总计 column after the
 * next row's label, or after the next rows' values). The late values stand, in row order, at the
 * end or at the start of the last row's values, that row may itself be one of the short rows, and
 * a late value may belong in any column of its row. Per step only the readings whose rows satisfy
 * T3-1 are kept, one per distinct set of figures; the caller checks the whole table.
 */
export function lateLayouts(specs: RowSpec[], s: Stream, w: number): Layout[] {
  const segs: { at: number; own: number }[] = [];
  for (const sp of specs) {
    const a = s.anchors.get(sp.id);
    if (!a) return [];
    segs.push({ at: a.at, own: ownCount(s, a) });
  }
  // Rows must follow one another in the stream, each right after the previous one's values.
  for (let i = 0; i < segs.length; i++) {
    const g = segs[i] as { at: number; own: number };
    const next = segs[i + 1]?.at ?? s.values.length;
    if (g.at + g.own !== next || g.own < w - 1) return [];
  }
  const text = (k: number) => (s.values[k] as Token).text;
  const base: Layout = segs.map((g) => Array.from({ length: Math.min(g.own, w) }, (_, j) => g.at + j));
  // Steps: the short rows waiting for their late cell, and the row whose values carry them.
  const steps: { rows: number[]; options: Layout[] }[] = [];
  let waiting: number[] = [];
  for (let i = 0; i < segs.length; i++) {
    const g = segs[i] as { at: number; own: number };
    if (g.own === w - 1) {
      waiting.push(i);
      continue;
    }
    if (g.own === w) continue;
    if (g.own - w !== waiting.length) return [];
    const options = new Map<string, Layout>();
    const rows = [...waiting, i];
    for (const self of [false, true]) {
      const short = self ? rows : waiting;
      const k = short.length;
      const mine = g.own - k; // the carrier's own values in its segment
      for (const fromEnd of [true, false]) {
        const extras = Array.from({ length: k }, (_, j) => (fromEnd ? g.at + mine + j : g.at + j));
        const ownIdx = Array.from({ length: mine }, (_, j) => (fromEnd ? g.at + j : g.at + k + j));
        let partial: Layout[] = [base.map((r, x) => (x === i ? ownIdx : r))];
        short.forEach((row, q) => {
          const grown: Layout[] = [];
          for (const l of partial)
            for (let col = 0; col < w; col++) {
              const r = [...(l[row] as number[])];
              r.splice(col, 0, extras[q] as number);
              if (rowSumHolds(r.map(text))) grown.push(l.map((x, y) => (y === row ? r : x)));
            }
          partial = grown;
        });
        for (const l of partial) {
          if (!rowSumHolds((l[i] as number[]).map(text))) continue;
          const key = rows.map((r) => (l[r] as number[]).map(text).join(" ")).join("|");
          if (!options.has(key)) options.set(key, l);
        }
      }
    }
    if (options.size === 0) return [];
    steps.push({ rows, options: [...options.values()] });
    waiting = [];
  }
  if (waiting.length > 0 || steps.length === 0) return [];
  if (steps.reduce((n, st) => n * st.options.length, 1) > MAX_LATE_READINGS) return [];
  // Combine the steps: each step's rows from one of its options, the other rows as printed.
  let combos: Layout[] = [base];
  for (const st of steps) {
    const touched = new Set(st.rows);
    combos = combos.flatMap((prev) => st.options.map((o) => prev.map((r, y) => (touched.has(y) ? (o[y] as number[]) : r))));
  }
  return combos;
}

/**
 * Table 四 from a column dump: its fifteen values, looking past the region's end up to the end of
 * its page (pdftotext may put the right-hand groups after later sections' text) but only at
 * values alone on a line, and only when T4-1 then holds.
 */
export function readDump4(
  tokens: Token[],
  range: [number, number],
  block: BlockDef,
  stop: number,
  rawLines: string[],
): RowReading[] | null {
  if (!looksDumped(tokens, range, 4)) return null;
  const values = tokens.slice(range[0], range[1]).filter((t) => t.kind === "value");
  let late = false;
  for (let i = range[1]; i < tokens.length && values.length < 15; i++) {
    const t = tokens[i] as Token;
    if (t.line >= stop) break;
    if (isLoneValue(t)) {
      values.push(t);
      late = true;
    }
  }
  if (values.length !== 15) return null;
  const specs: RowSpec[] = block.rows.map((row) => ({ block, row, id: `|${row.id}` }));
  const s = streamOf(tokens, [range[0], range[0]], [block]);
  s.values = values;
  const groupLabels = new Map<string, number>();
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    for (const sp of specs) if (t.kind === "label" && t.key === sp.row.keys[0] && !groupLabels.has(sp.id)) groupLabels.set(sp.id, t.line);
  }
  const widths = [5, 5, 5];
  const layouts = [rowMajor(widths), columnMajor(widths)].filter((l): l is Layout => l !== null);
  const readings = layouts.map((l) =>
    cellsOf(specs, l, s, rawLines).map((r, g) => {
      const lines = (l[g] as number[]).map((k) => (values[k] as Token).line);
      const gl = groupLabels.get(specs[g]?.id ?? "");
      const quote = pieceQuote(rawLines, gl === undefined ? lines : [gl, ...lines]);
      const cells = r.cells.map((c) => ({ ...c, quote, warnings: c.warnings.filter((w) => w !== REBUILT) }));
      if (late)
        for (const c of cells)
          c.warnings.push(
            "PDF转出的文本中表四的部分数字出现在后面几部分的文字之后，按模板列序对应读出，并经勾稽关系（总计=各结果之和）核对",
          );
      return { ...r, cells };
    }),
  );
  // Values taken from past the region are only trusted when the rules confirm the reading.
  if (late && !readings.some(table4Holds)) return null;
  return choose(readings, table4Holds);
}
