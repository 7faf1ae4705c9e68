/** Finding the six section headings (report-format.md §7.1) and the table regions between them. */

import { SECTIONS } from "../template.js";
import { labelKey, nfkc } from "../text/normalize.js";

export interface Heading {
  id: string;
  line: number;
  text: string;
  /** The ordinal printed on the heading, when it is not the section's (e.g. "五" on section 四). */
  misnumbered?: string;
}

const ORDINALS = "一二三四五六";

/**
 * CJK ideographs, and every character NFKC maps to ideographs (radicals, compatibility and
 * enclosed ideographs, all at U+2E80 or above, including the astral ones' surrogates).
 */
const MAY_BE_IDEOGRAPH = /[\u2e80-\uffff]/;
/** Every section wording is ideographs only, so a line with none of MAY_BE_IDEOGRAPH names no section. */
const KEYS_ARE_IDEOGRAPHS = SECTIONS.every((sec) => [...sec.keys, ...sec.strong].every((k) => /^[\u4e00-\u9fff]+$/.test(k)));

/** What a line says as a heading: its section, and the ordinal printed when it is not that section's. */
export interface HeadingMatch {
  id: string;
  printed: string | null;
  /** Whether the line starts with an ordinal ("二、"); unnumbered matches are only a fallback. */
  numbered: boolean;
}

/** A heading line: short, starts with an ordinal ("四、", "四.", "(四)"…) and names the section. */
function headingOf(line: string): HeadingMatch | null {
  return lineHeading(nfkc(line));
}

/**
 * Short lines recur from report to report (a table's labels and figures, one per line in some
 * forms), so their answers are kept; the cache is emptied when full. Longer lines are prose.
 */
const SHORT_LINE = 64;
const MAX_CACHED = 20_000;
const cache = new Map<string, HeadingMatch | null>();

/** headingOf, given nfkc(line). The result is shared: callers copy it, never change it. */
export function lineHeading(n: string): HeadingMatch | null {
  if (n.length > SHORT_LINE) return readHeading(n);
  let h = cache.get(n);
  if (h === undefined) {
    h = readHeading(n);
    if (h) Object.freeze(h);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(n, h);
  }
  return h;
}

function readHeading(n: string): HeadingMatch | null {
  // A heading may sit alone in a table row ("| 四、政府信息公开行政复议、行政诉讼情况 | | |").
  let cell: string;
  if (n.includes("|")) {
    const cells = n
      .split("|")
      .map((c) => c.trim())
      .filter(Boolean);
    if (cells.length !== 1) return null;
    cell = cells[0] as string;
  } else {
    cell = n.trim();
    if (cell === "") return null;
  }
  const s = cell
    .replace(/^[#>*\s]+/, "")
    .replace(/\*+/g, "")
    .trim();
  if (s.length === 0 || s.length > 60 || /[。；;]$/.test(s)) return null;
  // No character that is or normalises to an ideograph: the key can hold no section's wording (a figure, "|||").
  if (KEYS_ARE_IDEOGRAPHS && !MAY_BE_IDEOGRAPH.test(s)) return null;
  const m = /^([一二三四五六七八九十])\s*[、.,，:：]/.exec(s);
  const key = labelKey(s);
  for (const sec of SECTIONS) {
    if (m && m[1] !== sec.id) continue;
    if (!m && sec.id !== "二" && sec.id !== "三") continue;
    if (sec.keys.some((k) => key.includes(k))) return { id: sec.id, printed: null, numbered: m !== null };
  }
  if (!m) return null;
  // A wrong ordinal: accepted only on the section's specific wording.
  const sec = SECTIONS.find((x) => x.strong.some((k) => key.includes(k)));
  return sec ? { id: sec.id, printed: m[1] as string, numbered: true } : null;
}

/**
 * What each line says as a heading (null for most), from the lines' NFKC forms. A caller that has
 * them already (parse-report.ts normalises every line once) saves normalising each line again.
 */
export function lineHeadings(normalized: string[]): (HeadingMatch | null)[] {
  return normalized.map(lineHeading);
}

/** Heading lines close together (a table of contents listing the parts): not the sections themselves. */
function contentsLines(found: { line: number }[]): Set<number> {
  const out = new Set<number>();
  let start = 0;
  for (let i = 1; i <= found.length; i++) {
    const cur = found[i];
    const prev = found[i - 1] as { line: number };
    if (cur && cur.line - prev.line <= 1) continue;
    if (i - start >= 3) for (let k = start; k < i; k++) out.add((found[k] as { line: number }).line);
    start = i;
  }
  return out;
}

/**
 * Headings in document order, each section at most once and in ascending order. `matches` is
 * lineHeadings of the lines' NFKC forms, when the caller has it.
 */
export function findHeadings(lines: string[], matches: (HeadingMatch | null)[] = lines.map(headingOf)): Heading[] {
  const found: (HeadingMatch & { line: number; text: string })[] = [];
  for (let i = 0; i < matches.length; i++) {
    const h = matches[i];
    if (h) found.push({ ...h, line: i, text: (lines[i] as string).trim() });
  }
  const contents = contentsLines(found);
  // An unnumbered line naming a section ("（三）收到和处理政府信息公开申请情况", or a wrapped line of the
  // preamble listing the parts) stands in for a heading only where no numbered one names that section.
  const numbered = new Set(found.filter((h) => h.numbered && !contents.has(h.line)).map((h) => h.id));
  const out: Heading[] = [];
  let last = -1;
  for (const h of found) {
    const ord = ORDINALS.indexOf(h.id);
    if (contents.has(h.line) || ord <= last || (!h.numbered && numbered.has(h.id))) continue;
    out.push({ id: h.id, line: h.line, text: h.text, ...(h.printed ? { misnumbered: h.printed } : {}) });
    last = ord;
  }
  return out;
}
