import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/core/parse/parse-report.js";
import { blocksOf } from "../../../src/core/template.js";
import { find } from "../../helpers/pdf-fixtures.js";

/**
 * Invented table-三 figures (2021 template) that satisfy T3-1…T3-3: 新收 5/1/0/0/0/0/6, 上年结转
 * 1/0/…/1, 予以公开 3/1/0/0/0/0/4, 部分公开 1/0/…/1, （六）3.其他 1/0/…/1, 总计 5/1/0/0/0/0/6,
 * 结转下年 1/0/…/1; every other row zero.
 */
const FIGURES: Record<string, string[]> = {
  new: ["5", "1", "0", "0", "0", "0", "6"],
  carried_in: ["1", "0", "0", "0", "0", "0", "1"],
  granted: ["3", "1", "0", "0", "0", "0", "4"],
  partial: ["1", "0", "0", "0", "0", "0", "1"],
  other: ["1", "0", "0", "0", "0", "0", "1"],
  total: ["5", "1", "0", "0", "0", "0", "6"],
  carried_out: ["1", "0", "0", "0", "0", "0", "1"],
};
const ZERO = ["0", "0", "0", "0", "0", "0", "0"];

/**
 * The table as pdftotext's default mode prints it from a PDF whose 总计 column is its own text
 * block: one cell per line with blank lines between, the 总计 cells of rows 一 and 二 after a bare
 * "总计" header below row 二, and the 总计 cell of "2.申请人逾期未按收费通知…" right after the next
 * row's label "3.其他", before the vertical stub fragments. `late` overrides those late values.
 */
function columnDump(late: { new?: string; carried_in?: string; no_fee?: string } = {}): string {
  const block = blocksOf("2021", "三")[0];
  if (!block) throw new Error("no table 三");
  const out = [
    "示例区住房和建设局2025年政府信息公开工作年度报告",
    "一、总体情况",
    "本年度依法办理政府信息公开申请。",
    "三、收到和处理政府信息公开申请情况",
    "申请人情况",
    "",
    "法人或其他组织",
    "自然人 商业 科研",
    "企业 机构",
    "",
    "社会公益 法律服务机",
    "其他",
    "组织",
    "构",
    "",
  ];
  const cells = (xs: string[]) => xs.flatMap((x) => [x, ""]);
  for (const row of block.rows) {
    const v = FIGURES[row.id] ?? ZERO;
    out.push(row.label, "");
    if (row.id === "new" || row.id === "no_fee") out.push(...cells(v.slice(0, 6)));
    else if (row.id === "carried_in") {
      out.push(...cells(v.slice(0, 6)), "总计", "");
      out.push(...cells([late.new ?? (FIGURES.new?.[6] as string), late.carried_in ?? (v[6] as string)]));
    } else if (row.id === "other") {
      out.push(...cells([late.no_fee ?? "0"]), "（三）不", "予公开", "", "（四）无", "法提供", "");
      out.push(...cells(v));
    } else out.push(...cells(v));
  }
  out.push("四、政府信息公开行政复议、行政诉讼情况", "行政复议", "", "行政诉讼", "");
  out.push(...cells(Array.from({ length: 15 }, () => "0")));
  out.push("五、存在的主要问题及改进情况", "无。");
  return out.join("\n");
}

describe("a column dump with some rows' 总计 cell printed late", () => {
  it("gives each short row the late value the 勾稽 rules place, and says so", () => {
    const r = parseReport({ text: columnDump(), file: "x.txt" });
    expect(r.form).toBe("pdf-columns");
    const t3 = r.cells.filter((c) => c.table === "三");
    expect(t3).toHaveLength(175);
    expect(t3.filter((c) => c.state !== "number")).toEqual([]);
    for (const [row, want] of Object.entries(FIGURES))
      expect(
        ["np", "com", "res", "ngo", "law", "oth", "tot"].map((col) => find(r.cells, "三", null, row, col)?.raw),
        row,
      ).toEqual(want);
    const late = find(r.cells, "三", null, "new", "tot");
    expect(late?.warnings.join()).toContain("印在别处");
    expect(late?.quote).toMatch(/^一、本年新收政府信息公开申请数量\n5\n1\n/);
    expect(find(r.cells, "三", null, "granted", "tot")?.warnings.join()).not.toContain("印在别处");
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it("reads no figure for the short rows when no placement satisfies the rules", () => {
    // 新收's late 总计 printed as 7, which no column of 5/1/0/0/0/0 can take under T3-1.
    const r = parseReport({ text: columnDump({ new: "7" }), file: "x.txt" });
    for (const col of ["np", "com", "tot"]) {
      const c = find(r.cells, "三", null, "new", col);
      expect(c?.state === "number" && c.warnings.join().includes("印在别处"), col).toBe(false);
    }
    expect(find(r.cells, "三", null, "new", "tot")).toMatchObject({ state: "ambiguous", value: null });
  });
});
