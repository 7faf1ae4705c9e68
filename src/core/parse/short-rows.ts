/**
 * Rows of PDF text with fewer values than the template has columns. pdftotext prints nothing for
 * a blank cell, so "行政许可 262 0" under three columns does not say which cell is blank. With
 * `-layout` the values' positions are matched to the columns of complete rows of the same table;
 * without positions the row's cells are ambiguous, each with the values that could stand in it.
 * Rows whose digits are glued to the label ("行政处罚1530212") are left to the glued-run reader.
 */

import type { BlockDef, RowDef } from "../template.js";
import { looksDumped, pieceQuote } from "./column-dump.js";
import { matchRow } from "./match-row.js";
import { cell, type RowReading } from "./row-cells.js";
import { sharedValueRows } from "./shared-values.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

/** A row whose m < n printed values cannot be placed: every cell ambiguous, with its candidates. */
export function shortRow(block: BlockDef, row: RowDef, vals: Token[], label: Token | null, rawLines: string[]): RowReading {
  const n = block.columns.length;
  const m = vals.length;
  const lines = [...(label ? [label.line] : []), ...vals.map((v) => v.line)];
  const where = { line: lines[0] ?? 0, quote: pieceQuote(rawLines, lines) };
  const cells = block.columns.map((col, j) => {
    const c = cell(block, row, col, "", where);
    const cand = vals.slice(Math.max(0, j - (n - m)), Math.min(j, m - 1) + 1).map((v) => v.text);
    c.state = "ambiguous";
    c.raw = vals.map((v) => v.text).join(" ");
    c.candidates = [...new Set(cand.map((x) => parseCell(x).value).filter((x): x is number => x !== null))].sort((a, b) => a - b);
    c.warnings.push(
      `PDF转出的文本中此行只有${m}个数字（模板为${n}列），空白单元格在文本中不留痕迹，无法确定哪一格空白：“${col.label}”可能为${cand.map((x) => `“${x}”`).join("、")}或空白`,
    );
    return c;
  });
  return { block, row, cells, options: null };
}

/** Centre (in characters) of each value on its line, after the label; null when not found. */
function centres(line: string, label: Token | null, vals: Token[]): number[] | null {
  let at = label ? Math.max(0, line.indexOf(label.text)) + label.text.length : 0;
  const out: number[] = [];
  for (const v of vals) {
    const k = line.indexOf(v.text, at);
    if (k < 0) return null;
    out.push(k + v.text.length / 2);
    at = k + v.text.length;
  }
  return out;
}

interface Printed {
  reading: RowReading;
  label: Token;
  vals: Token[];
  /** The line the values are printed on (the label's, or the line right after it). */
  at: number;
  /** The token on that line the values follow (null: they start the line). */
  skip: Token | null;
  /** Values printed on one line, after whitespace (the label's line), or alone on the next line. */
  inline: boolean;
  /** …after a run of spaces, as `pdftotext -layout` aligns columns (positions mean something). */
  wide: boolean;
}

