/**
 * Turns normalised source lines into a stream of cell tokens, whatever the text form:
 * one cell per line ("x |", "|" for an empty cell), one row per line ("a | b | c"),
 * markdown pipe rows, space-aligned PDF text, and labels glued to their digits
 * ("行政处罚1530212"). The table reader works on this stream only.
 */

import { labelKey, labelKeyOfNormalized } from "../text/normalize.js";
import { parseCell } from "./value.js";

export interface Token {
  kind: "label" | "value" | "empty";
  /** Text as printed (trimmed). */
  text: string;
  /** labelKey(text) for labels. */
  key: string;
  /** 0-based line index. */
  line: number;
  /** Number of pipes of a bare-pipe filler line ("|||" → 3); 0 otherwise. */
  pipes: number;
  /** True when the token came from a line with several cells (a whole row on one line). */
  inRow: boolean;
  /** True when cells on its line were separated by pipes (cell boundaries are reliable). */
  piped: boolean;
}

/**
 * Page headers/footers of a PDF: "- 3 -", "第3页 共5页", "3/5", converters' page markers
 * ("<!-- page 3 -->", "Page 3 of 5"). One pattern, so most lines are ruled out by their first character.
 */
const PAGE_FURNITURE =
  /^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|<!--.*-->|page\s*\d+(?:\s*(?:of|\/)\s*\d+)?)$/i;

/** Lines that are page headers/footers of a PDF, never table content. */
export function isPageFurniture(line: string): boolean {
  return PAGE_FURNITURE.test(line.trim());
}

/** How many times `ch` occurs in `s`. */
function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

const VALUE_PIECE = /^(?:[+\-−]?\d[\d.,]*(?:万元|元|%|件|项)?|\/|／|—+|–|－|无|(?:增加|新增|减少)\d+(?:\.\d+)?)$/;
const TRAILING_DIGITS = /[+\-−]?\d[\d.,+\-−]*$/;

// The lines are already NFKC (parse-report's textLine), and a token's text is a piece of one cut at
// spaces, pipes, tabs or digits, so its label key needs no second NFKC.
function token(kind: Token["kind"], text: string, line: number, inRow: boolean, pipes = 0, piped = pipes > 0): Token {
  return { kind, text, key: kind === "label" ? labelKeyOfNormalized(text) : "", line, pipes, inRow, piped };
}

/** Split one cell's text into a label and the values printed after it (or glued to it); `piped`: the cell was cut at pipes or tabs. */
export function splitCell(text: string, line: number, inRow: boolean, piped = false): Token[] {
  const out: Token[] = [];
  pushCell(out, text, line, inRow, piped);
  return out;
}

/** splitCell, onto the end of `out`. */
function pushCell(out: Token[], text: string, line: number, inRow: boolean, piped: boolean): void {
  const t = text.trim();
  if (t === "") {
    out.push(token("empty", "", line, inRow, 0, piped));
    return;
  }
  const pieces = WHITESPACE.test(t) ? t.split(/\s+/) : [t];
  // Figures separated by single spaces ("3 1 0 1 5") are several cells, not one number.
  if (pieces.length > 1 && pieces.every((p) => VALUE_PIECE.test(p))) {
    for (const p of pieces) out.push(token("value", p, line, true, 0, piped));
    return;
  }
  if (parseCell(t).state !== "text") {
    out.push(token("value", t, line, inRow, 0, piped));
    return;
  }
  let cut = pieces.length;
  while (cut > 0 && VALUE_PIECE.test(pieces[cut - 1] as string)) cut--;
  const values = pieces.slice(cut);
  if (cut === 0) {
    for (const v of values) out.push(token("value", v, line, true, 0, piped));
    return;
  }
  let label = cut === 1 ? (pieces[0] as string) : pieces.slice(0, cut).join(" ");
  // A label with its digits glued on: "行政处罚1530212", "行政事业性收费40-3".
  const glued = TRAILING_DIGITS.exec(label);
  if (glued && glued.index > 0 && !/[第(（]$/.test(label.slice(0, glued.index))) {
    const head = label.slice(0, glued.index);
    // Keep list numbering ("1.属于…") and ordinal labels intact: only split after a non-digit label body.
    if (/[\u4e00-\u9fff)）”"]$/.test(head)) {
      values.unshift(glued[0]);
      label = head;
    }
  }
  const several = inRow || values.length > 0;
  out.push(token("label", label, line, several, 0, piped));
  for (const v of values) out.push(token("value", v, line, several, 0, piped));
}

/** splitCell of each cell, in order. */
function splitCells(cells: string[], line: number, inRow: boolean, piped: boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < cells.length; i++) pushCell(out, cells[i] as string, line, inRow, piped);
  return out;
}

