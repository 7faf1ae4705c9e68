/** Which of the text forms of report-format.md §12 a file arrived in (for diagnostics). */

import type { TextForm } from "../model.js";

export function detectForm(lines: string[], wasHtml: boolean): TextForm {
  if (wasHtml) return "html";
  const pdf = pdftotextForm(lines);
  if (pdf) return pdf;
  let cellLines = 0;
  let rowLines = 0;
  let md = 0;
  let spaced = 0;
  let glued = 0;
  let bareNumbers = 0;
  for (const l of lines) {
    const s = l.trim();
    if (/^\|.*\|$/.test(s) && atLeast(s, "|", 3)) md++;
    else if (/^[^|]+ \|$/.test(s) || /^\|+$/.test(s)) cellLines++;
    else if (atLeast(s, " | ", 2) || atLeast(l, "\t", 2)) rowLines++;
    else if (/\S\s{2,}\d/.test(s)) spaced++;
    else if (/[\u4e00-\u9fff)）]\s?\d{4,}$/.test(s)) glued++;
    else if (/^[\d.\s/-]+$/.test(s) && s.length < 12) bareNumbers++;
  }
  const best = Math.max(cellLines, rowLines, md, spaced, glued);
  if (best === 0) return bareNumbers > 20 ? "pdf-columns" : "plain";
  if (best === md) return "markdown";
  if (best === cellLines) return "cell-per-line";
  if (best === rowLines) return "row-per-line";
  if (best === spaced) return "pdf-layout";
  return "glued";
}

/** Whether `s` holds `n` or more non-overlapping `part`s. */
function atLeast(s: string, part: string, n: number): boolean {
  let at = s.indexOf(part);
  for (let k = 1; k < n; k++) {
    if (at < 0) return false;
    at = s.indexOf(part, at + part.length);
  }
  return at >= 0;
}

/**
 * Text from pdftotext (it starts every page after the first with a form feed): values alone on
 * their lines mean the default mode's column dump; values after runs of spaces mean -layout;
 * values after single spaces mean -raw.
 */
function pdftotextForm(lines: string[]): TextForm | null {
  if (!lines.some((l) => l.includes("\f"))) return null;
  let lone = 0;
  let wide = 0;
  let narrow = 0;
  for (const l of lines) {
    if (/^\s*[+\-−]?\d[\d.,]*\s*$/.test(l)) lone++;
    else if (/\S {2,}[+\-−]?\d[\d.,]*\s*$/.test(l)) wide++;
    else if (/[^\s\d] [+\-−]?\d[\d.,]*( [+\-−]?\d[\d.,]*)+\s*$/.test(l)) narrow++;
  }
  if (lone > wide && lone > narrow) return "pdf-columns";
  return wide >= narrow ? "pdf-layout" : "pdf-raw";
}
