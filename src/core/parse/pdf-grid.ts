/**
 * A PDF page's positioned text and ruling lines → text lines the token reader already knows. Ruled
 * tables are rebuilt as a lattice: the horizontal rules cut the page into bands, the vertical rules
 * crossing a band cut it into slots, and a slot with a rule along its top starts a cell that runs
 * down to the next rule below it (so a rowspan cell appears once, in its first row, as in HTML).
 * Each table row becomes "| a | b | c |" with empty cells kept; a cell's wrapped or vertical text
 * is joined. Text outside the tables is grouped into lines by baseline, wide gaps kept as two
 * spaces so space-aligned columns of a table without rules still read as columns. Pure: the PDF
 * library that supplies items and rules lives in src/adapters/pdfjs-text.ts.
 */

export interface TextItem {
  str: string;
  /** Baseline origin in PDF user space (y grows upwards). */
  x: number;
  y: number;
  /** Advance width and font size in user space. */
  w: number;
  size: number;
}

/** A thin filled rectangle or a stroked segment, normalised so x0 ≤ x1 and y0 ≤ y1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const EPS = 1.5;
const MAX_THICK = 3;

interface Seg {
  at: number;
  from: number;
  to: number;
}

function segments(rules: Rule[]): { h: Seg[]; v: Seg[] } {
  const h: Seg[] = [];
  const v: Seg[] = [];
  for (const r of rules) {
    const w = r.x1 - r.x0;
    const t = r.y1 - r.y0;
    if (t <= MAX_THICK && w > t) h.push({ at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
    else if (w <= MAX_THICK && t > w) v.push({ at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
  }
  return { h, v };
}

/** Distinct positions, merging those closer than EPS. */
function levels(xs: number[]): number[] {
  const out: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) if (out.length === 0 || x - (out[out.length - 1] as number) > EPS) out.push(x);
  return out;
}

const covers = (s: Seg, at: number, p: number) => Math.abs(s.at - at) <= EPS && s.from - EPS <= p && p <= s.to + EPS;
const isAscii = (c: string | undefined) => c !== undefined && /[A-Za-z0-9.,%+-]/.test(c);

/** Join items on one line in x order: nothing between CJK, a space between words, two for a wide gap. */
function joinLine(items: TextItem[]): string {
  let out = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    const gap = it.x - end;
    if (out !== "" && gap > it.size * 1.5) out += "  ";
    else if (out !== "" && gap > it.size * 0.2 && isAscii(out[out.length - 1]) && isAscii(it.str[0])) out += " ";
    out += it.str;
    end = it.x + it.w;
  }
  return out;
}

/** Items grouped into lines by baseline, top line first. */
function byLines(items: TextItem[]): { y: number; items: TextItem[] }[] {
  const lines: { y: number; items: TextItem[] }[] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const l = lines.find((x) => Math.abs(x.y - it.y) <= it.size * 0.4);
    if (l) l.items.push(it);
    else lines.push({ y: it.y, items: [it] });
  }
  return lines.sort((a, b) => b.y - a.y);
}

/** Lines of one page, top to bottom. */
export function pageLines(all: TextItem[], rules: Rule[]): string[] {
  const items = all.filter((i) => i.str.trim() !== "").map((i) => ({ ...i, str: i.str.replace(/\s+/g, " ") }));
  const { h, v } = segments(rules);
  const ys = levels(h.map((s) => s.at)).reverse();
  const out: { y: number; text: string }[] = [];
  const used = new Set<TextItem>();
  for (let b = 0; b + 1 < ys.length; b++) {
    const top = ys[b] as number;
    const mid = (top + (ys[b + 1] as number)) / 2;
    const xs = levels(v.filter((s) => s.from - EPS <= mid && mid <= s.to + EPS).map((s) => s.at));
    const cells: string[] = [];
    for (let k = 0; k + 1 < xs.length; k++) {
      const [l, r] = [xs[k] as number, xs[k + 1] as number];
      const cx = (l + r) / 2;
      if (!h.some((s) => covers(s, top, cx))) continue; // continues a cell from the band above
      const bottom = ys.slice(b + 1).find((y) => h.some((s) => covers(s, y, cx)));
      if (bottom === undefined) continue;
      const inside = items.filter((it) => {
        // The first glyph decides: text overflowing a narrow column still starts inside its own cell.
        const x = it.x + Math.min(it.w, it.size) / 2;
        const y = it.y + it.size * 0.35;
        return !used.has(it) && x > l && x < r && y < top && y > bottom;
      });
      for (const it of inside) used.add(it);
      cells.push(
        byLines(inside)
          .map((ln) => joinLine(ln.items))
          .join("")
          .replace(/\|/g, "｜")
          .trim(),
      );
    }
    if (cells.length > 1 || (cells.length === 1 && cells[0] !== "")) out.push({ y: top, text: `| ${cells.join(" | ")} |` });
  }
  for (const ln of byLines(items.filter((i) => !used.has(i)))) out.push({ y: ln.y, text: joinLine(ln.items) });
  return out.sort((a, b) => b.y - a.y).map((l) => l.text);
}
