/** The journalist's views through createApp: /?q= permalinks, /report/:file with the cited cell marked, /reports, CSV. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/core/answer/answer-question.js";
import type { Answer, FactCitation } from "../../src/core/answer/answer-types.js";
import { StoreError, unavailable } from "../../src/core/store-error.js";
import { answerCard, barChart, chartShape } from "../../src/http/answer-card.js";
import { answerCsv, CSV_COLUMNS } from "../../src/http/answer-csv.js";
import { createApp } from "../../src/http/app.js";
import { toHtml } from "../../src/http/html.js";
import { engineFor, FULL_CORPUS, SEED_CORPUS } from "../helpers/seed-index.js";

let seed: { engine: Engine; index: SqliteIndex };
let full: { engine: Engine; index: SqliteIndex };
let app: ReturnType<typeof createApp>;
let fullApp: ReturnType<typeof createApp>;
beforeAll(async () => {
  seed = await engineFor(SEED_CORPUS);
  full = await engineFor(FULL_CORPUS);
  app = createApp({ engine: seed.engine, store: seed.index.store, config: parseConfig({}) });
  fullApp = createApp({ engine: full.engine, store: full.index.store, config: parseConfig({}) });
}, 120_000);
afterAll(() => {
  seed.index.close();
  full.index.close();
});

const Q = "2019年灵丘行政处罚多少";
const text = async (path: string, a = app) => {
  const res = await a.request(path);
  return { res, html: await res.text() };
};
/** The page's visible text, roughly: tags dropped, entities of the escaper decoded. */
const visible = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && s[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  expect(field === "" && row.length === 0, "ends in CRLF").toBe(true);
  return rows;
}

