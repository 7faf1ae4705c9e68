import { describe, expect, it } from "vitest";
import { cellAt, expectQuotesHoldFigures, failed, parseFixture, parseText, rowValues } from "../../helpers/forms.js";

describe("a web page with real <table>s (2019 template, rowspan 20)", () => {
  const r = parseFixture("html-2019-rowspan-layout.html");

  it("reads metadata from the page and detects the form and template", () => {
    expect(r.meta).toMatchObject({ body: "灵丘县", year: 2019, published: "2020-02-19" });
    expect(r.form).toBe("html");
    expect(r.template).toBe("2019");
    expect(r.cells).toHaveLength(198);
    expect(r.warnings).toEqual([]);
  });

  it("reads cells through nested <p><span>, <br/> headers and a layout table", () => {
    expect(rowValues(r, "二", "normative")).toEqual([2, 2, 15]);
    expect(rowValues(r, "三", "granted")).toEqual([6, 2, 0, 0, 1, 0, 9]);
    expect(rowValues(r, "三", "not_held")).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(rowValues(r, "三", "carried_out")).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(rowValues(r, "四", "suit_direct")).toEqual([0, 0, 0, 1, 1]);
  });

  it("keeps &nbsp; cells empty, not zero", () => {
    expect(cellAt(r, "二", "penalty", "decisions")).toMatchObject({ raw: "", state: "empty", value: null });
    expect(cellAt(r, "二", "penalty", "prev_items")).toMatchObject({ raw: "1249", value: 1249 });
  });

  it("keeps the unit printed inside a cell", () => {
    expect(cellAt(r, "二", "procurement", "proc_amount")).toMatchObject({ raw: "123000元", value: 123000, unit: "元" });
  });

  it("keeps no header cell or rowspan stub as an extra row, and passes every rule", () => {
    expect(r.extras).toEqual([]);
    expect(failed(r)).toEqual([]);
    expectQuotesHoldFigures(r);
    expect(cellAt(r, "三", "third_party", "np").quote).toBe("| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |");
    expect(cellAt(r, "三", "secret", "np").quote).toBe("| （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
  });
});

describe("a web page with the 2021 template (rowspan 22, 其他处理 in three rows)", () => {
  const r = parseFixture("html-2021-rowspan.html");

  it("reads all 200 cells and passes every rule", () => {
    expect(r.template).toBe("2021");
    expect(r.cells).toHaveLength(200);
    expect(failed(r)).toEqual([]);
    expectQuotesHoldFigures(r);
  });

  it("reads the three 其他处理 rows and the decimal fee in 万元", () => {
    expect(rowValues(r, "三", "no_correction")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rowValues(r, "三", "other")).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(cellAt(r, "二", "fees", "fee_amount")).toMatchObject({ raw: "12.35", value: 12.35, unit: "万元" });
    expect(rowValues(r, "二", "normative")).toEqual([3, 1, 25]);
  });
});

describe("a page embedded as an escaped string", () => {
  it("in a JS file: same cells as the page itself", () => {
    const page = parseFixture("html-2019-rowspan-layout.html");
    const js = parseFixture("html-2019-in-script.js");
    expect(js.form).toBe("html");
    expect(js.meta).toMatchObject({ body: "灵丘县", year: 2019 });
    expect(js.cells.map((c) => [c.rowId, c.colId, c.raw])).toEqual(page.cells.map((c) => [c.rowId, c.colId, c.raw]));
  });

  it("in a JSON file: same cells as the page itself", () => {
    const page = parseFixture("html-2021-rowspan.html");
    const json = parseFixture("html-2021-in-json.json");
    expect(json.meta).toMatchObject({ body: "青山区生态环境局", year: 2021, published: "2022-01-20" });
    expect(json.cells.map((c) => [c.rowId, c.colId, c.raw])).toEqual(page.cells.map((c) => [c.rowId, c.colId, c.raw]));
    expect(failed(json)).toEqual([]);
  });
});

describe("page details", () => {
  it("takes the title from <title> when the page prints it nowhere else", () => {
    const r = parseText(
      `<html><head><title>黄陂区人民政府2021年政府信息公开工作年度报告_黄陂区人民政府门户网站</title></head><body>
      <ul>${"<li>导航</li>".repeat(120)}</ul>
      <p>本年度报告中所列数据统计期限为2021年1月1日至12月31日。</p>
      <p>二、主动公开政府信息情况</p>
      <table><tr><td>第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>1,520</td></tr></table>
      </body></html>`,
      "page.html",
    );
    expect(r.meta).toMatchObject({ title: "黄陂区人民政府2021年政府信息公开工作年度报告", body: "黄陂区人民政府", year: 2021 });
    expect(cellAt(r, "二", "license", "decisions")).toMatchObject({ raw: "1,520", value: 1520 });
  });

  it("unwraps a page whose markup arrives entity-escaped", () => {
    const page = "<table><tr><td>行政处罚</td><td>86</td></tr><tr><td>行政强制</td><td>4</td></tr></table>";
    const escaped = page.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const r = parseText(
      `<p>某局2021年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><p>第二十条第（六）项</p>${escaped}`,
      "x.html",
    );
    expect(rowValues(r, "二", "penalty")).toEqual([86]);
    expect(rowValues(r, "二", "coercion")).toEqual([4]);
  });
});

describe("embedded pages without a visible title", () => {
  it("reads the date from a JSON publishDate field and Chinese escaped as \\uXXXX", () => {
    const content = "<p>二、主动公开政府信息情况</p><p>第二十条第（六）项</p><table><tr><td>行政处罚</td><td>86</td></tr></table>";
    const json = JSON.stringify({ title: "青山区生态环境局2021年政府信息公开工作年度报告", publishDate: "2022-01-20", content })
      .replace(/[\u4e00-\u9fff（）]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`)
      .replace(/</g, "\\u003c");
    const r = parseText(json, "api.json");
    expect(r.meta).toMatchObject({ body: "青山区生态环境局", year: 2021, published: "2022-01-20" });
    expect(rowValues(r, "二", "penalty")).toEqual([86]);
  });
});
