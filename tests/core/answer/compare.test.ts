/**
 * Comparisons (compare.ts): series, year-on-year changes, rankings and totals over the bodies of a
 * place. On the real corpus every expectation is computed from the single-figure answers and the
 * index (each series or ranking fact must be the very fact a single question gets), never typed
 * in; cross-year checks and a county's own report are tested on rendered reports (memory store).
 */

import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/core/answer/answer-question.js";
import type { Answer, FactCitation } from "../../../src/core/answer/answer-types.js";
import { findComparison } from "../../../src/core/question/find-comparison.js";
import { renderReport } from "../../helpers/make-report.js";
import { memoryIndex } from "../../helpers/memory-index.js";
import { engineFor, FULL_CORPUS } from "../../helpers/seed-index.js";

const POLICE = "平潭综合实验区公安局";
const ZONE = "平潭综合实验区";

/** What a fact is, for comparing a series' fact with the single answer's. */
const cell = (f: FactCitation) => ({
  value: f.value,
  raw: f.raw,
  year: f.year,
  body: f.body,
  row: f.row,
  column: f.column,
  quote: f.quote,
});

describe("find-comparison: which questions compare", () => {
  it.each([
    ["平潭公安局历年行政复议", "series"],
    ["公安局近三年收到申请", "series"],
    ["2019到2023年行政处罚", "series"],
    ["市监局2023年行政复议比2021年多几件", "change"],
    ["2023年收到申请同比增长率", "change"],
    ["平潭各部门2023年收到申请排名", "ranking"],
    ["大同各区县谁被起诉最多", "ranking"],
    ["全市合计收到申请", "ranking"],
  ])("%s → %s", (q, kind) => {
    expect(findComparison(q).comparison?.kind).toBe(kind);
  });

  it.each(["2019年灵丘行政处罚多少", "2019年行政许可本年增减多少", "去年行政许可增加了多少项", "被复议、被起诉一共几次"])(
    "%s is a single-figure question",
    (q) => {
      expect(findComparison(q).comparison).toBeNull();
    },
  );
});

