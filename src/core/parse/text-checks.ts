/**
 * Text versus tables (report-format.md §6.5): where the prose states a figure that a table also
 * holds (申请 received, carried over, 复议, 诉讼), compare them. A mismatch never changes either
 * figure; the table cell carries a warning that quotes the prose.
 */

import { type Cell, type CheckResult, cellKey, type Passage } from "../model.js";
import { type CellIndex, indexCells } from "./checks.js";

interface Pair {
  rule: string;
  /** Matches the prose figure; group 1 is the number. */
  re: RegExp;
  cells: (index: CellIndex) => Cell[];
  what: string;
}

const N = "(\\d+)\\s*(?:件|起|宗|个)";
const PAIRS: Pair[] = [
  {
    rule: "X-text-申请",
    re: new RegExp(`(?:本年度?|全年|共|累计)?(?:新收|收到|受理)(?:各类|依申请公开|政府信息公开)*申请(?:共|总计|合计)?${N}`),
    cells: (index) => [index.get("三", "", "new", "tot")].filter(Boolean) as Cell[],
    what: "表三“本年新收”总计",
  },
  {
    rule: "X-text-结转",
    re: new RegExp(`结转(?:到|至)?下(?:一)?年度?(?:继续办理)?(?:的申请)?${N}`),
    cells: (index) => [index.get("三", "", "carried_out", "tot")].filter(Boolean) as Cell[],
    what: "表三“结转下年度继续办理”总计",
  },
  {
    rule: "X-text-复议",
    re: new RegExp(`(?:发生|收到|涉及|被申请)?(?:政府信息公开(?:类)?)?行政复议(?:案件|申请)?(?:共)?${N}`),
    cells: (index) => [index.get("四", "", "review", "total")].filter(Boolean) as Cell[],
    what: "表四“行政复议”总计",
  },
];

/** `index` is indexCells(cells), when the caller has it already. */
export function textChecks(cells: Cell[], passages: Passage[], index: CellIndex = indexCells(cells)): CheckResult[] {
  const out: CheckResult[] = [];
  for (const pair of PAIRS) {
    const target = pair.cells(index);
    if (target.length === 0 || target.some((c) => c.state !== "number")) continue;
    const tableValue = target.reduce((a, c) => a + (c.value as number), 0);
    for (const p of passages) {
      const m = pair.re.exec(p.text);
      if (!m) continue;
      const prose = Number(m[1]);
      const ok = prose === tableValue;
      const detail = `正文第${p.line}行写“${m[0]}”，${pair.what}为${target.map((c) => c.raw).join("+")}`;
      out.push({ rule: pair.rule, severity: "soft", ok, detail, cells: target.map(cellKey) });
      if (!ok) for (const c of target) c.warnings.push(`报告自相矛盾：${detail}。本回答照录表格数字。`);
      break;
    }
  }
  return out;
}
