/**
 * A whole report on one line (report-format.md §12 item 8): crawlers that join a page's text
 * nodes give prose, section headings and all three tables as one line of thousands of
 * characters, cells glued ("行政规范性文件417") or single-spaced ("0 0 0 0 0 00"), a row's last
 * cell running into the next row's number ("…申请10000012.申请人逾期…").
 *
 * This reader cuts such a line back into the units the rest of the parser reads: section
 * headings, table-二 item headers and rows, table-三 rows (their ordinals 一、/（一）/1.) and the
 * table-四 header and run. Every piece is an exact substring of the source line, so a cell's
 * quote is still the source text of its row; `origin` maps each piece back to its source line.
 * Cuts are made only where the template's own wording says a unit starts, never by length.
 */

import { blocksOf, SECTIONS } from "../../template.js";

/** A line this long holding table cues is a flattened page, not a paragraph. */
export const LONG_LINE = 400;

export interface Relined {
  lines: string[];
  /** 0-based source line of each piece. */
  origin: number[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Table-二 row labels (both versions), longest first: a match of 行政规范性文件 consumes it, so 规范性文件 never matches inside it. */
const ROW2_KEYS = [...new Set([...blocksOf("2019", "二"), ...blocksOf("2021", "二")].flatMap((b) => b.rows.map((r) => r.label)))].sort(
  (a, b) => b.length - a.length,
);

/** A table-二 row label followed by its first value (a digit, sign, "/" or dash). */
const ROW2 = new RegExp(`(?:${ROW2_KEYS.map(esc).join("|")})(?=\\s*[-−\\d/／—])`, "g");

/** Table-三 row wordings after an ordinal "一、" … "四、" (the four top rows). */
const T3_TOP =
  blocksOf("2021", "三")[0]
    ?.rows.map((r) => /^[一二三四]、(.{2,6})/.exec(r.label)?.[1])
    .filter((x): x is string => Boolean(x)) ?? [];

/** Table-三 sub-row wordings after their list ordinal ("1.属于国家秘密" → 属于国家秘密), both versions. */
const T3_SUB = [
  ...new Set(
    [...blocksOf("2019", "三"), ...blocksOf("2021", "三")].flatMap((b) =>
      b.rows.map((r) => /^\d[.．、](.{2,6})/.exec(r.label)?.[1]).filter((x): x is string => Boolean(x)),
    ),
  ),
];

/** What a section heading names (its keywords), for "三、收到和处理…情况". */
const SECTION_WORDS = [...new Set(SECTIONS.flatMap((s) => [...s.keys, ...s.strong]))].sort((a, b) => b.length - a.length);

/**
 * Unit starts, each a zero-width or consuming match at the cut:
 * 1 section heading (doubled ordinals "三三、" kept together), its text up to 情况/事项;
 * 2 a table-三 top row "一、本年新收…"; 3 "（一）" ordinals not part of "第（一）项";
 * 4 "第二十条第（X）项"; 5 "1." list ordinals before an ideograph (also when a glued run precedes).
 */
const HEADING = new RegExp(
  `([一二三四五六])\\1?、(?=[^。；]{0,20}?(?:${SECTION_WORDS.map(esc).join("|")}))[^。；]{0,30}?(?:情况|事项)`,
  "g",
);
const T3_ROW = new RegExp(`[一二三四]、(?=${T3_TOP.map(esc).join("|")})`, "g");
const PAREN_ORDINAL = /(?<!第)[（(][一二三四五六七八九十][)）]/g;
const ARTICLE = /第二十条第/g;
/** An ordinal heading right after a row's figures ("…0000000三三、本年度办理结果"). */
const AFTER_RUN = /(?<=[\d\s])([一二三四五六七八九十])\1?、/g;
const LIST_ORDINAL = /[1-9][.．](?=\s*[\u4e00-\u9fff“"])/g;
/** "1、属于国家秘密": an ordinal with 、 only before a sub-row's own wording (prose has "2019、2020"). */
const T3_SUB_ROW = new RegExp(`[1-9][.．、]\\s*(?=${T3_SUB.map(esc).join("|")})`, "g");

/** Whether a long line is a flattened report: it holds the tables' own wording. */
function holdsTables(line: string): boolean {
  let cues = 0;
  for (const cue of ["本年新收", "上年结转", "予以公开", "结转下年度", "第二十条", "行政复议", "行政许可"]) if (line.includes(cue)) cues++;
  return cues >= 3;
}

/**
 * Whether a table-二 label at `at` starts a table row, not a phrase of prose ("现行有效的规范性文件16件"):
 * a row follows a header or another row's figures, and its figures are not counted in a measure word.
 */
function isTableRow(line: string, at: number, len: number): boolean {
  const before = line.slice(Math.max(0, at - 4), at);
  if (!/(?:[\d\s)）/]|数量|件数|数|金额|元|增\/减|增减)$/.test(before) && at > 0) return false;
  const run = /^[\d\s.\-−/／—]+/.exec(line.slice(at + len))?.[0] ?? "";
  return !/^[件条项个次篇份]/.test(line.slice(at + len + run.length));
}

function cutsOf(line: string): number[] {
  const cuts = new Set<number>();
  for (const m of line.matchAll(HEADING)) {
    cuts.add(m.index);
    cuts.add(m.index + m[0].length);
  }
  for (const re of [T3_ROW, T3_SUB_ROW, PAREN_ORDINAL, ARTICLE, AFTER_RUN]) for (const m of line.matchAll(re)) cuts.add(m.index);
  for (const m of line.matchAll(ROW2)) if (isTableRow(line, m.index, m[0].length)) cuts.add(m.index);
  for (const m of line.matchAll(LIST_ORDINAL)) {
    // "1.2亿" is a decimal, not an ordinal; a digit run before it is the last row's cells.
    const next = line[m.index + 2];
    if (next !== undefined && /\d/.test(next)) continue;
    cuts.add(m.index);
  }
  cuts.delete(0);
  return [...cuts].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
}

/** Cut every flattened long line into its units; other lines pass through unchanged. */
export function relineLongLines(lines: string[]): Relined | null {
  let any = false;
  const out: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.length < LONG_LINE || !holdsTables(line)) {
      out.push(line);
      origin.push(i);
      continue;
    }
    any = true;
    let from = 0;
    for (const cut of [...cutsOf(line), line.length]) {
      const piece = line.slice(from, cut);
      if (piece.trim() !== "") {
        out.push(piece);
        origin.push(i);
      }
      from = cut;
    }
  }
  return any ? { lines: out, origin } : null;
}
