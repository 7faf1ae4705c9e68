/**
 * A report file's text → the report model: metadata, template version, every cell of
 * tables 二/三/四 with its quote and line, the 勾稽 check results, and the prose passages.
 * Pure: no I/O. Whatever the text form, the same token reader does the work.
 */

import type { ParsedReport, ReportMeta } from "../model.js";
import { cellCount, type TemplateVersion } from "../template.js";
import { foldDigits, nfkc, nfkcAll } from "../text/normalize.js";
import { indexCells, runChecks } from "./checks.js";
import { detectForm } from "./detect-form.js";
import { relineLongLines } from "./forms/one-line.js";
import { htmlToLines, looksLikeHtml } from "./html.js";
import { readMeta } from "./metadata.js";
import { passagesOf } from "./passages.js";
import { readTables } from "./read-tables.js";
import { findRegions } from "./regions.js";
import { findHeadings, type Heading, lineHeading, lineHeadings } from "./sections.js";
import { textChecks } from "./text-checks.js";
import { tokenize } from "./tokens.js";
import { unplacedRows } from "./unplaced.js";

export interface ReportInput {
  /** The file's text (HTML, plain text, markdown or PDF text). */
  text: string;
  /** The corpus file name, for citations and diagnostics. */
  file: string;
  /** Metadata from a sidecar (title, url, published…), which wins over what the text says. */
  meta?: Partial<ReportMeta>;
  /** Source lines already extracted (e.g. from a PDF by position); skips HTML detection. */
  lines?: string[];
  /** Form to report for pre-extracted lines. */
  form?: ParsedReport["form"];
}

/** Line breaks of an old editor or a CSV export: CR alone, no LF anywhere. */
function bareCr(text: string): boolean {
  return text.includes("\r") && !text.includes("\n");
}

/** Whether a line lies inside one of the three tables' regions (from the headings). */
function tableLinePredicate(lines: string[], headings: Heading[]): (line: number) => boolean {
  const ranges = Object.values(findRegions(lines, headings).lines) as [number, number][];
  return (i) => ranges.some(([a, b]) => i > a && i < b);
}

/** Where any of the markup below starts (one scan for most lines, which have none). */
const MARKUP = /<br|&nbsp;|\*\*|__/i;

/** Markup that converters leave in text (<br>, &nbsp;, **bold**), gone. */
function unmarked(line: string): string {
  if (!MARKUP.test(line)) return line;
  return line
    .replace(/<br\s*\/?>/gi, "")
    .replace(/&nbsp;/gi, " ")
    .replace(/\*\*|__/g, "");
}

export function parseReport(input: ReportInput): ParsedReport {
  const isHtml = !input.lines && looksLikeHtml(input.text);
  // Full-width figures (１２４９) are folded once, so a cell's figure and its quote agree.
  const sourceLines = (input.lines ?? (isHtml ? htmlToLines(input.text) : input.text.split(/\r\n|\r|\n/))).map(foldDigits);
  // A report flattened onto one line is cut back into its units first (forms/one-line.ts); every
  // piece is a substring of its source line, and line numbers are mapped back at the end.
  const relined = relineLongLines(sourceLines);
  const rawLines = relined ? relined.lines : sourceLines;
  const toSource = (line: number) => (relined ? (relined.origin[line - 1] ?? 0) + 1 : line);
  // A source line as the readers see it: NFKC, and markup that converters leave in text gone.
  const nf = nfkcAll(rawLines);
  const lines = nf.text.map(unmarked);
  // The headings of the normalised lines, found once: the metadata, the table regions, the
  // warnings and the header end all read them. The passages' sections come from the raw lines'
  // headings, which are the same line by line wherever a line had no markup to remove (headings
  // are read from the NFKC form, and NFKC of an unchanged, stable line is itself).
  const rawMatches = lineHeadings(nf.text);
  const matches = lines.map((l, i) => (l === nf.text[i] && nf.stable[i] ? (rawMatches[i] ?? null) : lineHeading(nfkc(l))));
  const headings = findHeadings(lines, matches);
  const meta = readMeta(lines, input.meta ?? {}, input.file, headings);
  // Bare-CR text (§12 item 9): one cell per CR-line, an empty cell an empty line, inside the tables.
  const crCells = !input.lines && !isHtml && bareCr(input.text) ? tableLinePredicate(lines, headings) : undefined;
  const tokens = tokenize(lines, crCells);
  const fallback: TemplateVersion = (meta.year ?? 2021) >= 2021 ? "2021" : "2019";
  const read = readTables(tokens, lines, rawLines, fallback, headings);
  const index = indexCells(read.cells);
  const checks = runChecks(read.cells, read.extras, index);
  const warnings = [...read.warnings];
  if (!meta.body) warnings.push("no body name found in the title");
  for (const h of headings) {
    if (h.misnumbered) warnings.push(`heading of section ${h.id} printed as ${h.misnumbered}: ${h.text}`);
  }
  if (meta.year === null) warnings.push("no reporting year found");
  if (read.version !== "unknown") {
    const want = cellCount(read.version);
    if (read.cells.length < want) {
      const where = unplacedRows(read.version, read.cells);
      warnings.push(`read ${read.cells.length} of ${want} template cells${where ? ` (not placed: ${where})` : ""}`);
    }
  }
  const amb = read.cells.filter((c) => c.state === "ambiguous").length;
  if (amb) warnings.push(`${amb} cells ambiguous`);
  const firstHeading = headings[0]?.line ?? 0;
  const titleLine = lines.findIndex((l) => l.includes(meta.title));
  const headerEnd = Math.min(firstHeading, titleLine >= 0 ? titleLine + 1 : 0);
  const regions = Object.values(read.regions.lines) as [number, number][];
  const passages = passagesOf({
    lines: rawLines,
    tableLines: regions,
    headerEnd,
    heads: findHeadings(rawLines, rawMatches),
    matches: rawMatches,
    mayWrap: !isHtml && !relined,
  });
  checks.push(...textChecks(read.cells, passages, index));
  if (relined) {
    for (const c of read.cells) c.line = toSource(c.line);
    for (const p of passages) p.line = toSource(p.line);
    for (const x of read.extras) x.line = toSource(x.line);
  }
  return {
    meta,
    template: read.version,
    form: input.form ?? (relined && !isHtml ? "one-line" : crCells ? "cr-cells" : detectForm(rawLines, isHtml)),
    cells: read.cells,
    checks,
    passages,
    extras: read.extras,
    warnings,
    lines: rawLines,
  };
}
