import { describe, expect, it } from "vitest";
import { splitTable3Row } from "../../../src/core/parse/split-runs.js";
import { cellAt, expectQuotesHoldFigures, failed, parseFixture, parseText, rowValues } from "../../helpers/forms.js";

const T2_2019 = (rows: string[]) =>
  [
    "某县2019年政府信息公开工作年度报告",
    "二、主动公开政府信息情况",
    "第二十条第(六)项",
    "信息内容 上一年项目数量 本年增/减 处理决定数量",
    ...rows,
  ].join("\n");

describe("glued table 二 rows (2019, three columns, no rule to choose a split)", () => {
  it("leaves 行政处罚1530212 ambiguous with its candidates, never a guess", () => {
    const r = parseText(T2_2019(["行政处罚1530212", "行政强制70 0 5"]));
    for (const col of ["prev_items", "change", "decisions"]) {
      const c = cellAt(r, "二", "penalty", col);
      expect(c.state).toBe("ambiguous");
      expect(c.value).toBeNull();
      expect(c.raw).toBe("行政处罚1530212");
    }
    expect(cellAt(r, "二", "penalty", "prev_items").candidates).toEqual(expect.arrayContaining([1, 15, 153, 1530]));
    expect(cellAt(r, "二", "penalty", "decisions").candidates).toEqual(expect.arrayContaining([2, 12, 212]));
    expect(rowValues(r, "二", "coercion")).toEqual([70, 0, 5]);
  });

  it("splits a glued minus sign into the signed 本年增/减 column", () => {
    const r = parseText(
      [
        "某县2019年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第(八)项",
        "信息内容上一年项目数量本年增/减",
        "行政事业性收费40-3",
      ].join("\n"),
    );
    expect(cellAt(r, "二", "fees", "prev_items")).toMatchObject({ value: 40, state: "number", decidedBy: "rules" });
    expect(cellAt(r, "二", "fees", "change")).toMatchObject({ value: -3, raw: "-3", state: "number" });
  });

  it("counts a possibly blank last cell among the readings (70-20 is 70|-2|0 or 70|-20|blank)", () => {
    const r = parseText(T2_2019(["行政强制70-20"]));
    expect(cellAt(r, "二", "coercion", "prev_items").value).toBe(70);
    expect(cellAt(r, "二", "coercion", "change")).toMatchObject({ state: "ambiguous", candidates: [-20, -2] });
    expect(cellAt(r, "二", "coercion", "decisions").state).toBe("ambiguous");
  });
});

describe("glued table 三 and 四 rows", () => {
  it("reads a row with stray spaces inside the run when only one split adds up (T3-3)", () => {
    const r = parseText(["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量410 000041"].join("\n"));
    expect(rowValues(r, "三", "new")).toEqual([41, 0, 0, 0, 0, 0, 41]);
    expect(cellAt(r, "三", "new", "tot")).toMatchObject({ decidedBy: "rules", quote: "一、本年新收政府信息公开申请数量410 000041" });
  });

  it("reads table 四 printed as one 15-digit run when T4-1 leaves one split", () => {
    const r = parseText(["四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼", "310152010300011"].join("\n"));
    expect(rowValues(r, "四", "review")).toEqual([3, 1, 0, 1, 5]);
    expect(rowValues(r, "四", "suit_direct")).toEqual([2, 0, 1, 0, 3]);
    expect(rowValues(r, "四", "suit_after")).toEqual([0, 0, 0, 1, 1]);
    expect(cellAt(r, "四", "review", "total").decidedBy).toBe("rules");
  });
});

