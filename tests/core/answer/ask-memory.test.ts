/**
 * Core answers over the memory store (src/adapters/memory-store.ts, via tests/helpers/memory-index.ts):
 * reports rendered by make-report, parsed and indexed in plain JS objects, so these tests need no
 * native addon. better-sqlite3 and nodejieba are blocked below: importing either, directly or
 * through any module, fails the file (nodejieba is only reached through nodejieba-segmenter.ts,
 * whose createRequire a module mock of "nodejieba" alone would not catch).
 */

import { describe, expect, it, vi } from "vitest";
import { createEngine } from "../../../src/core/answer/answer-question.js";
import { renderReport } from "../../helpers/make-report.js";
import { memoryIndex } from "../../helpers/memory-index.js";

vi.mock("better-sqlite3", () => {
  throw new Error("ask-memory: better-sqlite3 imported");
});
vi.mock("nodejieba", () => {
  throw new Error("ask-memory: nodejieba imported");
});
vi.mock("../../../src/adapters/nodejieba-segmenter.js", () => {
  throw new Error("ask-memory: nodejieba-segmenter imported");
});

const store = memoryIndex([
  {
    file: "lingqiu-2021.txt",
    text: renderReport({
      title: "灵丘县2021年政府信息公开工作年度报告",
      version: "2021",
      published: "2022-01-25",
      t2: { penalty: [532], license: [1086], normative: [3, 1, 27] },
      t4: [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 1, 0, 0, 1],
      prose: ["全年通过政府网站主动公开政府信息3250条。"],
    }),
  },
  {
    file: "lingqiu-2022.txt",
    text: renderReport({ title: "灵丘县2022年政府信息公开工作年度报告", version: "2021", published: "2023-01-20", t2: { penalty: [610] } }),
  },
  {
    file: "yuxian-2020.txt",
    text: renderReport({
      title: "盂县2020年政府信息公开工作年度报告",
      version: "2019",
      published: "2021-01-30",
      t2: { penalty: [12, 1, 41] },
    }),
  },
]);
const engine = createEngine({ store, now: () => new Date("2026-11-27T00:00:00Z") });

describe("answers over the memory store (no native addon)", () => {
  it("a table figure, with the row it is quoted from", async () => {
    const a = await engine.ask("灵丘县2021年行政处罚多少");
    expect(a.status).toBe("answered");
    expect(a.facts).toHaveLength(1);
    expect(a.facts[0]).toMatchObject({
      value: 532,
      raw: "532",
      body: "灵丘县",
      year: 2021,
      table: "二",
      row: "行政处罚",
      column: "本年处理决定数量",
      quote: "行政处罚 | 532",
      report: { file: "lingqiu-2021.txt", published: "2022-01-25" },
    });
    expect(a.reply).toContain("原文：行政处罚 | 532");
  });

  it("the other template: a 2019-template row, every column", async () => {
    const a = await engine.ask("盂县2020年行政处罚多少");
    expect(a.facts.map((f) => [f.column, f.value])).toEqual([
      ["上一年项目数量", 12],
      ["本年增/减", 1],
      ["处理决定数量", 41],
    ]);
  });

  it("several figures asked at once come in the asked order", async () => {
    const a = await engine.ask("灵丘2021年新制发几件行政规范性文件？现行有效几件？行政处罚多少件？");
    expect(a.status).toBe("answered");
    expect(a.facts.map((f) => [f.column, f.value])).toEqual([
      ["本年制发件数", 3],
      ["现行有效件数", 27],
      ["本年处理决定数量", 532],
    ]);
    const b = await engine.ask("灵丘2021年被行政复议几次？被起诉几次？");
    expect(b.facts.map((f) => f.value)).toEqual([4, 3]);
  });

  it("行政诉讼 in all is derived from its two printed totals, each cited", async () => {
    const a = await engine.ask("灵丘2021年行政诉讼多少件");
    expect(a.facts).toHaveLength(1);
    const [sum] = a.facts;
    expect(sum).toMatchObject({ value: 3, quote: "", row: "行政诉讼", derived: { op: "sum" } });
    expect(sum?.derived?.inputs.map((f) => [f.row, f.column, f.value])).toEqual([
      ["行政诉讼·未经复议直接起诉", "总计", 2],
      ["行政诉讼·复议后起诉", "总计", 1],
    ]);
    for (const f of sum?.derived?.inputs ?? []) expect(f.quote).toContain(f.raw);
    expect(a.reply).toContain("计算得出：2 + 1 = 3，报告未单列此数");
  });

  it("a year the store lacks is not_found, naming the years it holds", async () => {
    const a = await engine.ask("灵丘2020年行政处罚多少");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
    expect(a.reply).toContain("本库未收录灵丘县2020年的报告；已收录：2021、2022");
  });

  it("a prose figure is found through the store's passage index (one matching sentence: no ranking involved)", async () => {
    const a = await engine.ask("灵丘2021年主动公开政府信息多少条");
    expect(a.facts[0]).toMatchObject({ value: 3250, unit: "条", table: "prose", quote: "全年通过政府网站主动公开政府信息3250条。" });
  });
});
