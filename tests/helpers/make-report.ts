/**
 * Renders a small but complete report in the one-row-per-line form ("a | b | c") from figures,
 * for answer tests that need several bodies and years. Table 三 rows are derived so the 勾稽
 * rules hold unless `breakTotal` is set.
 */

import { blocksOf, type TemplateVersion } from "../../src/core/template.js";

export interface ReportSpec {
  title: string;
  version: TemplateVersion;
  published: string;
  /** Table 二 values by row id, in column order. */
  t2?: Record<string, (string | number)[]>;
  /** Table 三 per-row NP..OTH (six values); 总计 is their sum. Rows not given are zeros. */
  t3?: Record<string, number[]>;
  /** Table 四 fifteen values. */
  t4?: number[];
  prose?: string[];
  /** Print a （七）总计 that is one more than the sum of its rows in the 总计 column. */
  breakTotal?: boolean;
}

export function renderReport(spec: ReportSpec): string {
  const out: string[] = [
    spec.title,
    `发布日期：${spec.published}`,
    "一、总体情况",
    ...(spec.prose ?? ["本机关认真贯彻落实条例。"]),
    "二、主动公开政府信息情况",
  ];
  for (const b of blocksOf(spec.version, "二")) {
    out.push(`第二十条第${b.item}项`);
    out.push(["信息内容", ...b.columns.map((c) => c.label)].join(" | "));
    for (const r of b.rows) out.push([r.label, ...(spec.t2?.[r.id] ?? b.columns.map(() => 0))].join(" | "));
  }
  out.push("三、收到和处理政府信息公开申请情况");
  out.push("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况");
  out.push("自然人 | 法人或其他组织 | 总计");
  out.push("商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他");
  const t3 = blocksOf(spec.version, "三")[0];
  const rows = new Map<string, number[]>();
  for (const r of t3?.rows ?? []) rows.set(r.id, spec.t3?.[r.id] ?? [0, 0, 0, 0, 0, 0]);
  const results = (t3?.rows ?? []).filter((r) => !["new", "carried_in", "total", "carried_out"].includes(r.id));
  const total = [0, 1, 2, 3, 4, 5].map((i) => results.reduce((a, r) => a + (rows.get(r.id)?.[i] ?? 0), 0));
  rows.set("total", total);
  const newRow = rows.get("new") ?? [0, 0, 0, 0, 0, 0];
  const carriedIn = rows.get("carried_in") ?? [0, 0, 0, 0, 0, 0];
  rows.set(
    "carried_out",
    newRow.map((v, i) => v + (carriedIn[i] ?? 0) - (total[i] ?? 0)),
  );
  for (const r of t3?.rows ?? []) {
    const v = rows.get(r.id) ?? [];
    let sum = v.reduce((a, b) => a + b, 0);
    if (spec.breakTotal && r.id === "total") sum += 1;
    out.push([r.label, ...v, sum].join(" | "));
  }
  out.push("四、政府信息公开行政复议、行政诉讼情况");
  out.push("行政复议 | 行政诉讼");
  out.push("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉");
  out.push("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计");
  out.push((spec.t4 ?? new Array(15).fill(0)).join(" | "));
  out.push("五、存在的主要问题及改进情况", "一是公开内容还不够全面。", "六、其他需要报告的事项", "无。");
  return `${out.join("\n")}\n`;
}