describe("a whole table 三 glued, settled by the rules across rows (2021)", () => {
  const r = parseFixture("glued-2021-settled-by-rules.txt");

  it("has rows that T3-3 alone cannot settle", () => {
    expect(splitTable3Row("182001021")).toHaveLength(2);
    expect(splitTable3Row("424102049")).toHaveLength(2);
  });

  it("keeps the one reading that T3-1 and T3-2 allow, and says the rules decided it", () => {
    expect(r.form).toBe("glued");
    expect(r.template).toBe("2021");
    expect(rowValues(r, "三", "granted")).toEqual([18, 2, 0, 0, 1, 0, 21]);
    expect(rowValues(r, "三", "total")).toEqual([42, 4, 1, 0, 2, 0, 49]);
    expect(cellAt(r, "三", "granted", "np")).toMatchObject({ value: 18, decidedBy: "rules" });
    expect(cellAt(r, "三", "total", "np")).toMatchObject({ value: 42, decidedBy: "rules" });
    expect(r.cells.filter((c) => c.table === "三" && c.state !== "number")).toEqual([]);
    expect(failed(r)).toEqual([]);
    expectQuotesHoldFigures(r);
  });

  it("reads table 四's 15-digit run and the one-column rows of table 二", () => {
    expect(rowValues(r, "四", "suit_direct")).toEqual([2, 0, 1, 0, 3]);
    expect(rowValues(r, "二", "penalty")).toEqual([86]);
    expect(cellAt(r, "二", "fees", "fee_amount")).toMatchObject({ value: 12.35, unit: "万元" });
  });

  it("leaves a glued three-column table 二 row ambiguous", () => {
    const c = cellAt(r, "二", "normative", "in_force");
    expect(c.state).toBe("ambiguous");
    expect(c.candidates).toContain(25);
  });
});

describe("a whole table 三 glued where the rules cannot settle everything (2019)", () => {
  const r = parseFixture("glued-2019-unsettled.txt");

  it("decides what the rules fix and leaves the rest ambiguous with candidates", () => {
    // 予以公开 and 不掌握 both print 101000011 (10|1|0… or 1|0|10…); either order adds up to 总计.
    expect(rowValues(r, "三", "total")).toEqual([11, 1, 10, 0, 0, 0, 22]);
    expect(cellAt(r, "三", "total", "np").decidedBy).toBe("rules");
    for (const row of ["granted", "not_held"]) {
      expect(cellAt(r, "三", row, "np")).toMatchObject({ state: "ambiguous", value: null, candidates: [1, 10] });
      expect(cellAt(r, "三", row, "res")).toMatchObject({ state: "ambiguous", candidates: [0, 10] });
      expect(cellAt(r, "三", row, "tot")).toMatchObject({ state: "number", value: 11 });
    }
    expect(r.warnings).toContain("9 cells ambiguous");
  });

  it("leaves table 四 ambiguous where T4-1 allows two splits", () => {
    expect(cellAt(r, "四", "suit_after", "upheld")).toMatchObject({ state: "ambiguous", candidates: [1, 10] });
    expect(cellAt(r, "四", "suit_after", "total")).toMatchObject({ state: "number", value: 11 });
    expect(rowValues(r, "四", "review")).toEqual([1, 1, 0, 0, 2]);
  });
});

describe("table 四 with a cell missing", () => {
  it("places the gap where T4-1 allows and says which cells the rules decided", () => {
    // Fifteen cells printed as fourteen: a blank dropped from the 复议后起诉 group.
    const r = parseText(["四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼", "3 1 0 1 5 2 0 1 0 3 0 0 1 1"].join("\n"));
    expect(rowValues(r, "四", "review")).toEqual([3, 1, 0, 1, 5]);
    expect(rowValues(r, "四", "suit_direct")).toEqual([2, 0, 1, 0, 3]);
    expect(cellAt(r, "四", "suit_after", "total")).toMatchObject({ value: 1, decidedBy: "rules" });
    expect(cellAt(r, "四", "suit_after", "upheld")).toMatchObject({ state: "ambiguous", candidates: [0] });
    expect(cellAt(r, "四", "review", "upheld").warnings.join("")).toContain("缺少单元格");
  });

  it("says a glued cell may be blank rather than missing", () => {
    const r = parseText(T2_2019(["行政强制70-20"]));
    expect(cellAt(r, "二", "coercion", "decisions").warnings.join("")).toContain("此格也可能空白");
  });
});