describe("comparisons on the real corpus", () => {
  const setup = engineFor(FULL_CORPUS);

  it("series: one fact per year held, ascending, each the single answer's fact; a year whose tables were not read is named", async () => {
    const { engine, index } = await setup;
    const a = await engine.ask("平潭公安局历年行政复议");
    expect(a.status).toBe("answered");
    const reports = (await index.store.reportsOfBody((await index.store.bodiesIn(POLICE))[0]?.bodyKey ?? "")).filter(
      (r) => r.template === "2019" || r.template === "2021",
    );
    const years = reports.map((r) => r.year as number).sort((x, y) => x - y);
    expect(years.length).toBeGreaterThanOrEqual(3);
    expect(a.facts.map((f) => f.year)).toEqual(years);
    for (const f of a.facts) {
      const single = await engine.ask(`平潭公安局${f.year}年行政复议`);
      expect(single.facts.map(cell)).toEqual([cell(f)]);
    }
    expect(a.notes.some((n) => n.includes("表格未能按国家模板读出"))).toBe(true);
    // The compact line and the chart: every year with its figure, one bar character per year.
    const line = a.reply.split("\n")[0] as string;
    for (const f of a.facts) expect(line).toContain(`${f.year}年 ${f.raw}`);
    expect(a.reply.split("\n")[1]).toMatch(new RegExp(`[▁▂▃▄▅▆▇█]{${years.length}}$`));
  });

  it("a range names the years the corpus lacks; a 2019 row keeps only the column the 2021 template shares", async () => {
    const { engine } = await setup;
    const a = await engine.ask("平潭市场监督管理局2019到2023年行政处罚");
    const years = [...new Set(a.facts.map((f) => f.year))];
    expect(years).toEqual([...years].sort());
    expect(a.facts).toHaveLength(years.length);
    expect(a.facts.every((f) => /处理决定数量$/.test(f.column ?? ""))).toBe(true);
    const lacking = [2019, 2020, 2021, 2022, 2023].filter((y) => !years.includes(y));
    expect(a.notes.find((n) => n.startsWith("未收录"))).toContain(lacking.map((y) => `${y}年`).join("、"));
    expect(a.notes.some((n) => n.includes("上一年项目数量") && n.includes("未列入"))).toBe(true);
  });

  it("change: a derived difference whose two inputs are the single answers' cited cells", async () => {
    const { engine } = await setup;
    const a = await engine.ask("平潭公安局2024年收到申请比2022年多几件");
    const [later, earlier] = [await engine.ask("平潭公安局2024年收到申请"), await engine.ask("平潭公安局2022年收到申请")];
    const l = later.facts[0] as FactCitation;
    const e = earlier.facts[0] as FactCitation;
    expect(a.status).toBe("answered");
    expect(a.facts).toHaveLength(1);
    const d = a.facts[0] as FactCitation;
    expect(d.derived?.op).toBe("difference");
    expect(d.derived?.inputs.map(cell)).toEqual([cell(l), cell(e)]);
    expect(d.value).toBe((l.value as number) - (e.value as number));
    expect(d.quote).toBe("");
    expect(a.reply).toContain(`计算得出：${l.raw} − ${e.raw} = ${d.raw}`);
    for (const f of [l, e]) expect(f.quote).toContain(f.raw);
  });

  it("增长率: a ratio of the difference to the earlier cell, both cited", async () => {
    const { engine } = await setup;
    const a = await engine.ask("平潭公安局2024年收到申请比2022年增长率");
    const r = a.facts[0] as FactCitation;
    expect(r.derived?.op).toBe("ratio");
    const [diff, earlier] = (r.derived?.inputs ?? []) as [FactCitation, FactCitation];
    expect(diff.derived?.op).toBe("difference");
    expect(r.value).toBeCloseTo(((diff.value as number) / (earlier.value as number)) * 100, 1);
    expect(a.reply).toContain(`${diff.raw} ÷ ${earlier.raw} = ${r.raw}`);
  });

  it("refuses a change across a template change whose columns do not mean the same, and says why", async () => {
    const { engine } = await setup;
    const a = await engine.ask("市监局2023年行政处罚项目数量比2019年多几件");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
    expect(a.reply).toContain("上一年项目数量");
    expect(a.reply).toContain("本年处理决定数量");
    expect(a.reply).toContain("含义不同");
  });

  it("ranking: one fact per body of the place with a report that year, descending; the others named as not held", async () => {
    const { engine, index } = await setup;
    const a = await engine.ask("平潭各部门2023年收到申请排名");
    const bodies = await index.store.bodiesIn(ZONE);
    const held: string[] = [];
    for (const b of bodies) if ((await index.store.reportsOfBody(b.bodyKey)).some((r) => r.year === 2023)) held.push(b.body);
    expect(a.status).toBe("answered");
    expect(a.facts.map((f) => f.body).sort()).toEqual([...held].sort());
    const values = a.facts.map((f) => f.value as number);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    for (const f of a.facts) {
      const single = await engine.ask(`${f.body}2023年收到申请`);
      expect(single.facts.map(cell)).toEqual([cell(f)]);
    }
    const lacking = bodies.map((b) => b.body).filter((b) => !held.includes(b));
    const note = a.notes.find((n) => n.startsWith("未收录")) ?? "";
    for (const b of lacking) expect(note).toContain(b);
    const top = await engine.ask("平潭各部门2023年收到申请前二");
    expect(top.facts.map(cell)).toEqual(a.facts.slice(0, 2).map(cell));
  });

  it("全部门合计: a derived sum over the bodies' own cited facts, naming what it covers", async () => {
    const { engine } = await setup;
    const rank = await engine.ask("平潭各部门2023年收到申请排名");
    const a = await engine.ask("平潭各部门2023年收到申请合计");
    const sum = a.facts[0] as FactCitation;
    expect(a.facts).toHaveLength(1);
    expect(sum.derived?.op).toBe("sum");
    expect(sum.value).toBe(rank.facts.reduce((s, f) => s + (f.value as number), 0));
    expect(sum.derived?.inputs.map(cell).sort((x, y) => x.body.localeCompare(y.body))).toEqual(
      rank.facts.map(cell).sort((x, y) => x.body.localeCompare(y.body)),
    );
    for (const f of rank.facts) expect(sum.row).toContain(f.body);
  });

  it("the places of a city from the gazetteer: a county's report under its city", async () => {
    const { engine } = await setup;
    const a = await engine.ask("大同各区县2019年谁被起诉最多");
    expect(a.status).toBe("answered");
    expect(a.facts.map((f) => f.body)).toEqual(["灵丘县"]);
    expect(a.facts[0]?.derived?.op).toBe("sum");
  });

  it("answers as JSON in design.md's key order", async () => {
    const { engine } = await setup;
    for (const q of ["平潭公安局历年行政复议", "平潭各部门2023年收到申请排名", "市监局2023年行政复议比2021年多几件"])
      expect(Object.keys(JSON.parse(JSON.stringify(await engine.ask(q))) as Answer)).toEqual([
        "question",
        "status",
        "facts",
        "notes",
        "reply",
      ]);
  });
});

