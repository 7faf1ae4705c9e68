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

type Pt = [number, number];

function box(ps: Pt[]): Rule {
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The subpaths of one constructPath, in user space (curves end a subpath: they are never rules). */
function subpaths(ctm: Matrix, ops: number[], coords: number[]): Pt[][] {
  const out: Pt[][] = [];
  let cur: Pt[] = [];
  let k = 0;
  const at = (): Pt => apply(ctm, coords[k] as number, coords[k + 1] as number);
  const flush = () => {
    if (cur.length > 1) out.push(cur);
    cur = [];
  };
  for (const op of ops) {
    if (op === OPS.rectangle) {
      flush();
      const [x, y, w, h] = coords.slice(k, k + 4) as [number, number, number, number];
      out.push([apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h), apply(ctm, x, y)]);
      k += 4;
    } else if (op === OPS.moveTo) {
      flush();
      cur = [at()];
      k += 2;
    } else if (op === OPS.lineTo) {
      cur.push(at());
      k += 2;
    } else if (op === OPS.closePath) {
      if (cur.length > 0) cur.push(cur[0] as Pt);
    } else if (op === OPS.curveTo || op === OPS.curveTo2 || op === OPS.curveTo3) {
      k += op === OPS.curveTo ? 6 : 4;
      flush();
      cur = [apply(ctm, coords[k - 2] as number, coords[k - 1] as number)];
    }
  }
  flush();
  return out;
}

/**
 * Table borders of a page, in user space: a stroked path gives one rule per straight segment
 * (cell outlines drawn as "re S" or "m l S"); a filled path gives its bounding box, which
 * pdf-grid keeps only when it is thin (borders drawn as filled hairline rectangles).
 */
function rulesOf(fnArray: number[], argsArray: unknown[]): Rule[] {
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let pending: Pt[][] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && Array.isArray(args[0])) {
      stack.push(ctm);
      ctm = mul(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) pending.push(...subpaths(ctm, args[0] as number[], args[1] as number[]));
    else if (strokes.has(fn) || fills.has(fn) || fn === OPS.endPath) {
      for (const path of pending) {
        if (fills.has(fn)) rules.push(box(path));
        else if (strokes.has(fn)) for (let k = 1; k < path.length; k++) rules.push(box([path[k - 1] as Pt, path[k] as Pt]));
      }
      pending = [];
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