/** The label token of a reading and the values printed after it (same line, else the next lone values). */
function printed(r: RowReading, tokens: Token[], range: [number, number], blocks: BlockDef[], lines: string[]): Printed | null {
  const line = (r.cells[0]?.line ?? 0) - 1;
  const n = r.block.columns.length;
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "label" || t.line !== line || matchRow(t.key, [r.block])?.row !== r.row) continue;
    const same = tokens.slice(i + 1, range[1]).filter((x) => x.line === line && x.kind === "value");
    if (same.length > 0) {
      const text = lines[line] ?? "";
      const after = text.slice(text.indexOf(t.text) + t.text.length);
      return { reading: r, label: t, vals: same, at: line, skip: t, inline: /^\s/.test(after), wide: /^\s{2,}/.test(after) };
    }
    // A wrapped label with its values on the next line, alone or after a stub fragment ("（六）   1   1").
    const next = tokens[i + 1];
    const stub = next?.kind === "label" && next.inRow && !matchRow(next.key, blocks) ? next : null;
    const first = stub ? tokens[i + 2] : next;
    // A line of values only, single-spaced ("3 1 4"), is one token to the tokenizer: take its pieces.
    if (first?.kind === "value" && !first.inRow && first.line !== line && /\s/.test(first.text.trim())) {
      const vals = first.text
        .trim()
        .split(/\s+/)
        .map((text) => ({ ...first, text, inRow: true }));
      return { reading: r, label: t, vals, at: first.line, skip: stub, inline: true, wide: false };
    }
    if (first?.kind === "value" && first.inRow && first.line !== line && (!stub || stub.line === first.line)) {
      const row = tokens.slice(i + (stub ? 2 : 1), range[1]).filter((x) => x.line === first.line);
      if (row.every((x) => x.kind === "value")) {
        const text = lines[first.line] ?? "";
        const after = stub ? text.slice(text.indexOf(stub.text) + stub.text.length) : text;
        return { reading: r, label: t, vals: row, at: first.line, skip: stub, inline: true, wide: /^\s{2,}/.test(after) };
      }
    }
    const vals = loneValuesAfter(tokens, i, range, blocks, n);
    return { reading: r, label: t, vals, at: vals[0]?.line ?? line, skip: null, inline: false, wide: false };
  }
  return null;
}

/** A label between a row label and its values that is only a header fragment ("采购总金额", "量"). */
function headerLike(t: Token, blocks: BlockDef[]): boolean {
  return t.key.length <= 4 || blocks.some((b) => b.columns.some((c) => c.keys.some((k) => t.key.includes(k))));
}

/** Values printed one per line after the label at index i, across header fragments, up to n. */
function loneValuesAfter(tokens: Token[], i: number, range: [number, number], blocks: BlockDef[], n: number): Token[] {
  const vals: Token[] = [];
  for (let j = i + 1; j < range[1] && vals.length < n; j++) {
    const u = tokens[j] as Token;
    if (u.kind === "label" && (matchRow(u.key, blocks) || !headerLike(u, blocks))) break;
    if (u.kind === "value" && !u.inRow) vals.push(u);
    else if (u.kind === "value") break;
  }
  return vals;
}

/** Rows of a dumped table the label-then-values reader missed because header fragments came between. */
function missingRows(
  readings: RowReading[],
  tokens: Token[],
  range: [number, number],
  blocks: BlockDef[],
  rawLines: string[],
): RowReading[] {
  const have = new Set(readings.map((r) => `${r.block.item}|${r.row.id}`));
  const out: RowReading[] = [];
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    const m = t.kind === "label" && !t.inRow ? matchRow(t.key, blocks) : null;
    if (!m || have.has(`${m.block.item}|${m.row.id}`)) continue;
    const n = m.block.columns.length;
    const vals = loneValuesAfter(tokens, i, range, blocks, n);
    if (vals.length === 0) continue;
    have.add(`${m.block.item}|${m.row.id}`);
    if (vals.length < n) {
      out.push(shortRow(m.block, m.row, vals, t, rawLines));
      continue;
    }
    const where = { line: t.line, quote: pieceQuote(rawLines, [t.line, ...vals.map((v) => v.line)]) };
    out.push({
      block: m.block,
      row: m.row,
      cells: m.block.columns.map((col, j) => cell(m.block, m.row, col, (vals[j] as Token).text, where)),
      options: null,
    });
  }
  return out;
}

/** Column centres of complete rows printed inline, for rows of width n (same block first). */
/** Page number of each line: pdftotext starts every page after the first with a form feed. */
function pagesOf(lines: string[]): number[] {
  let page = 0;
  return lines.map((l) => (l.includes("\f") ? ++page : page));
}

