/**
 * Reads tables 二/三/四 out of the token stream into the template's grid. Rows are found by
 * their labels (core keywords from template.ts), values are taken positionally after the
 * label, and runs of glued digits are split with the arithmetic rules (resolve-runs.ts).
 */

import type { Cell, ExtraRow } from "../model.js";
import { type BlockDef, blocksOf, type RowDef, type TableId, type TemplateVersion, VERSION_CUES } from "../template.js";
import { labelKey } from "../text/normalize.js";
import { type RowReading, resolveTable3, resolveTable4, rowFromTokens } from "./resolve-runs.js";
import { findHeadings, type Heading } from "./sections.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";

export interface Regions {
  /** Line ranges [start, end) of each table; missing tables are absent. */
  lines: Partial<Record<TableId, [number, number]>>;
}

export interface TablesRead {
  version: TemplateVersion | "unknown";
  cells: Cell[];
  extras: ExtraRow[];
  warnings: string[];
  regions: Regions;
}

const MAX_LABEL_KEY = 64;

function firstLine(lines: string[], from: number, test: (key: string, raw: string) => boolean): number {
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.length <= 200 && test(labelKey(raw), raw)) return i;
  }
  return -1;
}

/** Line ranges of the three tables, from the headings, or from anchors inside the tables. */
export function findRegions(lines: string[], headings: Heading[] = findHeadings(lines)): Regions {
  const h = new Map(headings.map((x) => [x.id, x.line]));
  const l3 =
    h.get("三") ??
    firstLine(lines, h.get("二") ?? 0, (k) => k.includes("勾稽关系") || k === "申请人情况" || (k.includes("本年新收") && k.length < 40));
  const l2 = h.get("二") ?? firstLine(lines, 0, (k) => k.includes("第二十条"));
  const l4 =
    l3 >= 0
      ? (h.get("四") ??
        firstLine(lines, l3 + 1, (k) => (k.includes("行政复议") || k.includes("行政诉讼")) && k.length < 40 && !k.includes("本年新收")))
      : (h.get("四") ?? -1);
  const l5Candidates = [h.get("五"), h.get("六")].filter((x): x is number => x !== undefined && x > Math.max(l4, l3));
  const end = l5Candidates.length ? Math.min(...l5Candidates) : lines.length;
  const out: Regions = { lines: {} };
  const t2End = l3 >= 0 ? l3 : l4 >= 0 ? l4 : end;
  if (l2 >= 0 && l2 < t2End) out.lines["二"] = [l2, t2End];
  else if (l2 < 0) {
    const anyRow = firstLine(lines, h.get("一") ?? 0, (k) => k.length < 30 && /^(规章|行政许可|行政处罚)/.test(k));
    if (anyRow >= 0 && anyRow < t2End) out.lines["二"] = [anyRow, t2End];
  }
  if (l3 >= 0) out.lines["三"] = [l3, l4 > l3 ? l4 : end];
  if (l4 >= 0 && l4 < end) out.lines["四"] = [l4, end];
  else if (l4 >= 0) out.lines["四"] = [l4, lines.length];
  return out;
}

/** The template version the table content shows (§1 "detect the version by content"). */
export function detectVersion(tokens: Token[]): { version: TemplateVersion | "unknown"; cues: number } {
  let v19 = 0;
  let v21 = 0;
  for (const t of tokens) {
    if (t.kind !== "label" || t.key.length > MAX_LABEL_KEY) continue;
    if (VERSION_CUES["2019"].some((c) => t.key.includes(c))) v19++;
    if (VERSION_CUES["2021"].some((c) => t.key.includes(c))) v21++;
  }
  if (v19 > v21) return { version: "2019", cues: v19 };
  if (v21 > v19) return { version: "2021", cues: v21 };
  return { version: "unknown", cues: 0 };
}

interface Match {
  row: RowDef;
  block: BlockDef;
  len: number;
}

/** The template row a printed label names: the row whose keyword is the longest one it contains. */
export function matchRow(key: string, blocks: BlockDef[]): Match | null {
  if (key.length === 0 || key.length > MAX_LABEL_KEY) return null;
  let best: Match | null = null;
  for (const block of blocks) {
    for (const row of block.rows) {
      for (const k of row.keys) {
        if (k.length > (best?.len ?? 0) && key.includes(k)) best = { row, block, len: k.length };
      }
    }
  }
  if (!best && blocks.some((b) => b.table === "三") && (key === "总计" || key === "合计" || key === "七总计")) {
    const block = blocks.find((b) => b.table === "三") as BlockDef;
    const row = block.rows.find((r) => r.id === "total") as RowDef;
    return { row, block, len: 2 };
  }
  return best;
}

/** Value tokens that belong to the label at index i (its row), and where the row ends. */
function collectValues(tokens: Token[], i: number, end: number, n: number): { values: Token[]; last: number } {
  const label = tokens[i] as Token;
  const values: Token[] = [];
  let j = i + 1;
  let last = i;
  const sameLine = j < end && (tokens[j] as Token).line === label.line && (tokens[j] as Token).kind !== "label";
  if (sameLine || label.inRow) {
    while (j < end && (tokens[j] as Token).line === label.line && (tokens[j] as Token).kind !== "label") {
      values.push(tokens[j] as Token);
      last = j++;
    }
    if (values.some((v) => v.kind === "value") || values.length >= n) return { values, last };
    values.length = 0;
  }
  while (j < end && values.length < n) {
    const t = tokens[j] as Token;
    if (t.kind === "label") {
      // A wrapped label ("…已获取" / "信息 0 0 0"): skip its tail when values follow on its line.
      const next = tokens[j + 1];
      if (values.length === 0 && next && next.line === t.line && next.kind !== "label") {
        j++;
        continue;
      }
      break;
    }
    values.push(t);
    last = j++;
    // A whole row printed on the next line: stop at that line's end.
    if (t.inRow && values.length > 0 && (tokens[j]?.line ?? -1) !== t.line && values.length >= n) break;
  }
  return { values, last };
}

