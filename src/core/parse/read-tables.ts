/**
 * Reads tables 二/三/四 out of the token stream into the template's grid. Rows are found by
 * their labels (core keywords from template.ts), values are taken positionally after the
 * label, and runs of glued digits are split with the arithmetic rules (resolve-runs.ts).
 */

import type { Cell, ExtraRow } from "../model.js";
import { type BlockDef, blocksOf, type TableId, type TemplateVersion } from "../template.js";
import { readDump3, readDump4 } from "./dump-tables.js";
import { keepFilledReadings, printsEveryCell } from "./filled-rows.js";
import { MAX_LABEL_KEY, type Match, matchRow } from "./match-row.js";
import { settleByProse } from "./prose-settles.js";
import { rowFromTokens } from "./read-row.js";
import { detectVersion, findRegions, type Regions } from "./regions.js";
import { resolveTable3, resolveTable4 } from "./resolve-runs.js";
import { type RowReading, unreadableRow } from "./row-cells.js";
import { collectValues, sameLineValues, trimPadding, valuesUntilLabel } from "./row-values.js";
import type { Heading } from "./sections.js";
import { fixShortRows } from "./short-rows.js";
import { type SubtotalColumn, subtotalColumn, subtotalInRow } from "./table3-columns.js";
import type { Token } from "./tokens.js";
import { parseCell } from "./value.js";
import { joinWrappedLabels } from "./wrapped-labels.js";

export interface TablesRead {
  version: TemplateVersion | "unknown";
  cells: Cell[];
  extras: ExtraRow[];
  warnings: string[];
  regions: Regions;
}

function tokensIn(tokens: Token[], range: [number, number] | undefined): [number, number] {
  if (!range) return [0, 0];
  let a = tokens.findIndex((t) => t.line >= range[0]);
  if (a < 0) a = tokens.length;
  let b = tokens.findIndex((t) => t.line >= range[1]);
  if (b < 0) b = tokens.length;
  return [a, b];
}

/** The source lines from…to (0-based, inclusive; line numbers are never negative), trimmed, blank ones left out. */
function quoteOf(rawLines: string[], from: number, to: number): string {
  let quote = "";
  for (let i = from; i <= to && i < rawLines.length; i++) {
    const l = (rawLines[i] as string).trim();
    if (l !== "") quote = quote === "" ? l : `${quote}\n${l}`;
  }
  return quote;
}

/** A local row (no template row has its label) with figures on its own line or lines: kept as an extra. */
function extraRow(tokens: Token[], i: number, end: number, table: TableId, sub: SubtotalColumn | null): ExtraRow[] {
  const t = tokens[i] as Token;
  if (t.key.length <= 1 || t.key.length > MAX_LABEL_KEY) return [];
  const tail = valuesUntilLabel(tokens, i, end);
  const values: string[] = [];
  let figures = false;
  for (const v of tail) {
    values.push(v.text);
    if (!figures && parseCell(v.text).state === "number") figures = true;
  }
  if (!figures) return [];
  const line = t.line + 1;
  if (!sub || values.length !== 8) return [{ table, label: t.text, values, line }];
  const [cut] = values.splice(sub.index, 1);
  return [
    { table, label: t.text, values, line },
    { table, label: t.text, column: sub.label, values: [cut as string], line },
  ];
}

/** A bare "总计" that is a column header (more labels follow on its line), not the （七）总计 row. */
function isHeaderTotal(tokens: Token[], i: number, end: number, m: Match): boolean {
  const t = tokens[i] as Token;
  if (m.row.id !== "total" || !["总计", "合计"].includes(t.key)) return false;
  return t.inRow && !sameLineValues(tokens, i, end).some((v) => v.kind === "value");
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
  const sub = table === "三" ? subtotalColumn(tokens, range) : null;
  const isRowLabel = (x: Token) => matchRow(x.key, blocks) !== null;
  let usedUntil = -1; // tokens up to here belong to a row already read (e.g. a wrapped label's tail)
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "label") continue;
    // A sentence of prose that names a row ("本年度共办理行政许可1520件。") is not that row.
    const m = /[。；;]/.test(t.text) ? null : matchRow(t.key, blocks);
    if (!m) {
      if (i > usedUntil) extras.push(...extraRow(tokens, i, range[1], table, sub));
      continue;
    }
    const id = `${m.block.item ?? ""}|${m.row.id}`;
    if (found.has(id) || isHeaderTotal(tokens, i, range[1], m)) continue;
    const n = m.block.columns.length;
    const { values, last } = collectValues(tokens, i, range[1], n, table === "二" ? "left" : "right", isRowLabel);
    usedUntil = Math.max(usedUntil, last);
    const where = { line: t.line, quote: quoteOf(rawLines, t.line, (tokens[last] as Token).line) };
    if (table === "三" && values.length === n + 1) {
      // A local 法人或其他组织小计 column: keep it apart, never in the template's cells.
      const at = sub?.index ?? subtotalInRow(values.map((v) => parseCell(v.text).value));
      if (at === null) {
        const why = `源文本该行有${n + 1}个单元格（模板为${n}列），无法判断多出的是哪一列`;
        found.set(id, unreadableRow(m.block, m.row, where, values.map((v) => v.text).join(" "), why));
        continue;
      }
      const [cut] = values.splice(at, 1);
      extras.push({ table, label: t.text, column: sub?.label ?? "法人或其他组织小计", values: [(cut as Token).text], line: t.line + 1 });
    }
    const reading = rowFromTokens(m.block, m.row, values, where);
    if (reading) found.set(id, reading);
  }
  return [...found.values()];
}

