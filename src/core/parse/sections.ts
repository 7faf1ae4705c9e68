/** Finding the six section headings (report-format.md §7.1) and the table regions between them. */

import { SECTIONS } from "../template.js";
import { labelKey, nfkc } from "../text/normalize.js";

export interface Heading {
  id: string;
  line: number;
  text: string;
}

const ORDINALS = "一二三四五六";

/** A heading line: short, starts with its ordinal ("四、", "四.", "(四)"…) and names the section. */
function headingId(line: string): string | null {
  if (line.length > 120) return null; // a paragraph, not a heading (checked before the costly NFKC)
  const s = nfkc(line)
    .replace(/^[#>*\s]+/, "")
    .replace(/\*+/g, "")
    .trim();
  if (s.length === 0 || s.length > 60 || /[。；;]$/.test(s)) return null;
  const m = /^([一二三四五六])\s*[、.,，:：]/.exec(s);
  const key = labelKey(s);
  for (const sec of SECTIONS) {
    if (m && m[1] !== sec.id) continue;
    if (!m && sec.id !== "二" && sec.id !== "三") continue;
    if (sec.keys.some((k) => key.includes(k))) return sec.id;
  }
  return null;
}

/** Headings in document order, each section at most once and in ascending order. */
export function findHeadings(lines: string[]): Heading[] {
  const out: Heading[] = [];
  let last = -1;
  lines.forEach((l, i) => {
    const id = headingId(l);
    if (!id) return;
    const ord = ORDINALS.indexOf(id);
    if (ord <= last) return;
    out.push({ id, line: i, text: l.trim() });
    last = ord;
  });
  return out;
}
