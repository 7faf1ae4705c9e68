import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../../src/adapters/sqlite-store.js";
import type { Engine } from "../../../src/core/answer/answer-question.js";
import { renderReport } from "../../helpers/make-report.js";
import { engineFor, SEED_CORPUS } from "../../helpers/seed-index.js";

const corpus = mkdtempSync(join(tmpdir(), "corpus-"));
copyFileSync(join(SEED_CORPUS, "lingqiu-2019.txt"), join(corpus, "lingqiu-2019.txt"));
writeFileSync(
  join(corpus, "lingqiu-2021.txt"),
  renderReport({
    title: "灵丘县2021年政府信息公开工作年度报告",
    version: "2021",
    published: "2022-01-25",
    t2: { penalty: [532], license: [1086], fees: ["12.5"], normative: [3, 1, 27] },
    t3: { new: [10, 2, 0, 0, 1, 0], granted: [6, 1, 0, 0, 1, 0], not_held: [3, 1, 0, 0, 0, 0], secret: [1, 0, 0, 0, 0, 0] },
    t4: [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 1, 0, 0, 1],
    prose: ["本年度共收到政府信息公开申请14件。", "全年通过政府网站主动公开政府信息3250条。"],
  }),
);
for (const [file, title] of [
  ["yangquan-chengqu-2021.txt", "阳泉市城区2021年政府信息公开工作年度报告"],
  ["jincheng-chengqu-2021.txt", "晋城市城区2021年政府信息公开工作年度报告"],
]) {
  writeFileSync(
    join(corpus, file as string),
    renderReport({
      title: title as string,
      version: "2021",
      published: "2022-01-20",
      t2: { penalty: [file?.startsWith("yang") ? 77 : 88] },
    }),
  );
}
writeFileSync(
  join(corpus, "yuxian-2020.txt"),
  renderReport({
    title: "盂县2020年政府信息公开工作年度报告",
    version: "2019",
    published: "2021-01-30",
    t2: { fees: [38, -3], procurement: [12, "123000元"] },
    breakTotal: true,
  }),
);

// The same 盂县 2021 report twice: "a-" sorts first and lost its table 二 and 三 (a bad conversion).
const yuxian2021 = renderReport({
  title: "盂县2021年政府信息公开工作年度报告",
  version: "2021",
  published: "2022-01-28",
  t2: { penalty: [41] },
});
writeFileSync(
  join(corpus, "a-yuxian-2021-damaged.txt"),
  yuxian2021.replace(/二、主动公开政府信息情况[\s\S]*?四、政府信息公开行政复议/, "四、政府信息公开行政复议"),
);
writeFileSync(join(corpus, "b-yuxian-2021.txt"), yuxian2021);

let engine: Engine;
let index: SqliteIndex;
beforeAll(async () => {
  ({ engine, index } = await engineFor(corpus));
});
afterAll(() => index.close());