const WHITESPACE = /\s/;

/** Tokenise one normalised line. */
export function tokenizeLine(raw: string, line: number): Token[] {
  const s = raw.trim();
  if (s === "" || isPageFurniture(s)) return [];
  if (/^\|[\s|]*$/.test(s)) {
    // One cell per line: "|" is an empty cell; "||", "|||"… fill merged or header space.
    return count(s, "|") === 1 ? [token("empty", "", line, false, 1)] : [];
  }
  if (s.includes("|")) {
    let body = s;
    const pipes = count(s, "|");
    if (body.startsWith("|") && body.endsWith("|") && pipes >= 2) body = body.slice(1, -1);
    else if (body.endsWith("|")) body = body.slice(0, -1);
    if (/^[\s|:-]*$/.test(body) && body.includes("-")) return []; // markdown |---|---|
    const cells = body.split("|");
    const inRow = cells.length > 1;
    return splitCells(cells, line, inRow, true);
  }
  // Tab-separated cells (a web table copied as text): every tab is a cell boundary, empty cells included.
  if (raw.includes("\t")) {
    const cells = raw.replace(/^[ \u3000]+|[ \u3000\r]+$/g, "").split("\t");
    if (cells.length > 1) return splitCells(cells, line, true, true);
  }
  // Space-aligned text (pdftotext -layout/-raw): cells separated by runs of spaces.
  const cols = s.split(/\s{2,}|\t/);
  if (cols.length > 1) return splitCells(cols, line, true, false);
  return splitCell(s, line, false);
}

/**
 * One character on a line of its own: a piece of a label printed vertically ("（七）\n总\n计").
 * The piece must be a lone character (an ordinal "（三）"/"三、" is not, though its key is one
 * character) with no other cell on its line, and it only extends a vertical label: its ordinal, a
 * lone character, or pieces already joined. A row label on the line before ("2.其他法律行政法规禁止公开"
 * above "（三）   3.危及…   1   1") is a row of its own; joining would move it onto another row's line.
 */
function isVerticalPiece(t: Token, prev: Token | undefined, inRun: boolean): prev is Token {
  return (
    t.kind === "label" &&
    !t.inRow &&
    /^[\u4e00-\u9fff]$/.test(t.text) &&
    prev !== undefined &&
    prev.kind === "label" &&
    prev.line === t.line - 1 &&
    !prev.inRow &&
    (inRun || VERTICAL_HEAD.test(prev.text))
  );
}

/** What a vertical label starts with: its ordinal ("（七）", "三、") or its first character. */
const VERTICAL_HEAD = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[\u4e00-\u9fff])$/;

/**
 * Tokenise every line. A label printed one character per line is joined back into one label
 * (on the line of its last character, where its row's cells follow). `emptyIsCell` says which
 * empty lines stand for empty cells (bare-CR cell-per-line text).
 */
export function tokenize(lines: string[], emptyIsCell?: (line: number) => boolean): Token[] {
  const out: Token[] = [];
  let inRun = false; // the last token is a vertical label being joined
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    // Text written one cell per line with bare CR breaks (report-format.md §12 item 9): inside a
    // table an empty line is an empty cell, as "|" is in the page-text form.
    if (emptyIsCell && raw.trim() === "" && emptyIsCell(i)) {
      out.push(token("empty", "", i, false, 1));
      inRun = false;
      continue;
    }
    const line = tokenizeLine(raw, i);
    for (let k = 0; k < line.length; k++) {
      const t = line[k] as Token;
      const prev = out[out.length - 1];
      inRun = isVerticalPiece(t, prev, inRun);
      if (inRun) {
        const text = (prev as Token).text + t.text;
        out[out.length - 1] = { ...t, text, key: labelKey(text) };
      } else out.push(t);
    }
  }
  return out;
}
