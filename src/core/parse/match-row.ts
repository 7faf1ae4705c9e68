/**
 * Which template row a printed label names: the row whose keyword is the longest one the label
 * contains. Its own file so the readers that need it (tables, column dumps, short rows, wrapped
 * labels) import it without importing each other.
 */

import type { BlockDef, RowDef } from "../template.js";

export const MAX_LABEL_KEY = 64;

export interface Match {
  row: RowDef;
  block: BlockDef;
  len: number;
}

/**
 * Each block's answer for a label key, kept: the same labels are looked up in the same blocks over
 * and over (every report prints the template's labels). Emptied when full.
 */
const inBlock = new WeakMap<BlockDef, Map<string, Match | null>>();
const MAX_CACHED = 5_000;

/** The row of one block whose keyword is the longest one the key contains (the first such). */
function matchInBlock(key: string, block: BlockDef): Match | null {
  let seen = inBlock.get(block);
  if (!seen) {
    seen = new Map();
    inBlock.set(block, seen);
  }
  let best = seen.get(key);
  if (best !== undefined) return best;
  best = null;
  for (const row of block.rows) {
    for (const k of row.keys) {
      if (k.length > (best?.len ?? 0) && key.includes(k)) best = { row, block, len: k.length };
    }
  }
  if (seen.size >= MAX_CACHED) seen.clear();
  seen.set(key, best && Object.freeze(best));
  return best;
}

/**
 * The template row a printed label names: the row whose keyword is the longest one it contains
 * (the first block's, the first row's, when several are as long). The result is shared: never change it.
 */
export function matchRow(key: string, blocks: BlockDef[]): Match | null {
  if (key.length === 0 || key.length > MAX_LABEL_KEY) return null;
  let best: Match | null = null;
  for (const block of blocks) {
    const m = matchInBlock(key, block);
    if (m && m.len > (best?.len ?? 0)) best = m;
  }
  if (!best && blocks.some((b) => b.table === "三") && (key === "总计" || key === "合计" || key === "七总计")) {
    const block = blocks.find((b) => b.table === "三") as BlockDef;
    const row = block.rows.find((r) => r.id === "total") as RowDef;
    return { row, block, len: 2 };
  }
  return best;
}
