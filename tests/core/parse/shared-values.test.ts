import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/core/parse/parse-report.js";
import { find } from "../../helpers/pdf-fixtures.js";

/**
 * A 2019 table 二 as pdftotext's default mode prints it (one cell per line, blank lines between):
 * the （五） block's six values all follow the 行政许可 label, and the wrapped label
 * 其他对外管理 / 服务事项 comes after them. Invented figures.
 */
function dump(five: string[]): string {
  const cells = (xs: string[]) => xs.flatMap((x) => [x, ""]);
  return [
    "示例县公安局2019年政府信息公开工作年度报告",
    "一、总体情况",
    "本年度主动公开政府信息。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容",
    "",
    "本年新制作数量",
    "",
    "本年新公开数量",
    "",
    "对外公开总数量",
    "",
    "规章",
    "",
    ...cells(["0", "0", "0"]),
    "规范性文件",
    "",
    ...cells(["2", "2", "9"]),
    "第二十条第（五）项",
    "信息内容",
    "",
    "上一年项目数量",
    "",
    "本年增/减",
    "",
    "处理决定数量",
    "",
    "行政许可",
    "",
    ...cells(five),
    "其他对外管理",
    "服务事项",
    "第二十条第（六）项",
    "信息内容",
    "",
    "上一年项目数量",
    "",
    "本年增/减",
    "",
    "处理决定数量",
    "",
    "行政处罚",
    "",
    ...cells(["31", "0", "12"]),
    "行政强制",
    "",
    ...cells(["6", "0", "2"]),
    "三、收到和处理政府信息公开申请情况",
  ].join("\n");
}

describe("table-二 rows whose values all follow the first row's label", () => {
  it("are read where row and column order agree", () => {
    const r = parseReport({ text: dump(["27", "0", "0", "0", "0", "0"]), file: "x.txt" });
    expect(r.template).toBe("2019");
    expect(find(r.cells, "二", "（五）", "license", "prev_items")).toMatchObject({ state: "number", value: 27 });
    for (const col of ["prev_items", "change", "decisions"]) {
      const c = find(r.cells, "二", "（五）", "other_service", col);
      expect(c, col).toMatchObject({ state: "number", value: 0 });
      expect(c?.quote, col).toMatch(/^其他对外管理\n…\n/);
    }
    expect(find(r.cells, "二", "（六）", "penalty", "decisions")).toMatchObject({ value: 12 });
  });

  it("are ambiguous where the two orders give different figures", () => {
    const r = parseReport({ text: dump(["8", "2", "5", "3", "1", "4"]), file: "x.txt" });
    // Row order: 8 2 5 | 3 1 4; column order: 8 5 1 | 2 3 4.
    expect(find(r.cells, "二", "（五）", "license", "prev_items")).toMatchObject({ state: "number", value: 8 });
    expect(find(r.cells, "二", "（五）", "license", "change")).toMatchObject({ state: "ambiguous", candidates: [2, 5] });
    expect(find(r.cells, "二", "（五）", "license", "decisions")).toMatchObject({ state: "ambiguous", candidates: [1, 5] });
    expect(find(r.cells, "二", "（五）", "other_service", "prev_items")).toMatchObject({ state: "ambiguous", candidates: [2, 3] });
    expect(find(r.cells, "二", "（五）", "other_service", "decisions")).toMatchObject({ state: "number", value: 4 });
  });
});
