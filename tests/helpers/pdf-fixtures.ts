/** The PDF fixtures (tests/fixtures/pdf) and the figures they print, in template order. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cell } from "../../src/core/model.js";
import { blocksOf, type TemplateVersion } from "../../src/core/template.js";
import { ROOT } from "./seed-index.js";

export const PDF_DIR = join(ROOT, "tests/fixtures/pdf");

export interface Expected {
  version: TemplateVersion;
  二: string[][];
  三: string[][];
  四: string[];
}

export function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(PDF_DIR, `${name}.expected.json`), "utf8")) as Expected;
}

/** Expected cells in template order: [table, item, rowId, colId, raw, whether the row has a blank cell]. */
export function expectedCells(e: Expected): [string, string | null, string, string, string, boolean][] {
  const out: [string, string | null, string, string, string, boolean][] = [];
  const t2 = blocksOf(e.version, "二").flatMap((b) => b.rows.map((r) => ({ b, r })));
  t2.forEach(({ b, r }, i) => {
    const vals = e.二[i] as string[];
    b.columns.forEach((c, j) => {
      out.push(["二", b.item, r.id, c.id, vals[j] as string, vals.includes("")]);
    });
  });
  const b3 = blocksOf(e.version, "三")[0];
  b3?.rows.forEach((r, i) => {
    b3.columns.forEach((c, j) => {
      out.push(["三", null, r.id, c.id, (e.三[i] as string[])[j] as string, false]);
    });
  });
  const b4 = blocksOf(e.version, "四")[0];
  b4?.rows.forEach((r, g) => {
    b4.columns.forEach((c, j) => {
      out.push(["四", null, r.id, c.id, e.四[g * 5 + j] as string, false]);
    });
  });
  return out;
}

export const find = (cells: Cell[], t: string, item: string | null, row: string, col: string) =>
  cells.find((c) => c.table === t && c.item === item && c.rowId === row && c.colId === col);
