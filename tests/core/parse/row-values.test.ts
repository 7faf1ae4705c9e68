import { describe, expect, it } from "vitest";
import { cellAt, expectQuotesHoldFigures, failed, parseFixture, parseText, rowValues } from "../../helpers/forms.js";

describe("one row per line with ' | ' separators", () => {
  const r = parseFixture("rows-2019-pipes.txt");

  it("reads every cell of the 2019 template", () => {
    expect(r.form).toBe("row-per-line");
    expect(r.template).toBe("2019");
    expect(r.cells).toHaveLength(198);
    expect(failed(r)).toEqual([]);
    expectQuotesHoldFigures(r);
  });

  it("reads rows with and without a trailing pipe alike", () => {
    expect(rowValues(r, "二", "rules")).toEqual([0, 0, 0]);
    expect(rowValues(r, "二", "normative")).toEqual([2, 2, 15]);
    expect(rowValues(r, "三", "new")).toEqual([12, 3, 0, 0, 1, 0, 16]);
    expect(rowValues(r, "三", "carried_in")).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it("keeps an empty trailing cell empty, and says so when the cell is missing altogether", () => {
    expect(cellAt(r, "二", "penalty", "decisions")).toMatchObject({ state: "empty", warnings: [] });
    expect(cellAt(r, "二", "coercion", "decisions").state).toBe("empty");
    expect(cellAt(r, "二", "coercion", "decisions").warnings[0]).toContain("只有2个单元格");
    expect(cellAt(r, "二", "coercion", "prev_items")).toMatchObject({ value: 70, quote: "行政强制 | 70 | 0 |" });
  });

  it("reads a stub cell printed before the row label (三、本年度办理结果 | （一）予以公开 | …)", () => {
    expect(rowValues(r, "三", "granted")).toEqual([6, 2, 0, 0, 1, 0, 9]);
    expect(rowValues(r, "三", "secret")).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("markdown converted from a PDF or OCR", () => {
  const r = parseFixture("markdown-2021-ocr-breaks.md");

  it("reads the 2021 template across page breaks, repeated and foreign header rows", () => {
    expect(r.form).toBe("markdown");
    expect(r.template).toBe("2021");
    expect(r.cells).toHaveLength(200);
    expect(failed(r)).toEqual([]);
    expect(r.extras).toEqual([]);
  });

  it("skips the empty cells that pad a label spanning several columns", () => {
    expect(rowValues(r, "三", "new")).toEqual([40, 5, 1, 0, 2, 1, 49]);
    expect(rowValues(r, "三", "granted")).toEqual([18, 2, 0, 0, 1, 0, 21]);
    expect(rowValues(r, "三", "total")).toEqual([42, 4, 1, 0, 2, 0, 49]);
    expect(rowValues(r, "二", "license")).toEqual([1520]);
  });

  it("joins a row label to its values on the next line", () => {
    expect(rowValues(r, "三", "third_party")).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(cellAt(r, "三", "third_party", "tot").quote).toContain("4.保护第三方合法权益");
    expect(rowValues(r, "三", "confirm")).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("reads the row after a page break (rows 6–8 of 不予公开, then 其他处理 under a new header)", () => {
    expect(rowValues(r, "三", "query")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rowValues(r, "三", "no_correction")).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it("lets the rules place a missing cell, leaving only what they cannot settle ambiguous", () => {
    // "| 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 1 |": one of seven cells is missing.
    expect(cellAt(r, "三", "process", "np")).toMatchObject({ value: 1, decidedBy: "rules" });
    expect(cellAt(r, "三", "process", "tot")).toMatchObject({ value: 1, decidedBy: "rules" });
    const com = cellAt(r, "三", "process", "com");
    expect(com).toMatchObject({ state: "ambiguous", candidates: [0] });
    expect(com.warnings.join("")).toContain("未印出");
  });

  it("reads table 四 under a header row copied from table 三", () => {
    expect(rowValues(r, "四", "review")).toEqual([3, 1, 0, 1, 5]);
    expect(rowValues(r, "四", "suit_after")).toEqual([0, 0, 0, 1, 1]);
  });
});

describe("row values: small cases", () => {
  it("reads a table 三 row whose label is on one line and values on the next, without pipes", () => {
    const r = parseText(
      [
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量",
        "| 5 | 0 | 0 | 0 | 0 | 0 | 5 |",
        "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
      ].join("\n"),
    );
    expect(rowValues(r, "三", "new")).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(rowValues(r, "三", "carried_out")).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("does not take a column header 总计 for the （七）总计 row", () => {
    const r = parseText(
      [
        "三、收到和处理政府信息公开申请情况",
        "| 自然人 | 法人或其他组织 | 总计 |",
        "| 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "| （七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
      ].join("\n"),
    );
    expect(rowValues(r, "三", "total")).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});

describe("cells separated by tabs or single spaces", () => {
  it("reads a web table copied as tab-separated text, empty cells included", () => {
    const r = parseText(
      [
        "某县2021年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t0\t\t0",
        "行政规范性文件\t3\t1\t25",
      ].join("\n"),
    );
    expect(cellAt(r, "二", "rules", "repealed")).toMatchObject({ raw: "", state: "empty" });
    expect(rowValues(r, "二", "rules")).toEqual([0, null, 0]);
    expect(rowValues(r, "二", "normative")).toEqual([3, 1, 25]);
    expect(r.form).toBe("row-per-line");
  });

  it("places a missing cell in a space-separated table 三 row by the rules instead of re-gluing the digits", () => {
    // 6 figures for 7 columns: T3-3 fixes 总计 (45); which applicant cell is missing stays open.
    const r = parseText(["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 40 5 0 0 0 45"].join("\n"));
    expect(cellAt(r, "三", "new", "tot")).toMatchObject({ value: 45, decidedBy: "rules" });
    expect(cellAt(r, "三", "new", "np")).toMatchObject({ state: "ambiguous", candidates: [40] });
    expect(cellAt(r, "三", "new", "com")).toMatchObject({ state: "ambiguous", candidates: [5, 40] });
    expect(cellAt(r, "三", "new", "np").warnings.join("")).toContain("未印出");
  });

  it("lets the other rows settle which cell is missing", () => {
    const r = parseText(
      [
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 40 5 0 0 0 45",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        "（七）总计 40 5 0 0 0 0 45",
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
      ].join("\n"),
    );
    expect(rowValues(r, "三", "new").slice(0, 2)).toEqual([40, 5]);
    expect(cellAt(r, "三", "new", "com").decidedBy).toBe("rules");
  });

  it("leaves a row unread when no placement of the missing cell adds up", () => {
    const r = parseText(["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 40 5 1 0 2 49"].join("\n"));
    expect(r.cells.filter((c) => c.rowId === "new").every((c) => c.state === "ambiguous" && c.value === null)).toBe(true);
  });
});

describe("markup left in converted text", () => {
  it("reads cells with <br>, &nbsp; and **bold** in a markdown table, across converter page markers", () => {
    const r = parseText(
      [
        "二、主动公开政府信息情况",
        "| 第二十条第（一）项 | | | |",
        "| 信息内容 | 本年<br>制发件数 | 本年<br/>废止件数 | 现行有效<br>件数 |",
        "| 规章 | 0 | &nbsp; | 0 |",
        "| **行政规范性文件** | **3** | 1 | 25 |",
        "| 第二十条第（五）项 | | | |",
        "| 信息内容 | 本年处理决定数量 | | |",
        "| 行政许可 |",
        "<!-- PageBreak -->",
        "Page 4 of 9",
        "| 1520 |",
      ].join("\n"),
    );
    expect(r.template).toBe("2021");
    expect(rowValues(r, "二", "rules")).toEqual([0, null, 0]);
    expect(rowValues(r, "二", "license")).toEqual([1520]);
    expect(rowValues(r, "二", "normative")).toEqual([3, 1, 25]);
  });
});

describe("a web page copied as text (cells separated by tabs, rowspan cells only once)", () => {
  const r = parseFixture("tabs-2021-copied-page.txt");

  it("reads the same cells as the page itself", () => {
    const page = parseFixture("html-2021-rowspan.html");
    expect(r.form).toBe("row-per-line");
    expect(r.cells.map((c) => [c.rowId, c.colId, c.raw])).toEqual(page.cells.map((c) => [c.rowId, c.colId, c.raw]));
    expect(failed(r)).toEqual([]);
    expectQuotesHoldFigures(r);
  });
});

describe("padding on the side the table pads", () => {
  it("keeps a real empty first cell of a table 二 row padded on the right", () => {
    const r = parseText(
      [
        "二、主动公开政府信息情况",
        "| 第二十条第（六）项 | | | | |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |",
        "| 行政处罚 | | 0 | 5 | |",
      ].join("\n"),
    );
    expect(rowValues(r, "二", "penalty")).toEqual([null, 0, 5]);
  });

  it("keeps a real empty first cell of a table 三 row padded on the left", () => {
    const r = parseText(
      ["三、收到和处理政府信息公开申请情况", "| 一、本年新收政府信息公开申请数量 | | | | 5 | 0 | 0 | 0 | 0 | 5 |"].join("\n"),
    );
    expect(rowValues(r, "三", "new")).toEqual([null, 5, 0, 0, 0, 0, 5]);
  });
});

describe("a row label with its cells lost", () => {
  it("does not take the next row's figures", () => {
    const r = parseText(
      ["二、主动公开政府信息情况", "第二十条第（六）项", "信息内容 | 本年处理决定数量", "行政处罚", "行政强制 | 4"].join("\n"),
    );
    expect(r.cells.find((c) => c.rowId === "penalty")).toBeUndefined();
    expect(rowValues(r, "二", "coercion")).toEqual([4]);
  });

  it("still joins a wrapped label to the figures after its tail", () => {
    const r = parseText(
      ["三、收到和处理政府信息公开申请情况", "5.要求行政机关确认或重新出具已获取", "信息 0 0 0 0 0 0 0", "(七)总计 1 0 0 0 0 0 1"].join(
        "\n",
      ),
    );
    expect(rowValues(r, "三", "confirm")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(cellAt(r, "三", "confirm", "tot").quote).toBe("5.要求行政机关确认或重新出具已获取\n信息 0 0 0 0 0 0 0");
    expect(r.extras).toEqual([]);
  });
});
