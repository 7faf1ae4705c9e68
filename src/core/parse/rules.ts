/**
 * The 勾稽 rules of report-format.md §6, once, as data over the template's ids and one evaluator
 * each. The checks (checks.ts) run them on a report's cells; every reader that must choose among
 * readings (glued digit runs, cells missing from a row, PDF column dumps, totals printed late) runs
 * them on candidate row vectors. On vectors a blank (null) counts as 0, as §6.6 allows when the
 * table has other figures; the checks apply that condition themselves.
 */

/** Table 三's applicant columns, in template order; 总计 is their sum (T3-3). */
export const T3_APPLICANTS = ["np", "com", "res", "ngo", "law", "oth"] as const;
/** Table 三's total column. */
export const T3_TOTAL = "tot";
/** Table 三's columns in template order (the applicants, then 总计). */
export const T3_COLUMNS: readonly string[] = [...T3_APPLICANTS, T3_TOTAL];
/** T3-1, per column: 一 本年新收 + 二 上年结转 = （七）总计 + 四 结转下年度. */
export const T3_1 = { left: ["new", "carried_in"], right: ["total", "carried_out"] } as const;
/** Table 三's rows that are not 办理结果 (T3-2 sums every other row to （七）总计). */
export const T3_TOP_ROWS: readonly string[] = [...T3_1.left, ...T3_1.right];
/** T3-2, per column: the 办理结果 rows add up to （七）总计. */
export const T3_2_TOTAL = "total";
/** Table 四's groups and, per group, the results that add up to its 总计 (T4-1). */
export const T4_GROUPS = ["review", "suit_direct", "suit_after"] as const;
export const T4_RESULTS = ["upheld", "corrected", "other", "pending"] as const;
export const T4_TOTAL = "total";
/** Cells per table-四 group (four results and 总计), in template order. */
export const T4_GROUP_WIDTH = T4_RESULTS.length + 1;

/** A row vector in template column order; null where nothing was printed. */
export type Vector = readonly (number | null)[];

const z = (v: number | null | undefined): number => v ?? 0;

/** T3-3 on one table-三 row vector: the six applicant columns add up to 总计. */
export function applicantsSumToTotal(v: Vector): boolean {
  let s = 0;
  for (let i = 0; i < T3_APPLICANTS.length; i++) s += z(v[i]);
  return s === z(v[T3_APPLICANTS.length]);
}

/** T4-1 on table 四's cells in template order (one group or all three): each complete group's results add up to its 总计. */
export function groupsSumToTotal(v: Vector): boolean {
  for (let g = 0; g + T4_GROUP_WIDTH <= v.length; g += T4_GROUP_WIDTH) {
    let s = 0;
    for (let i = 0; i < T4_RESULTS.length; i++) s += z(v[g + i]);
    if (s !== z(v[g + T4_RESULTS.length])) return false;
  }
  return true;
}

/**
 * T3-1 and T3-2 on table-三 row vectors by row id, column by column. A rule whose rows are not all
 * there is not checked; T3-2 sums the given result rows, and only when every one of them is there.
 */
export function columnsHold(rows: ReadonlyMap<string, Vector>, resultIds: readonly string[]): boolean {
  const a = rows.get(T3_1.left[0]);
  const b = rows.get(T3_1.left[1]);
  const t = rows.get(T3_1.right[0]);
  const d = rows.get(T3_1.right[1]);
  const results = resultIds.every((id) => rows.has(id)) ? resultIds.map((id) => rows.get(id) as Vector) : null;
  for (let c = 0; c < T3_COLUMNS.length; c++) {
    if (a && b && t && d && z(a[c]) + z(b[c]) !== z(t[c]) + z(d[c])) return false;
    if (t && results) {
      let s = 0;
      for (const r of results) s += z(r[c]);
      if (s !== z(t[c])) return false;
    }
  }
  return true;
}

/** §6.3 (SOFT, used as plausibility on 2019 rows): 上一年项目数量 + 本年增/减 ≥ 0. */
export function itemsStayNonNegative(prevItems: number | null, change: number | null): boolean {
  return z(prevItems) + z(change) >= 0;
}