function columnsFor(p: Printed, others: Printed[], lines: string[]): number[] | null {
  const n = p.reading.block.columns.length;
  // Another page is laid out on its own character grid: only rows of the same page are compared.
  const page = pagesOf(lines);
  const all = others.filter((q) => page[q.at] === page[p.at]);
  const full = all.filter((q) => q.wide && q.vals.length === n && q.reading.block.columns.length === n);
  const ref = full.filter((q) => q.reading.block === p.reading.block);
  for (const set of [ref, full]) {
    const cs = set.map((q) => centres(lines[q.at] ?? "", q.skip, q.vals)).filter((x): x is number[] => x !== null);
    if (cs.length > 0) return Array.from({ length: n }, (_, j) => cs.reduce((s, c) => s + (c[j] as number), 0) / cs.length);
  }
  return spacedColumns(
    all.filter((q) => q.wide && q.reading.block === p.reading.block),
    n,
    lines,
  );
}

/**
 * Column centres when no row of the block is complete: cluster every value's centre; when the
 * clusters are evenly spaced with whole gaps (a column nobody filled leaves a double gap) and
 * span exactly n columns, the gaps say which columns they are. Otherwise null (not guessed).
 */
function spacedColumns(rows: Printed[], n: number, lines: string[]): number[] | null {
  const xs = rows.flatMap((q) => centres(lines[q.at] ?? "", q.skip, q.vals) ?? []).sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of xs) {
    const last = clusters[clusters.length - 1];
    if (last && x - (last[last.length - 1] as number) <= 2) last.push(x);
    else clusters.push([x]);
  }
  const at = clusters.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
  if (at.length < 2 || at.length > n) return null;
  const gaps = at.slice(1).map((x, i) => x - (at[i] as number));
  const base = Math.min(...gaps);
  const steps = gaps.map((g) => g / base);
  if (base < 3 || steps.some((s) => Math.abs(s - Math.round(s)) > 0.2)) return null;
  if (steps.reduce((a, s) => a + Math.round(s), 0) !== n - 1) return null;
  return Array.from({ length: n }, (_, j) => (at[0] as number) + j * base);
}

/**
 * Rows of a spaced table (pdftotext -raw/-layout) whose label is printed with no value at all:
 * every cell was left blank. Only when no row label of the table is read otherwise and the next
 * token is another label (a column dump would put the values later, so dumps are excluded).
 */
function blankRows(readings: RowReading[], tokens: Token[], range: [number, number], blocks: BlockDef[], rawLines: string[]): RowReading[] {
  const have = new Set(readings.map((r) => `${r.block.item}|${r.row.id}`));
  const best = new Map<string, { t: Token; block: BlockDef; row: RowDef }>();
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    const m = t.kind === "label" ? matchRow(t.key, blocks) : null;
    const id = m ? `${m.block.item}|${m.row.id}` : "";
    if (!m || have.has(id)) continue;
    const next = tokens[i + 1];
    const valueOnLine = tokens.slice(range[0], range[1]).some((u) => u.line === t.line && u.kind === "value");
    if (valueOnLine || (next && i + 1 < range[1] && next.kind !== "label")) continue;
    const b = best.get(id);
    if (!b || b.t.key.length < t.key.length) best.set(id, { t, block: m.block, row: m.row });
  }
  return [...best.values()].map(({ t, block, row }) => {
    const where = { line: t.line, quote: (rawLines[t.line] ?? "").trim() };
    return { block, row, cells: block.columns.map((col) => cell(block, row, col, "", where)), options: null };
  });
}

/** Somewhere in the document a label is followed, after whitespace, by several separate values (pdftotext -raw/-layout). */
function spacedDocument(tokens: Token[], lines: string[]): boolean {
  return tokens.some((t, i) => {
    if (t.kind !== "label" || tokens[i + 1]?.kind !== "value" || tokens[i + 2]?.kind !== "value") return false;
    const line = lines[t.line] ?? "";
    const sameLine = tokens[i + 1]?.line === t.line && tokens[i + 2]?.line === t.line;
    return sameLine && /^\s/.test(line.slice(line.indexOf(t.text) + t.text.length));
  });
}

