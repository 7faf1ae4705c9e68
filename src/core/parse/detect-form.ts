/** Which of the text forms of report-format.md §12 a file arrived in (for diagnostics). */

import type { TextForm } from "../model.js";

export function detectForm(lines: string[], wasHtml: boolean): TextForm {
  if (wasHtml) return "html";
  let cellLines = 0;
  let rowLines = 0;
  let md = 0;
  let spaced = 0;
  let glued = 0;
  let bareNumbers = 0;
  for (const l of lines) {
    const s = l.trim();
    if (/^\|.*\|$/.test(s) && (s.match(/\|/g) ?? []).length >= 3) md++;
    else if (/^[^|]+ \|$/.test(s) || /^\|+$/.test(s)) cellLines++;
    else if ((s.match(/ \| /g) ?? []).length >= 2 || (l.match(/\t/g) ?? []).length >= 2) rowLines++;
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
