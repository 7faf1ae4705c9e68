/**
 * Rows that arrived with cells missing (markdown from OCR drops cells; report-format.md §12
 * item 6). Which cells are missing is unknown, so every placement of the gaps is enumerated and
 * the caller keeps those the 勾稽 rules allow, exactly as for glued digit runs. A gap is null:
 * nothing was printed there.
 */

/** A possible reading of a row: a number per column, null where nothing was printed. */
export type Reading = (number | null)[];

/** At most this many cells may be missing from a row before it is left unread. */
export const MAX_GAPS = 2;

/** Every way to place `n - values.length` gaps among n columns, keeping the values' order. */
export function placeGaps(values: (number | null)[], n: number): Reading[] {
  const gaps = n - values.length;
  if (gaps < 0 || gaps > MAX_GAPS) return [];
  const out: Reading[] = [];
  const go = (col: number, used: number, acc: Reading) => {
    if (col === n) {
      if (used === values.length) out.push([...acc]);
      return;
    }
    const gapsLeft = gaps - (col - used);
    if (gapsLeft > 0) go(col + 1, used, [...acc, null]);
    if (used < values.length) go(col + 1, used + 1, [...acc, values[used] as number | null]);
  };
  go(0, 0, []);
  return out;
}

/** Zero for a gap or a blank: what the rules count it as (§6.6). */
export const zero = (v: number | null): number => v ?? 0;
