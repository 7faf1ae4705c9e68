/**
 * PDF → text lines rebuilt from glyph and ruling positions, with pdfjs-dist (legacy build, which
 * runs on Node 20; no worker thread). Text items and the page's thin rectangles and straight path
 * segments (table borders) are handed to pdf-grid.ts, which turns ruled tables into "| a | b |"
 * rows and the rest into lines.
 */

import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { pageLines, type Rule, type TextItem } from "../core/parse/pdf-grid.js";

type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function box(m: Matrix, pts: [number, number][]): Rule {
  const ps = pts.map(([x, y]) => apply(m, x, y));
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Rectangles and straight segments of the page's paths, in user space. */
function rulesOf(fnArray: number[], argsArray: unknown[]): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && Array.isArray(args[0])) {
      stack.push(ctm);
      ctm = mul(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args as [number[], number[]];
      let k = 0;
      let cur: [number, number] | null = null;
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, h] = coords.slice(k, k + 4) as [number, number, number, number];
          rules.push(
            box(ctm, [
              [x, y],
              [x + w, y + h],
            ]),
          );
          k += 4;
        } else if (op === OPS.moveTo) {
          cur = [coords[k] as number, coords[k + 1] as number];
          k += 2;
        } else if (op === OPS.lineTo) {
          const next: [number, number] = [coords[k] as number, coords[k + 1] as number];
          if (cur) rules.push(box(ctm, [cur, next]));
          cur = next;
          k += 2;
        } else if (op === OPS.curveTo) k += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
      }
    }
  });
  return rules;
}

/** Read a PDF's text as lines, page by page (tables as "| a | b | c |" rows). */
export async function pdfToLines(bytes: Uint8Array): Promise<string[]> {
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const out: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!("str" in it) || it.str === "") continue;
        const [a, b, , d, x, y] = it.transform as Matrix;
        items.push({ str: it.str, x, y, w: it.width, size: Math.hypot(a, b) || Math.abs(d) || 10 });
      }
      const ops = await page.getOperatorList();
      out.push(...pageLines(items, rulesOf(ops.fnArray, ops.argsArray)));
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
