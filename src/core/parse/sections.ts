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

/** A heading line: short, starts with an ordinal ("四、", "四.", "(四)"…) and names the section. */
function headingOf(line: string): { id: string; printed: string | null } | null {
  const s = nfkc(line)
    .replace(/^[#>*\s]+/, "")
    .replace(/\*+/g, "")
    .trim();
  if (s.length === 0 || s.length > 60 || /[。；;]$/.test(s)) return null;
  const m = /^([一二三四五六七八九十])\s*[、.,，:：]/.exec(s);
  const key = labelKey(s);
  for (const sec of SECTIONS) {
    if (m && m[1] !== sec.id) continue;
    if (!m && sec.id !== "二" && sec.id !== "三") continue;
    if (sec.keys.some((k) => key.includes(k))) return { id: sec.id, printed: null };
  }
  if (!m) return null;
  // A wrong ordinal: accepted only on the section's specific wording.
  const sec = SECTIONS.find((x) => x.strong.some((k) => key.includes(k)));
  return sec ? { id: sec.id, printed: m[1] as string } : null;
}

/** Headings in document order, each section at most once and in ascending order. */
export function findHeadings(lines: string[]): Heading[] {
  const out: Heading[] = [];
  let last = -1;
  lines.forEach((l, i) => {
    const h = headingOf(l);
    if (!h) return;
    const ord = ORDINALS.indexOf(h.id);
    if (ord <= last) return;
    out.push({ id: h.id, line: i, text: l.trim(), ...(h.printed ? { misnumbered: h.printed } : {}) });
    last = ord;
  });
  return out;
}
