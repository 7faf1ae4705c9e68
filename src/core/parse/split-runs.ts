/**
 * Splitting a run of glued digits ("1530212", "410 000041", "40-3") into a row's cells
 * (report-format.md §12 item 4). Every split is enumerated; the caller keeps those that
 * satisfy the arithmetic rules. Parts have no leading zeros ("0" alone is fine) and a
 * minus sign may only start a part of a signed column.
 */

import { applicantsSumToTotal, groupsSumToTotal, T3_COLUMNS, T4_GROUP_WIDTH, T4_GROUPS } from "./rules.js";

/** Upper bound on splits enumerated for one run; beyond it the run is left unread. */
export const MAX_SPLITS = 200_000;

export interface SplitOptions {
  /** Which parts may carry a sign (2019 本年增/减). */
  signed?: boolean[];
  /** Keep only splits where this holds (checked on complete splits). */
  accept?: (parts: number[]) => boolean;
  /** Prune: called with the first k parts; return false to abandon the branch. */
  prefixOk?: (parts: number[]) => boolean;
}

/** Digits and signs of a run, with spaces, commas and "+" removed. */
export function runText(raws: string[]): string {
  return raws
    .join("")
    .normalize("NFKC")
    .replace(/[\s,+]/g, "")
    .replace(/−/g, "-");
}

/** True when the text is a run this module can split. */
export function isRun(s: string): boolean {
  return /^-?\d+(?:-?\d+)*$/.test(s);
}

/**
 * All ways to cut `run` into `n` integers. Returns null when the enumeration would exceed
 * MAX_SPLITS (the caller then treats the row as unreadable rather than guessing).
 */
export function splitRun(run: string, n: number, opts: SplitOptions = {}): number[][] | null {
  if (!isRun(run) || n < 1) return [];
  const out: number[][] = [];
  let visited = 0;
  const parts: number[] = [];
  const go = (pos: number): boolean => {
    if (++visited > MAX_SPLITS) return false;
    const k = parts.length;
    if (k === n) {
      if (pos === run.length && (!opts.accept || opts.accept(parts))) out.push([...parts]);
      return true;
    }
    const left = n - k;
    let start = pos;
    let sign = 1;
    if (run[pos] === "-") {
      if (!opts.signed?.[k]) return true;
      sign = -1;
      start = pos + 1;
    }
    if (start >= run.length || !/\d/.test(run[start] as string)) return true;
    // Remaining digits must leave at least one digit per remaining part.
    const maxLen = run.length - start - (left - 1);
    for (let len = 1; len <= maxLen; len++) {
      const digits = run.slice(start, start + len);
      if (!/^\d+$/.test(digits)) break;
      if (len > 1 && digits[0] === "0") break;
      parts.push(sign * Number(digits));
      const ok = !opts.prefixOk || opts.prefixOk(parts);
      const cont = ok ? go(start + len) : true;
      parts.pop();
      if (!cont) return false;
    }
    return true;
  };
  return go(0) ? out : null;
}

/** Splits of a table-三 row: six applicant columns, then 总计 equal to their sum (T3-3). */
export function splitTable3Row(run: string): number[][] | null {
  return splitRun(run, T3_COLUMNS.length, { accept: applicantsSumToTotal });
}

/** Splits of table 四's fifteen cells: three groups, each 总计 = the four results before it (T4-1). */
export function splitTable4(run: string): number[][] | null {
  return splitRun(run, T4_GROUPS.length * T4_GROUP_WIDTH, { prefixOk: groupsSumToTotal, accept: groupsSumToTotal });
}
