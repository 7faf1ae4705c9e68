/**
 * The prose passages of a report: its paragraphs outside the tables, each with the section it
 * sits in. Text converted from a PDF wraps a paragraph over several lines of about one width;
 * there the wrapped lines are joined back into one passage (cited at its first line), so a
 * sentence that runs over a line break is one sentence again. Page furniture (form feeds, the
 * blank line before them, page numbers) does not end a paragraph.
 */

import type { Passage } from "../model.js";
import type { Heading, HeadingMatch } from "./sections.js";

/** A sentence (ends a clause with 。 or ；) of some length: prose, even where it stands in a table's section. */
const PROSE_IN_TABLE = /^[^|]{12,}[。；]/;

/** A line whose last character ends a sentence (closing quotes and brackets may follow). */
const ENDS_SENTENCE = /[。！？；!?;…][”"’'）)》]*$/;

/** Where an enumerated paragraph or a sub-heading starts: （一） 一、 1. 1、 第一， (not 3.5). */
const STARTS_ITEM =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、，,.．]|\d{1,2}[、．.](?!\d)|第[一二三四五六七八九十]{1,3}[，、,])/;

/** Page numbers as printed in headers and footers: "- 3 -", "— 3 —", "第 3 页", "第3页 共5页", "3/5". */
const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)$/;

/** Columns aligned by runs of spaces (pdftotext -layout): a table row, never wrapped prose. */
const COLUMN_GAP = /\S {3,}\S/;

/** Display width: CJK and full-width characters count two, others one (pdftotext wraps by page width). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/** A page number as printed in a header or footer (a bare number counts only beside a form feed, see passagesOf). */
export function isPageNumber(text: string): boolean {
  return text.length <= 16 && PAGE_NUMBER.test(text);
}

/** Lines that may be wrapped prose: no cell separator, no column gap, some length. */
function prosy(text: string): boolean {
  return text.length >= 2 && !text.includes("|") && !COLUMN_GAP.test(text);
}

/**
 * The width the text wraps at, when its prose lines are wrapped (most long lines of about one
 * width), else null. A web page's paragraphs, one per line, vary in length and give null.
 */
export function wrapWidth(lines: string[]): number | null {
  const widths: number[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (t.length >= 10 && prosy(t)) widths.push(displayWidth(t));
  }
  if (widths.length < 8) return null;
  widths.sort((a, b) => a - b);
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < widths.length; i++) {
    // widths[i..j) within 8% above widths[i]: the densest such band's top is the wrap width.
    const c = widths[i] as number;
    if (j < i) j = i;
    while (j < widths.length && (widths[j] as number) <= c * 1.08) j++;
    if (j - i >= bestCount) {
      bestCount = j - i;
      best = widths[j - 1] as number;
    }
  }
  // Wrapped text: the band holds many lines, and a good share of the lines near its width (the
  // shorter lines are a paragraph's last lines, headings and table cells, whatever the form).
  const near = widths.filter((w) => w >= best * 0.6).length;
  if (best < 40 || bestCount < 6 || bestCount < near * 0.4) return null;
  return best;
}

/** Two pieces joined at a line break: CJK runs on; a space is kept between two ASCII letters or digits. */
function joinWrapped(a: string, b: string): string {
  return /[A-Za-z0-9%]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

export interface PassageInput {
  /** The report's lines as printed. */
  lines: string[];
  /** Line ranges [start, end) of the tables. */
  tableLines: [number, number][];
  /** Lines before this one are the title block. */
  headerEnd: number;
  /** The headings of these lines, in line order. */
  heads: Heading[];
  /** What each line says as a heading (null for most), for not running a paragraph into a heading. */
  matches: (HeadingMatch | null)[];
  /** Whether the lines may be wrapped paragraphs (text from a PDF or plain text; not a web page). */
  mayWrap: boolean;
}

/** Paragraphs outside the tables, with the section each sits in. */
export function passagesOf(input: PassageInput): Passage[] {
  const { lines, tableLines, headerEnd, heads, matches } = input;
  const inTable = (i: number) => tableLines.some(([a, b]) => i >= a && i < b);
  const width = input.mayWrap ? wrapWidth(lines) : null;
  const full = width === null ? Number.POSITIVE_INFINITY : width * 0.8;
  const trimmed = lines.map((l) => l.trim());
  // A heading line never continues a paragraph: the headings found, and any numbered heading line.
  const headLines = new Set(heads.map((h) => h.line));
  const isHeading = (k: number) => headLines.has(k) || matches[k]?.numbered === true;
  const sectionAt = (i: number): number => {
    let h = -1;
    while (h + 1 < heads.length && (heads[h + 1] as Heading).line <= i) h++;
    return h;
  };
  /** The next line after `i` that holds text, skipping page furniture; -1 when a blank line (a paragraph break) comes first. */
  const nextText = (i: number): number => {
    let k = i + 1;
    let blank = false;
    while (k < lines.length) {
      const t = trimmed[k] as string;
      if (t === "") {
        blank = true;
        k++;
        continue;
      }
      if (isPageNumber(t) || (/^\d{1,3}$/.test(t) && besideBreak(k))) {
        k++;
        continue;
      }
      // A blank line next to a page break (form feed) is the page's end, not a paragraph's.
      if (blank && !sawPageBreak(i + 1, k + 1)) return -1;
      return k;
    }
    return -1;
  };
  /** A line next to a page break: it holds the form feed, or the nearest line holding text before or after it does. */
  const besideBreak = (k: number): boolean => {
    if ((lines[k] as string).includes("\f")) return true;
    for (const step of [-1, 1]) {
      let j = k + step;
      while (j >= 0 && j < lines.length && trimmed[j] === "" && !(lines[j] as string).includes("\f")) j += step;
      if (j >= 0 && j < lines.length && (lines[j] as string).includes("\f")) return true;
    }
    return false;
  };
  const sawPageBreak = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) if ((lines[k] as string).includes("\f")) return true;
    return false;
  };
  /** Whether the paragraph that has reached line `i` runs on to line `k`. */
  const continues = (i: number, k: number): boolean => {
    const cur = trimmed[i] as string;
    const next = trimmed[k] as string;
    if (ENDS_SENTENCE.test(cur) || displayWidth(cur) < full) return false;
    if (!prosy(cur) || !prosy(next) || isHeading(k) || STARTS_ITEM.test(next)) return false;
    return inTable(i) === inTable(k);
  };
  const out: Passage[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i < headerEnd) continue;
    const first = i;
    let text = trimmed[i] as string;
    if (text === "" || isPageNumber(text)) continue;
    if (width !== null && prosy(text) && !isHeading(i)) {
      for (let k = nextText(i); k >= 0 && continues(i, k); k = nextText(i)) {
        text = joinWrapped(text, trimmed[k] as string);
        i = k;
      }
    }
    // Inside a table's section, only sentences are prose (a report may explain its figures there).
    if (inTable(first) && !PROSE_IN_TABLE.test(text)) continue;
    if (text.length < 6 || text.includes("|")) continue;
    out.push({ section: heads[sectionAt(first)]?.id ?? "前言", text, line: first + 1 });
  }
  return out;
}