describe("GET /?q= (the permalink of a question)", () => {
  it("renders the answer on the server: figure, headers beside the cells, quote, citation links, JSON/CSV links", async () => {
    const { res, html } = await text(`/?q=${encodeURIComponent(Q)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const a = await seed.engine.ask(Q);
    const fact = a.facts[0] as FactCitation;
    expect(html).toContain('<span class="value">1249</span>');
    expect(html).toContain('<th scope="col">上一年项目数量</th><th scope="col">本年增/减</th><th scope="col">处理决定数量</th>');
    expect(html).toContain("<td>1249</td><td>0</td><td>空白</td>");
    expect(visible(html)).toContain("原文：行政处罚 | 1249 | 0 | |");
    expect(html).toContain(`href="${fact.permalink?.replace(/&/g, "&#38;")}"`);
    expect(fact.report.url).toBeNull();
    expect(visible(html)).toContain("未记录原文链接");
    expect(html).toContain(`href="/api/ask?q=${encodeURIComponent(Q)}&#38;format=csv"`);
    expect(visible(html)).toContain("上一年末该机关负责的事项");
    expect(html).toContain(`<title>${Q} — 政府信息公开年报问答</title>`);
  });

  it("escapes every string of the question and says plainly what is wrong with an empty or over-long one", async () => {
    const evil = "<img src=x onerror=alert(1)>灵丘2019年行政强制多少";
    const { html } = await text(`/?q=${encodeURIComponent(evil)}`);
    expect(html).not.toContain("<img");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(visible((await text("/?q=")).html)).toContain("请输入一个问题");
    const long = "行".repeat(2000);
    expect(visible((await text(`/?q=${long}`)).html)).toContain("问题太长（2000字），请把问题控制在500字以内");
    expect((await text("/")).html).not.toContain('class="msg user"');
  });

  it("the page asks by GET /?q= without JavaScript and labels its input", async () => {
    const { html } = await text("/");
    expect(html).toContain('<form id="ask" action="/" method="get"');
    expect(html).toContain('<label for="q"');
    expect(html).not.toContain("maxlength");
  });
});

describe("GET /api/ask&format=", () => {
  it("csv: one row per fact with design.md's columns, RFC 4180 quoting, BOM, attachment", async () => {
    const res = await app.request(`/api/ask?q=${encodeURIComponent(Q)}&format=csv`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="answer\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(bytes.slice(3));
    const rows = parseCsv(body);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const a = await seed.engine.ask(Q);
    expect(rows).toHaveLength(a.facts.length + 1);
    // the quote is the row as printed, one cell a line in this report: quoted, line breaks kept
    const fact = a.facts[0] as FactCitation;
    expect(fact.quote).toContain("\n");
    expect(rows[1]).toEqual([
      "1249",
      "1249",
      "项",
      "灵丘县",
      "2019",
      "二",
      "（六）",
      "行政处罚",
      "上一年项目数量",
      fact.quote,
      fact.report.title,
      "",
      "2020-02-19",
      "",
    ]);
    expect(rows[3]?.slice(0, 2)).toEqual(["", ""]);
  });

  it("csv quotes commas, quotes and line breaks", () => {
    const f: FactCitation = {
      value: 3,
      raw: "3",
      unit: "件",
      body: 'A"B',
      year: 2020,
      table: "prose",
      item: null,
      row: "x",
      column: null,
      quote: "一，二\n三",
      report: { title: "t,1", file: "f.txt", url: null, published: null },
      warnings: ["w1", "w2"],
    };
    const csv = answerCsv({ question: "q", status: "answered", facts: [f], notes: [], reply: "" });
    expect(csv.split("\r\n")[1]).toBe('3,3,件,"A""B",2020,prose,,x,,"一，二\n三","t,1",,,w1；w2');
  });

  it("card: the page's card tree for the script, the Answer beside it", async () => {
    const res = await app.request(`/api/ask?q=${encodeURIComponent(Q)}&format=card`);
    const body = (await res.json()) as { answer: Answer; card: unknown };
    expect(body.answer).toEqual(await seed.engine.ask(Q));
    expect(body.card).toEqual(answerCard(body.answer));
  });
});

describe("GET /report/:file (the permalink of a cell)", () => {
  it("shows the whole table with its headers, the cell in <mark id=cell>, its quote, metadata, checks", async () => {
    const a = await seed.engine.ask(Q);
    const f = a.facts[0] as FactCitation;
    const { res, html } = await text(f.permalink as string);
    expect(res.status).toBe(200);
    expect(html).toMatch(/<td id="cell" class="marked"><mark>1249<\/mark><\/td>/);
    const table = html.slice(html.lastIndexOf("<table", html.indexOf('id="cell"')), html.indexOf("</table>", html.indexOf('id="cell"')));
    expect(table).toContain('<th scope="col">上一年项目数量</th>');
    expect(table).toContain('<th scope="row">行政处罚</th>');
    expect(table).toContain('<th scope="row">行政强制</th>');
    expect(visible(html)).toContain("原文（第");
    expect(visible(html)).toContain(f.quote);
    expect(visible(html)).toContain(`发布日期${f.report.published}`);
    expect(visible(html)).toContain("本库未记录这份报告的原文链接");
    expect(visible(html)).toMatch(/勾稽检查共 \d+ 项，全部通过/);
    expect(html).toContain("<h3>一、总体情况</h3>");
    // every table of the report: 二's blocks, 三 and 四
    expect(html.match(/<table>/g)?.length).toBeGreaterThanOrEqual(7);
  });

  it("repeats the column labels just above a marked row far from the table's head", async () => {
    const { html } = await text("/report/lingqiu-2019.txt?t=三&row=total&col=tot#cell");
    const at = html.indexOf('id="cell"');
    const row = html.lastIndexOf("<tr>", at);
    const before = html.slice(html.lastIndexOf("<tr", row - 1), row);
    expect(before).toMatch(
      /^<tr class="rehead"><th scope="row">（列）<\/th><th scope="col">自然人<\/th>.*<th scope="col">总计<\/th><\/tr>$/,
    );
    expect(html.match(/class="rehead"/g)).toHaveLength(1);
    expect((await text("/report/lingqiu-2019.txt?t=三&row=new&col=tot")).html).not.toContain('class="rehead"');
  });

  it("marks a blank cell as blank, and says when the named cell or the report is not there", async () => {
    const { html } = await text("/report/lingqiu-2019.txt?t=二&item=（六）&row=penalty&col=decisions");
    expect(html).toContain("<mark>（空白）</mark>");
    expect(visible(html)).toContain("空白（报告中此格未填写，不等于0）");
    expect(visible((await text("/report/lingqiu-2019.txt?t=二&row=nope&col=nope")).html)).toContain("这份报告没有链接所指的这一格");
    const missing = await text("/report/nope.txt");
    expect(missing.res.status).toBe(404);
    expect(visible(missing.html)).toContain("没有这份报告");
    expect((await text("/report/%E0%A4%A")).res.status).toBe(404);
  });

  it("on the real corpus: every table fact's permalink opens its cell, with its column header; no url → said plainly", async () => {
    for (const q of ["2023年平潭财政金融局收到多少件申请", "平潭综合实验区经济发展局2024年行政复议"]) {
      const a = await full.engine.ask(q);
      const facts = a.facts.filter((f) => f.table !== "prose" && !f.derived);
      expect(facts.length, q).toBeGreaterThan(0);
      for (const f of facts) {
        const { res, html } = await text(f.permalink as string, fullApp);
        expect(res.status).toBe(200);
        const cell = /<td id="cell" class="marked"><mark>([^<]*)<\/mark><\/td>/.exec(html);
        expect(cell?.[1], f.permalink).toBe(f.raw.trim() === "" ? "（空白）" : f.raw);
        expect(html).toContain(`<th scope="col">${f.column}</th>`);
      }
    }
    const withUrl = (await full.index.store.listReports(100)).find((r) => r.url);
    expect(withUrl?.url).toMatch(/^https?:\/\//);
    const page = (await text(`/report/${withUrl?.file}`, fullApp)).html;
    expect(page).toContain(`href="${withUrl?.url}"`);
    expect(visible(page)).not.toContain("本库未记录这份报告的原文链接");
  });
});

describe("GET /reports", () => {
  it("lists the corpus by region, body and year, linking each report", async () => {
    const { res, html } = await text("/reports", fullApp);
    expect(res.status).toBe(200);
    const reports = await full.index.store.listReports(1000);
    expect(visible(html)).toContain(`本库收录 ${reports.length} 份报告`);
    for (const r of reports) expect(html).toContain(`href="/report/${encodeURIComponent(r.file)}"`);
    for (const region of new Set(reports.map((r) => r.regionPath ?? "地区未识别"))) expect(html).toContain(`<h2>${region}</h2>`);
  });
});

describe("the chart", () => {
  const fact = (body: string, year: number, value: number | null): FactCitation => ({
    value,
    raw: value === null ? "" : String(value),
    unit: "件",
    body,
    year,
    table: "三",
    item: null,
    row: "一、本年新收政府信息公开申请数量",
    column: "总计",
    quote: "q",
    report: { title: "t", file: "f", url: null, published: null },
    warnings: [],
  });
  it("draws a series (one cell over years) and a ranking (one cell across bodies), nothing for mixed facts", () => {
    const series = chartShape([fact("甲", 2021, 5), fact("甲", 2019, 10), fact("甲", 2020, null)]);
    expect(series?.kind).toBe("series");
    expect(series?.points.map((p) => p.label)).toEqual(["2019年", "2020年", "2021年"]);
    const ranking = chartShape([fact("甲", 2021, 5), fact("乙", 2021, 9)]);
    expect(ranking?.kind).toBe("ranking");
    expect(chartShape([fact("甲", 2021, 5), fact("乙", 2020, 9)])).toBeNull();
    expect(chartShape([fact("甲", 2021, 5)])).toBeNull();
    const svg = toHtml(barChart(ranking?.title ?? "", ranking?.points ?? []));
    expect(svg).toMatch(/^<svg class="chart" role="img"[^>]*><title>2021年 /);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]).toBeGreaterThan(widths[0] as number);
    expect(
      toHtml(answerCard({ question: "x", status: "answered", facts: [fact("<b>", 2021, 1), fact("乙", 2021, 2)], notes: [], reply: "r" })),
    ).not.toContain("<b>");
  });
});

describe("the card of a derived figure, and the pages when the index is unavailable", () => {
  const input = (row: string, raw: string): FactCitation => ({
    value: Number(raw),
    raw,
    unit: "件",
    body: "甲县",
    year: 2021,
    table: "三",
    item: null,
    row,
    column: "总计",
    quote: `${row} ${raw}`,
    report: { title: "甲县2021年报告", file: "a.txt", url: "https://example.org/a", published: "2022-01-20" },
    warnings: [],
    permalink: `/report/a.txt?t=三&row=${row}&col=tot#cell`,
  });
  it("shows the formula beside its inputs' cells and citations", () => {
    const inputs = [input("1.属于国家秘密", "2"), input("2.其他法律行政法规禁止公开", "3")];
    const sum: FactCitation = { ...input("不予公开", "5"), quote: "", permalink: undefined, derived: { op: "sum", inputs } };
    delete sum.permalink;
    const html = toHtml(answerCard({ question: "q", status: "answered", facts: [sum], notes: [], reply: "r" }));
    expect(html).toContain('<span class="value">5</span>');
    expect(html).toContain("计算：2 + 3 = 5");
    expect(html).toContain("<q>1.属于国家秘密 2</q>");
    expect(html).toContain("<q>2.其他法律行政法规禁止公开 3</q>");
    expect(html.match(/<a href="\/report\/a\.txt\?/g)).toHaveLength(2);
    expect(html).toContain('href="https://example.org/a"');
    expect(chartShape([sum])).toBeNull();
  });

  it("answers 503 with a page in words (not JSON) for /?q=, /reports and /report/…", async () => {
    const { store } = unavailable(new StoreError("no_index", "index.sqlite is not an index"));
    const down = createApp({ engine: createEngine({ store }), store, config: parseConfig({}), log: () => {} });
    for (const path of [`/?q=${encodeURIComponent(Q)}`, "/reports", "/report/lingqiu-2019.txt"]) {
      const res = await down.request(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("本库的索引尚未加载或正在更新，暂时无法查询。请稍后再试。");
    }
    expect((await down.request(`/api/ask?q=${encodeURIComponent(Q)}`)).headers.get("content-type")).toMatch(/json/);
  });
});