describe("answers across bodies, years and both templates", () => {
  it("a 2021 row has one column: 本年处理决定数量", async () => {
    const a = await engine.ask("灵丘县2021年行政处罚多少");
    expect(a.facts.map((f) => [f.column, f.value])).toEqual([["本年处理决定数量", 532]]);
    expect(a.reply).toContain("532");
  });

  it("2021 fees are money in 万元, decimals kept as printed", async () => {
    const a = await engine.ask("灵丘2021年行政事业性收费多少");
    expect(a.facts[0]).toMatchObject({ value: 12.5, raw: "12.5", unit: "万元", column: "本年收费金额（单位：万元）" });
  });

  it("a row the report's template does not have is declined with the reason", async () => {
    const a = await engine.ask("灵丘2021年政府集中采购多少");
    expect(a.status).toBe("not_found");
    expect(a.reply).toContain("2021版模板，该版没有");
  });

  it("a 2019-template 采购总金额 keeps the unit printed in the cell", async () => {
    const a = await engine.ask("盂县2020年政府集中采购金额");
    expect(a.facts[0]).toMatchObject({ value: 123000, unit: "元", column: "采购总金额" });
  });

  it("a signed 本年增/减 is read as printed", async () => {
    const a = await engine.ask("盂县2020年行政事业性收费增减");
    expect(a.facts[0]).toMatchObject({ value: -3, raw: "-3", column: "本年增/减" });
  });

  it("a prose figure that contradicts the table is flagged on the table's answer", async () => {
    const a = await engine.ask("灵丘2021年收到多少件信息公开申请");
    expect(a.facts[0]).toMatchObject({ value: 13, table: "三" });
    expect(a.facts[0]?.warnings.join()).toContain("报告自相矛盾");
    expect(a.reply).toContain("共收到政府信息公开申请14件");
  });

  it("a 总计 that breaks T3-2 is read as published, with the warning", async () => {
    const a = await engine.ask("盂县2020年办理结果总计");
    expect(a.facts[0]).toMatchObject({ value: 1, table: "三", row: "（七）总计" });
    expect(a.facts[0]?.warnings.join()).toContain("勾稽关系不符");
  });

  it("a name two bodies share is ambiguous; the city settles it", async () => {
    const amb = await engine.ask("城区2021年行政处罚多少");
    expect(amb.status).toBe("ambiguous");
    expect(amb.facts).toEqual([]);
    expect(amb.reply).toContain("阳泉市城区");
    expect(amb.reply).toContain("晋城市城区");
    const a = await engine.ask("阳泉城区2021年行政处罚多少");
    expect(a.facts[0]?.value).toBe(77);
  });

  it("a report indexed twice is answered from the better reading", async () => {
    const a = await engine.ask("盂县2021年行政处罚多少");
    expect(a.facts[0]).toMatchObject({ value: 41, report: { file: "b-yuxian-2021.txt" } });
  });

  it("no year: the latest report, with a note", async () => {
    const a = await engine.ask("灵丘行政处罚多少");
    expect(a.facts[0]?.year).toBe(2021);
    expect(a.notes.join()).toContain("未指明年份");
  });

  it("two years: facts in the order asked", async () => {
    const a = await engine.ask("灵丘2021年和2019年行政处罚");
    expect(a.facts.map((f) => f.year)).toEqual([2021, 2019, 2019, 2019]);
  });

  it("a group without a subtotal is one derived fact: the sum, its formula, every row cited", async () => {
    const a = await engine.ask("灵丘2021年不予公开多少");
    expect(a.status).toBe("answered");
    expect(a.facts).toHaveLength(1);
    const [sum] = a.facts;
    expect(sum).toMatchObject({ value: 1, quote: "", row: "不予公开", derived: { op: "sum" } });
    expect(sum?.derived?.inputs).toHaveLength(8);
    expect(sum?.derived?.inputs[0]).toMatchObject({ row: "1.属于国家秘密", value: 1 });
    for (const f of sum?.derived?.inputs ?? []) expect(f.quote).toContain(f.raw);
    expect(a.reply).toContain("计算得出：1 + 0 + 0 + 0 + 0 + 0 + 0 + 0 = 1，报告未单列此数");
  });

  it("复议 and 诉讼 come from table 四", async () => {
    expect((await engine.ask("灵丘2021年被行政复议几次")).facts[0]).toMatchObject({ value: 4, row: "行政复议", column: "总计" });
    const s = await engine.ask("灵丘2021年行政诉讼多少件");
    expect(s.facts.map((f) => f.value)).toEqual([3]);
    expect(s.facts[0]?.derived?.inputs.map((f) => f.value)).toEqual([2, 1]);
    expect(s.reply).toContain("2 + 1 = 3");
    // Asked separately, each figure is its own fact, in the asked order.
    const both = await engine.ask("灵丘2021年被行政复议几次？被起诉几次？");
    expect(both.facts.map((f) => f.value)).toEqual([4, 3]);
    // Asked together as one number: one derived total over both.
    const total = await engine.ask("灵丘2021年被复议、被起诉一共几次");
    expect(total.facts.map((f) => f.value)).toEqual([7]);
  });

  it("an applicant column is picked by its everyday word", async () => {
    const a = await engine.ask("灵丘2021年自然人提出多少申请");
    expect(a.facts[0]).toMatchObject({ column: "自然人", value: 10 });
  });

  it("a department of an indexed county is not answered with the county's figure", async () => {
    const a = await engine.ask("灵丘县公安局2021年行政处罚多少");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
  });

  it("prose figures are answered only when every content word is in the sentence", async () => {
    const a = await engine.ask("灵丘2021年主动公开政府信息多少条");
    expect(a.facts[0]).toMatchObject({ value: 3250, unit: "条", table: "prose" });
    const b = await engine.ask("灵丘2021年财政收入多少");
    expect(b.status).toBe("not_found");
  });
});