describe("comparisons on rendered reports", () => {
  const store = memoryIndex([
    {
      file: "lingqiu-2019.txt",
      text: renderReport({
        title: "灵丘县2019年政府信息公开工作年度报告",
        version: "2019",
        published: "2020-02-19",
        t2: { penalty: [12, 1, 41] },
        t3: { new: [5, 0, 0, 0, 0, 0], granted: [2, 0, 0, 0, 0, 0] },
      }),
    },
    {
      file: "lingqiu-2020.txt",
      text: renderReport({
        title: "灵丘县2020年政府信息公开工作年度报告",
        version: "2019",
        published: "2021-02-01",
        t2: { penalty: [15, 0, 30] },
        t3: { new: [4, 0, 0, 0, 0, 0], carried_in: [1, 0, 0, 0, 0, 0], granted: [5, 0, 0, 0, 0, 0] },
      }),
    },
    {
      file: "lingqiu-gaj-2020.txt",
      text: renderReport({
        title: "灵丘县公安局2020年政府信息公开工作年度报告",
        version: "2019",
        published: "2021-01-20",
        t2: { penalty: [3, 0, 7] },
      }),
    },
    {
      file: "lingqiu-jyj-2020.txt",
      text: renderReport({
        title: "灵丘县教育局2020年政府信息公开工作年度报告",
        version: "2019",
        published: "2021-01-22",
        t2: { penalty: [1, 0, 2] },
      }),
    },
  ]);
  const engine = createEngine({ store, now: () => new Date("2026-11-27T00:00:00Z") });

  it("cross-year checks: 结转下年度 vs next year's 上年结转, and 2019 上一年项目数量 + 本年增/减, as warnings with their figures", async () => {
    const a = await engine.ask("灵丘县2019到2020年收到申请");
    expect(a.facts.map((f) => f.year)).toEqual([2019, 2020]);
    const warns = a.facts[1]?.warnings ?? [];
    // 2019: 5 new, 2 granted → 3 carried out; 2020 says 1 carried in.
    expect(warns.find((w) => w.includes("结转"))).toMatch(/结转下年度继续办理”总计为 3.*上年结转”总计为 1/);
    // 12 + 1 ≠ 15.
    expect(warns.find((w) => w.includes("项目数量"))).toMatch(/上一年项目数量 12 加本年增\/减 1.*上一年项目数量 15/);
    expect(a.facts[0]?.warnings.some((w) => w.startsWith("跨年核对"))).toBe(false);
  });

  it("a county's own report is never one of its departments", async () => {
    const a = await engine.ask("灵丘各部门2020年行政处罚排名");
    expect(a.facts.map((f) => f.body)).toEqual(["灵丘县公安局", "灵丘县教育局"]);
    expect(a.facts.map((f) => f.value)).toEqual([7, 2]);
    expect(a.notes.some((n) => n.includes("灵丘县本级") && n.includes("不计入"))).toBe(true);
    const total = await engine.ask("灵丘各部门2020年行政处罚合计");
    expect(total.facts[0]?.value).toBe(9);
    expect(total.facts[0]?.derived?.inputs.map((f) => f.body)).toEqual(["灵丘县公安局", "灵丘县教育局"]);
  });

  it("a blank figure is never subtracted", async () => {
    const s = memoryIndex([
      {
        file: "a-2021.txt",
        text: renderReport({
          title: "灵丘县2021年政府信息公开工作年度报告",
          version: "2021",
          published: "2022-01-25",
          t2: { penalty: ["/"] },
        }),
      },
      {
        file: "a-2022.txt",
        text: renderReport({
          title: "灵丘县2022年政府信息公开工作年度报告",
          version: "2021",
          published: "2023-01-25",
          t2: { penalty: [9] },
        }),
      },
    ]);
    const a = await createEngine({ store: s }).ask("灵丘县2022年行政处罚比2021年多几件");
    expect(a.facts.some((f) => f.derived)).toBe(false);
    expect(a.status).toBe("not_found");
    expect(a.reply).toContain("只有两年都是报告所填的数字才相减");
  });
});