/** Place a short inline row by position; null when the positions do not settle it. */
function byPosition(p: Printed, cols: number[], lines: string[], rawLines: string[]): RowReading | null {
  const at = centres(lines[p.at] ?? "", p.skip, p.vals);
  if (!at) return null;
  const gap = Math.min(...cols.slice(1).map((c, j) => c - (cols[j] as number)));
  const slots = at.map((x) => cols.reduce((best, c, j) => (Math.abs(c - x) < Math.abs((cols[best] as number) - x) ? j : best), 0));
  if (slots.some((s, k) => Math.abs((cols[s] as number) - (at[k] as number)) > gap / 2 || (k > 0 && s <= (slots[k - 1] as number))))
    return null;
  const { block, row } = p.reading;
  const where = { line: p.label.line, quote: pieceQuote(rawLines, [p.label.line, p.at]) };
  const cells = block.columns.map((col, j) => {
    const k = slots.indexOf(j);
    return cell(block, row, col, k >= 0 ? (p.vals[k] as Token).text : "", where);
  });
  return { block, row, cells, options: null };
}

/**
 * Re-read rows of a PDF-text table that the glued-run reader took because they had too few values,
 * when those values were printed apart (whitespace after the label, or one per line).
 */
export function fixShortRows(
  readings: RowReading[],
  tokens: Token[],
  range: [number, number],
  blocks: BlockDef[],
  lines: string[],
  rawLines: string[],
): RowReading[] {
  for (let i = range[0]; i < range[1]; i++) if ((tokens[i] as Token).piped) return readings;
  const all = readings.map((r) => printed(r, tokens, range, blocks, lines)).filter((p): p is Printed => p !== null);
  const dumped = looksDumped(tokens, range, 4);
  const extra = dumped ? missingRows(readings, tokens, range, blocks, rawLines) : [];
  // Complete rows printed with separators show the table is spaced, not glued.
  const spaced =
    all.some((q) => q.inline && q.reading.options === null && q.vals.length === q.reading.block.columns.length && q.vals.length > 1) ||
    spacedDocument(tokens, lines);
  const fixed = readings.map((r) => {
    const p = all.find((q) => q.reading === r);
    const n = r.block.columns.length;
    if (!p || p.vals.length === 0 || p.vals.length >= n) return r;
    // Re-read rows that guessed: a table-二 row padded at its end, a glued reading, or missing
    // cells the 勾稽 rules left open (those stay with missing-cells.ts unless positions settle them).
    const padded = r.options === null && r.block.table === "二";
    const open = r.options !== null && !(r.source === "gaps" && r.options.length === 1);
    if (!padded && !open) return r;
    if (p.vals.some((v) => /^[+\-−]?0\d/.test(v.text))) return r; // "000041": part of a glued run
    const sameLine = p.vals.every((v) => v.line === p.at);
    if (sameLine && !p.inline) return r;
    const cols = sameLine && p.wide ? columnsFor(p, all, lines) : null;
    const placed = cols ? byPosition(p, cols, lines, rawLines) : null;
    if (placed) return placed;
    if (r.source === "gaps") return r;
    if (p.vals.length < 2 || !(spaced || dumped)) return r;
    return shortRow(r.block, r.row, p.vals, p.label, rawLines);
  });
  if (spaced && !dumped) extra.push(...blankRows([...fixed, ...extra], tokens, range, blocks, rawLines));
  const order = blocks.flatMap((b) => b.rows.map((row) => `${b.item}|${row.id}`));
  const key = (r: RowReading) => order.indexOf(`${r.block.item}|${r.row.id}`);
  // Table 二 of a column dump: several rows' values after the first row's label (shared-values.ts).
  const all2 = blocks.every((b) => b.table === "二");
  const rows = all2 ? sharedValueRows([...fixed, ...extra], tokens, range, blocks, rawLines) : [...fixed, ...extra];
  return rows.sort((a, b) => key(a) - key(b));
}
