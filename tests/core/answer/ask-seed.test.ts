import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../../src/adapters/sqlite-store.js";
import type { Engine } from "../../../src/core/answer/answer-question.js";
import type { Answer } from "../../../src/core/answer/answer-types.js";
import { engineFor, SEED_CORPUS } from "../../helpers/seed-index.js";

let engine: Engine;
let index: SqliteIndex;
beforeAll(async () => {
  ({ engine, index } = await engineFor(SEED_CORPUS));
});
afterAll(() => index.close());

/** Every number in the reply's fact lines appears verbatim in a cited quote. */
function numbersAreQuoted(a: Answer): void {
  for (const f of a.facts) {
    if (f.value !== null) expect(f.quote).toContain(f.raw);
  }
}

describe("answers on the seed report", () => {
  it("2019年灵丘行政处罚多少 → the whole 2019 row, each column explained", async () => {
    const a = await engine.ask("2019年灵丘行政处罚多少");
    expect(a.status).toBe("answered");
    expect(a.facts.map((f) => [f.column, f.value, f.raw])).toEqual([
      ["上一年项目数量", 1249, "1249"],
      ["本年增/减", 0, "0"],
      ["处理决定数量", null, ""],
    ]);
    expect(a.facts[0]).toMatchObject({ body: "灵丘县", year: 2019, table: "二", item: "（六）", row: "行政处罚" });
    expect(a.facts[0]?.report).toEqual({
      title: "灵丘县2019年政府信息公开工作年度报告",
      file: "lingqiu-2019.txt",
      url: null,
      published: "2020-02-19",
    });
    expect(a.reply).toMatch(/^灵丘县2019年 “行政处罚”/);
    expect(a.reply).toContain("1249");
    expect(a.reply).toContain("不是处理决定的件数");
    expect(a.reply).toContain("未填写");
    expect(a.notes.join()).toContain("上一年项目数量、本年增/减、处理决定数量");
    numbersAreQuoted(a);
  });

  it.each([
    ["灵丘县2019年行政许可多少项", 262, "上一年项目数量"],
    ["2019年灵丘行政强制多少", 70, "上一年项目数量"],
    ["2019年靈丘行政處罰多少", 1249, "上一年项目数量"],
    ["大同灵丘19年行政处罚多少", 1249, "上一年项目数量"],
    ["二〇一九年山西灵丘县政府行政许可多少", 262, "上一年项目数量"],
  ])("%s → %d", async (q, value, column) => {
    const a = await engine.ask(q);
    expect(a.status).toBe("answered");
    expect(a.facts[0]).toMatchObject({ value, column });
    numbersAreQuoted(a);
  });

  it("applications received come from table 三, 总计 column, with a note", async () => {
    const a = await engine.ask("灵丘2019年收到多少件政府信息公开申请");
    expect(a.facts).toHaveLength(1);
    expect(a.facts[0]).toMatchObject({ value: 0, table: "三", row: "一、本年新收政府信息公开申请数量", column: "总计" });
    expect(a.notes.join()).toContain("总计");
  });

  it("a prose figure is found in the report's text and quoted with its sentence", async () => {
    const a = await engine.ask("灵丘2019年12345热线和政民互动共收到多少件信息");
    expect(a.status).toBe("answered");
    expect(a.facts[0]).toMatchObject({ value: 9861, raw: "9861", unit: "件", table: "prose" });
    expect(a.facts[0]?.quote).toContain("共收到各类信息9861件");
  });

  it("a year the corpus does not hold is not_found, naming what it does hold", async () => {
    const a = await engine.ask("灵丘2020年行政处罚多少");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
    expect(a.reply).toContain("本库未收录灵丘县2020年的报告；已收录：2019");
  });

  it("a body and a year with no figure named gets a question back, not a search", async () => {
    const a = await engine.ask("灵丘2019");
    expect(a.status).toBe("not_found");
    expect(a.reply).toContain("请说明要查灵丘县的哪一项数字");
  });

  it("去年 is read against the clock", async () => {
    const a = await engine.ask("去年灵丘行政处罚多少");
    expect(a.status).toBe("not_found");
    expect(a.notes.join()).toContain("2025");
  });

  it("a place with no report is not_found, never another body's figure", async () => {
    const a = await engine.ask("北京2019年行政处罚多少");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
    expect(a.reply).toContain("北京");
  });

  it.each(["", "   ", "灵".repeat(2000), "🙂🙂🙂", "<script>alert(1)</script>灵丘", "'; DROP TABLE facts; --", ".*+?[](){}|\\^$"])(
    "bad input %# gets a clear reply, never an exception",
    async (q) => {
      const a = await engine.ask(q);
      expect(["invalid", "not_found", "ambiguous", "answered"]).toContain(a.status);
      expect(a.reply.length).toBeGreaterThan(0);
      expect(a.reply).not.toContain("<script>");
    },
  );

  it("property: any string gets an answer, and every figure is in its quote", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom("灵丘2019年", "行政处罚", "申请", "复议", "去年").chain((p) => fc.string().map((s) => p + s)),
        ),
        async (q) => {
          const a = await engine.ask(q);
          expect(a.reply.length).toBeGreaterThan(0);
          numbersAreQuoted(a);
        },
      ),
      { numRuns: 200 },
    );
  });
});
