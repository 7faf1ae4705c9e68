/**
 * Glued table-二 rows settled by the report's own prose (report-format.md §6.5, text versus
 * tables). "行政规范性文件5416" admits 5 | 4 | 16, 5 | 41 | 6 and 54 | 1 | 6; when the prose says
 * "制定规范性文件5件" and "现行有效的规范性文件16件", only one reading agrees. A prose figure only
 * ever narrows the readings the template and the digits allow; a figure no reading has is
 * ignored (the table is not corrected from the prose), and each settled cell says which sentence
 * settled it.
 */

import type { ColumnDef } from "../template.js";
import { narrowRow, type RowReading } from "./row-cells.js";

/** One statement of a figure for a row and column: "制定规范性文件5件", "现行有效的规范性文件16件". */
interface Stated {
  value: number;
  sentence: string;
}

/** Words that name a column in prose (its label's keys and everyday words, 2+ characters, no bare measure words). */
function columnWords(c: ColumnDef): string[] {
  return [...new Set([...c.keys, ...c.words])].filter((w) => w.length >= 2 && !/^(?:多少|几|件数|总数|累计)/.test(w));
}

/** The sentence parts (between ，。；) of the lines that read as prose. */
function proseParts(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (!/[。；]/.test(l) || l.includes("|")) continue;
    for (const p of l.split(/[，,。；;]/)) if (p.length >= 4) out.push(p);
  }
  return out;
}

/** What the prose states for one row word and one column's words: a figure counted in 件 right after the row word. */
function stated(parts: string[], rowWords: string[], colWords: string[]): Stated[] {
  const out: Stated[] = [];
  for (const p of parts) {
    if (!colWords.some((w) => p.includes(w))) continue;
    for (const rw of rowWords) {
      const at = p.indexOf(rw);
      if (at < 0) continue;
      const m = /^(?:的|共|为|有|达)?\s*(\d+)\s*件/.exec(p.slice(at + rw.length));
      if (m) out.push({ value: Number(m[1]), sentence: p });
      break;
    }
  }
  return out;
}

/** Glued table-二 rows with several readings, narrowed by what the prose states for their columns. */
export function settleByProse(readings: RowReading[], lines: string[]): RowReading[] {
  const open = readings.filter((r) => r.block.table === "二" && r.source === "glued" && r.options && r.options.length > 1);
  if (open.length === 0) return readings;
  const parts = proseParts(lines);
  return readings.map((r) => {
    if (!open.includes(r)) return r;
    let options = r.options ?? [];
    const used: string[] = [];
    // The row as prose names it: its label and keys ("规范性文件" for 行政规范性文件 too).
    const rowWords = [...new Set([r.row.label, ...r.row.keys])].sort((a, b) => b.length - a.length);
    r.block.columns.forEach((col, i) => {
      for (const s of stated(parts, rowWords, columnWords(col))) {
        const kept = options.filter((o) => o[i] === s.value);
        if (kept.length > 0 && kept.length < options.length) {
          options = kept;
          used.push(s.sentence);
        }
      }
    });
    if (used.length === 0) return r;
    const narrowed = narrowRow(r, options);
    const why = `粘连数字按报告正文“${used.join("”“")}”确定读法`;
    for (const c of narrowed.cells) if (c.state !== "ambiguous") c.warnings.push(why);
    return narrowed;
  });
}
