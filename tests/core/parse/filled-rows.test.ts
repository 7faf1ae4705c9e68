/** Glued table-二 rows are read complete only on the report's own evidence that it prints every cell. */

import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/core/parse/parse-report.js";

const report = (rules: string) =>
  [
    "某某县市场监督管理局2021年政府信息公开工作年度报告",
    "二、主动公开政府信息情况",
    "第二十条第(一)项",
    "信息内容本年制发件数本年废止件数现行有效件数",
    rules,
    "行政规范性文件417",
    "三、收到和处理政府信息公开申请情况",
  ].join("\n");

const normative = (text: string) => parseReport({ text, file: "x.txt" }).cells.filter((c) => c.table === "二" && c.rowId === "normative");

describe("glued table-二 rows", () => {
  it("a report that prints 规章000 prints every cell: 417 is 4 | 1 | 7, and the reading says why", () => {
    const cells = normative(report("规章000"));
    expect(cells.map((c) => c.value)).toEqual([4, 1, 7]);
    expect(cells[0]?.warnings.join()).toContain("每格都印有数字");
  });

  it("without that evidence the same run stays ambiguous (41 | 7 | blank is as possible)", () => {
    const cells = normative(report("规章"));
    expect(cells.every((c) => c.state === "ambiguous")).toBe(true);
    expect(cells[0]?.candidates).toEqual([4, 41, 417]);
  });
});

describe("glued table-二 rows settled by the prose", () => {
  const text = (prose: string) =>
    [
      "某某县行政审批局2023年政府信息公开工作年度报告",
      `一、总体情况2023年，我局${prose}。`,
      "二、主动公开政府信息情况",
      "第二十条第(一)项",
      "信息内容本年制发件数本年废止件数现行有效件数",
      "规章",
      "行政规范性文件5416",
      "三、收到和处理政府信息公开申请情况",
    ].join("\n");

  it("the prose's 制定…5件 and 现行有效的…16件 leave one reading, and the cells say which sentence", () => {
    const cells = normative(text("制定规范性文件5件，现行有效的规范性文件16件"));
    expect(cells.map((c) => c.value)).toEqual([5, 4, 16]);
    expect(cells[0]?.warnings.join()).toContain("按报告正文");
  });

  it("a prose figure no reading has changes nothing, and 条 of information is not 件 of documents", () => {
    expect(normative(text("制定规范性文件9件")).every((c) => c.state === "ambiguous")).toBe(true);
    expect(normative(text("公开规范性文件类信息5条")).every((c) => c.state === "ambiguous")).toBe(true);
  });
});

describe("table-三 rows printed with a cell short", () => {
  // A report that prints zeros elsewhere may still leave a cell blank (a real report's 新收 row printed
  // six of seven cells: its 商业企业 cell is blank on the page), so a missing cell is never filled in.
  it("stay ambiguous even in a report that prints 0 in every other cell", () => {
    const text = [
      "某某县行政审批局2021年政府信息公开工作年度报告",
      "三、收到和处理政府信息公开申请情况",
      "申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他",
      "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0",
      "（一）予以公开 0 0 0 0 0 0",
      "四、政府信息公开行政复议、行政诉讼情况",
    ].join("\n");
    const cells = parseReport({ text, file: "x.txt" }).cells.filter((c) => c.rowId === "granted");
    expect(cells.some((c) => c.state === "ambiguous")).toBe(true);
  });
});