function tokensIn(tokens: Token[], range: [number, number] | undefined): [number, number] {
  if (!range) return [0, 0];
  let a = tokens.findIndex((t) => t.line >= range[0]);
  if (a < 0) a = tokens.length;
  let b = tokens.findIndex((t) => t.line >= range[1]);
  if (b < 0) b = tokens.length;
  return [a, b];
}

function quoteOf(rawLines: string[], from: number, to: number): string {
  return rawLines
    .slice(from, to + 1)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

/** Read every row of the blocks of one table that appear in the token range. */
function readRows(
  tokens: Token[],
  range: [number, number],
  blocks: BlockDef[],
  rawLines: string[],
  extras: ExtraRow[],
  table: TableId,
): RowReading[] {
  const found = new Map<string, RowReading>();
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "label") continue;
    const m = matchRow(t.key, blocks);
    if (!m) {
      // A label with values on its own line that no template row has: a local extra row.
      if (t.inRow && t.key.length > 1 && t.key.length <= MAX_LABEL_KEY) {
        const { values } = collectValues(tokens, i, range[1], 99);
        if (values.some((v) => v.kind === "value" && parseCell(v.text).state === "number")) {
          extras.push({ table, label: t.text, values: values.map((v) => v.text), line: t.line + 1 });
        }
      }
      continue;
    }
    const id = `${m.block.item ?? ""}|${m.row.id}`;
    if (found.has(id)) continue;
    const n = m.block.columns.length;
    const { values, last } = collectValues(tokens, i, range[1], n);
    const reading = rowFromTokens(m.block, m.row, values, {
      line: t.line,
      quote: quoteOf(rawLines, t.line, (tokens[last] as Token).line),
    });
    if (reading) found.set(id, reading);
  }
  return [...found.values()];
}

/** Table 四: the run of values after its header (fifteen cells, or one glued run). */
function readTable4(tokens: Token[], range: [number, number], block: BlockDef, rawLines: string[]): RowReading[] {
  let best: Token[] = [];
  let cur: Token[] = [];
  const flush = () => {
    const digits = (xs: Token[]) => xs.filter((x) => x.kind === "value").length;
    if (cur.length >= 15 ? best.length < 15 || digits(cur) > digits(best) : cur.length > best.length && best.length < 15) best = cur;
    cur = [];
  };
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "label") flush();
    else cur.push(t);
  }
  flush();
  if (best.length > 0 && best.some((t) => t.kind === "value")) {
    const first = best[0] as Token;
    const lastTok = best[Math.min(best.length, 15) - 1] as Token;
    const quote = quoteOf(rawLines, first.line, lastTok.line);
    return resolveTable4(block, best.slice(0, 15), { line: first.line, quote });
  }
  // Transposed layout: one row per group ("行政复议 | 0 | 0 | 0 | 0 | 0").
  const rows: RowReading[] = [];
  const t4 = { ...block, columns: block.columns };
  for (const r of readRows(tokens, range, [t4], rawLines, [], "四")) rows.push(r);
  return rows;
}

/** Read all three tables. */
export function readTables(
  tokens: Token[],
  lines: string[],
  rawLines: string[],
  fallbackVersion: TemplateVersion,
  headings: Heading[] = findHeadings(lines),
): TablesRead {
  const regions = findRegions(lines, headings);
  const warnings: string[] = [];
  const extras: ExtraRow[] = [];
  const r2 = tokensIn(tokens, regions.lines["二"]);
  const r3 = tokensIn(tokens, regions.lines["三"]);
  const r4 = tokensIn(tokens, regions.lines["四"]);
  const detected = detectVersion([...tokens.slice(r2[0], r2[1]), ...tokens.slice(r3[0], r3[1])]);
  let version = detected.version;
  const readings: RowReading[] = [];
  const tryVersion = (v: TemplateVersion) => {
    const out: RowReading[] = [];
    if (regions.lines["二"]) out.push(...readRows(tokens, r2, blocksOf(v, "二"), rawLines, extras, "二"));
    return out;
  };
  if (version === "unknown") {
    // No header cue: let the number of values on the 行政处罚/行政许可 rows decide (3 → 2019, 1 → 2021).
    const a = tryVersion("2019").filter((r) => r.cells.some((c) => c.state === "number")).length;
    extras.length = 0;
    const b = tryVersion("2021").filter((r) => r.cells.some((c) => c.state === "number")).length;
    extras.length = 0;
    version = a > b ? "2019" : b > a ? "2021" : fallbackVersion;
    warnings.push(`template: no header cue, read as ${version}`);
  }
  const v = version as TemplateVersion;
  readings.push(...tryVersion(v));
  if (regions.lines["三"]) {
    const block = blocksOf(v, "三")[0] as BlockDef;
    readings.push(...resolveTable3(block, readRows(tokens, r3, [block], rawLines, extras, "三")));
  } else warnings.push("table 三 not found");
  if (regions.lines["四"]) readings.push(...readTable4(tokens, r4, blocksOf(v, "四")[0] as BlockDef, rawLines));
  else warnings.push("table 四 not found");
  if (!regions.lines["二"]) warnings.push("table 二 not found");
  const cells = readings.flatMap((r) => r.cells);
  return { version: detected.version === "unknown" && cells.length === 0 ? "unknown" : v, cells, extras, warnings, regions };
}
