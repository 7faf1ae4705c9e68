/**
 * Table 三's printed column layout. The national format has seven columns; some local
 * templates add a "法人或其他组织小计" column (report-format.md §3.1, §9 item 6). Where the
 * header shows one, its position is found here so the row reader can set it aside.
 */

import type { Token } from "./tokens.js";

export interface SubtotalColumn {
  /** 0-based position among the row's printed values. */
  index: number;
  /** The header as printed. */
  label: string;
}

/** The subtotal column the table-三 header announces, or null. Reads header labels only. */
export function subtotalColumn(tokens: Token[], range: [number, number]): SubtotalColumn | null {
  let seenGroup = false;
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "label") continue;
    if (t.key.includes("本年新收")) break;
    if (t.key.includes("小计") && t.key.length <= 12) {
      // After the five organisation columns (the usual place), or before them when the
      // header prints it ahead of the 法人或其他组织 group.
      return { index: seenGroup ? 6 : 1, label: t.text };
    }
    if (t.key.includes("法人或其他组织") || t.key.includes("商业企业")) seenGroup = true;
  }
  return null;
}

/**
 * Where an unannounced 法人或其他组织小计 sits in an eight-figure row: the position whose figure
 * is the sum of the five organisation columns and makes 总计 add up. null when none does.
 */
export function subtotalInRow(values: (number | null)[]): number | null {
  if (values.length !== 8 || values.some((v) => v === null)) return null;
  const v = values as number[];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // After the organisations: 自然人 | 5 orgs | 小计 | 总计.
  if (v[6] === sum(v.slice(1, 6)) && v[7] === (v[0] as number) + (v[6] as number)) return 6;
  // Before them: 自然人 | 小计 | 5 orgs | 总计.
  if (v[1] === sum(v.slice(2, 7)) && v[7] === (v[0] as number) + (v[1] as number)) return 1;
  return null;
}