/** Table 四 printed one group per row ("行政复议 | 0 | 0 | 0 | 0 | 0"), when at least two groups read so. */
function readTable4Rows(tokens: Token[], range: [number, number], block: BlockDef, rawLines: string[]): RowReading[] | null {
  const rows = readRows(tokens, range, [block], rawLines, [], "四");
  const read = rows.filter((r) => r.options === null && r.cells.some((c) => c.state === "number"));
  return read.length >= 2 ? rows : null;
}

/** Table 四: one row per group, or the run of values after its header (fifteen cells, or one glued run). */
function readTable4(tokens: Token[], range: [number, number], block: BlockDef, rawLines: string[]): RowReading[] {
  const byRows = readTable4Rows(tokens, range, block, rawLines);
  if (byRows) return byRows;
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
  best = trimPadding(best, 15);
  if (!best.some((t) => t.kind === "value")) return [];
  const first = best[0] as Token;
  const lastTok = best[Math.min(best.length, 15) - 1] as Token;
  const quote = quoteOf(rawLines, first.line, lastTok.line);
  return resolveTable4(block, best.slice(0, 15), { line: first.line, quote });
}

/** Read all three tables. `headings` is findHeadings(lines), when the caller has it already. */
export function readTables(
  input: Token[],
  lines: string[],
  rawLines: string[],
  fallbackVersion: TemplateVersion,
  headings?: Heading[],
): TablesRead {
  const tokens = joinWrappedLabels(input);
  const regions = findRegions(lines, headings);
  const warnings: string[] = [];
  const extras: ExtraRow[] = [];
  const r2 = tokensIn(tokens, regions.lines["二"]);
  const r3 = tokensIn(tokens, regions.lines["三"]);
  const r4 = tokensIn(tokens, regions.lines["四"]);
  const detected = detectVersion(tokens, [r2, r3]);
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
  // PDF text: short rows placed by position or marked ambiguous; column dumps rebuilt (short-rows.ts, dump-tables.ts).
  readings.push(...fixShortRows(tryVersion(v), tokens, r2, blocksOf(v, "二"), lines, rawLines));
  if (regions.lines["三"]) {
    const block = blocksOf(v, "三")[0] as BlockDef;
    const rows3 = () => fixShortRows(readRows(tokens, r3, [block], rawLines, extras, "三"), tokens, r3, [block], lines, rawLines);
    readings.push(...(readDump3(tokens, r3, block, rawLines) ?? resolveTable3(block, rows3())));
  } else warnings.push("table 三 not found");
  if (regions.lines["四"]) {
    const block = blocksOf(v, "四")[0] as BlockDef;
    const end = (regions.lines["四"] as [number, number])[1];
    // pdftotext may put the table's right-hand groups after later sections of the same page.
    let stop = Math.min(end + 1, lines.length);
    while (stop < lines.length && !(lines[stop] as string).includes("\f")) stop++;
    readings.push(...(readDump4(tokens, r4, block, stop, rawLines) ?? readTable4(tokens, r4, block, rawLines)));
  } else warnings.push("table 四 not found");
  if (!regions.lines["二"]) warnings.push("table 二 not found");
  const cells: Cell[] = [];
  // Glued table-二 rows: narrowed by what the prose states, then by the report's evidence that it prints every cell.
  const settled = settleByProse(readings, lines);
  const evidence = printsEveryCell(settled);
  for (const r of keepFilledReadings(settled, evidence)) for (const c of r.cells) cells.push(c);
  return { version: detected.version === "unknown" && cells.length === 0 ? "unknown" : v, cells, extras, warnings, regions };
}
