/**
 * Properties of the answer path over an index of generated reports (issue 11):
 * understanding never throws; every figure of an answered question stands in its cited quote, or
 * is a derived figure whose formula the reply shows and whose inputs stand in theirs; a question
 * that asks N figures gets at least N facts when it is answered, or says it did not find them all.
 */

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../../src/adapters/sqlite-store.js";
import type { Engine } from "../../../src/core/answer/answer-question.js";
import type { FactCitation } from "../../../src/core/answer/answer-types.js";
import { formulaOf } from "../../../src/core/answer/derive.js";
import { renderReport } from "../../helpers/make-report.js";
import { engineFor } from "../../helpers/seed-index.js";

const corpus = mkdtempSync(join(tmpdir(), "props-"));
writeFileSync(
  join(corpus, "a-2021.txt"),
  renderReport({
    title: "阳高县市场监督管理局2021年政府信息公开工作年度报告",
    version: "2021",
    published: "2022-01-25",
    t2: { penalty: [211], license: [37], coercion: [42], fees: ["3.5"], normative: [6, 0, 45] },
    t3: { new: [4, 1, 0, 0, 0, 0], granted: [3, 0, 0, 0, 0, 0], not_held: [1, 1, 0, 0, 0, 0] },
    t4: [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1],
    prose: ["全年主动公开政府信息394条。", "官方微信公众号发布信息736条，累计关注用户22887人。"],
  }),
);
writeFileSync(
  join(corpus, "a-2019.txt"),
  renderReport({
    title: "阳高县市场监督管理局2019年政府信息公开工作年度报告",
    version: "2019",
    published: "2020-01-17",
    t2: { penalty: [53, 4, 103], normative: [2, 2, 2] },
    t3: { new: [1, 0, 0, 0, 0, 0] },
    prose: ["全年主动公开政府信息215条，主动公开占比为90.62%，较2018年上升1.14个百分点。"],
  }),
);

/** Figures people ask about, each as one clause; joined by ？ they make questions asking several. */
const CLAUSES = [
  "行政处罚决定多少件",
  "行政许可几件",
  "行政强制多少件",
  "收到几件信息公开申请",
  "予以公开几件",
  "被申请行政复议几次",
  "被起诉几次",
  "行政诉讼一共几起",
  "新制发几件行政规范性文件",
  "现行有效几件",
  "主动公开了多少条政府信息",
  "公众号发了多少条信息",
  "依申请公开平均几天答复",
  "网络申请几件",
  "收了多少信息处理费",
  "不予公开多少件",
  "自然人提出了几件",
  "法人或其他组织提出了几件",
];
const BODIES = ["阳高县市场监督管理局", "阳高市监局", "市监局", "阳高县公安局", ""];
const YEARS = ["2021年", "2019年", "21年", "去年", "2023年", ""];

/** The digits of a figure as printed, for a look-up in its quote. */
const digits = (raw: string) => raw.replace(/[^\d.-]/g, "");

function checkFact(f: FactCitation, reply: string): void {
  if (f.derived) {
    expect(reply).toContain(formulaOf(f));
    expect(f.quote).toBe("");
    for (const x of f.derived.inputs) checkFact(x, reply);
    const sum = f.derived.inputs.reduce((a, x) => a + (x.value as number), 0);
    if (f.derived.op === "sum") expect(f.value).toBeCloseTo(sum, 6);
    return;
  }
  if (f.value !== null && f.table !== "prose") expect(f.quote.replace(/\s/g, "")).toContain(digits(f.raw));
  if (f.value !== null && f.table === "prose") expect(f.quote).toContain(f.raw);
}

let engine: Engine;
let index: SqliteIndex;
beforeAll(async () => {
  ({ engine, index } = await engineFor(corpus, new Date("2022-06-01T00:00:00Z")));
});
afterAll(() => index.close());

describe("answer properties", () => {
  it("never throws; cited figures stand in their quotes; N figures asked, N facts or not answered", async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BODIES),
        fc.constantFrom(...YEARS),
        fc.array(fc.constantFrom(...CLAUSES), { minLength: 1, maxLength: 3 }),
        async (body, year, clauses) => {
          const q = `${body}${year}${clauses.join("？")}？`;
          const a = await engine.ask(q);
          expect(["answered", "not_found", "ambiguous", "invalid"]).toContain(a.status);
          for (const f of a.facts) checkFact(f, a.reply);
          if (a.status === "answered") {
            answered++;
            expect(a.facts.length).toBeGreaterThanOrEqual(clauses.length);
          }
        },
      ),
      { numRuns: 300 },
    );
    // Not vacuous: a good share of the generated questions name a body and year the index holds.
    expect(answered).toBeGreaterThan(30);
  });

  it("never throws on arbitrary text, markup or huge input", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (s) => {
        const a = await engine.ask(`阳高市监局2021年${s}`);
        expect(typeof a.reply).toBe("string");
      }),
      { numRuns: 200 },
    );
    expect((await engine.ask("多".repeat(5000))).status).toBe("invalid");
    expect((await engine.ask("<script>alert(1)</script>阳高市监局2021年行政处罚多少")).facts[0]?.value).toBe(211);
  });

  it("asked together, figures come one per clause in the asked order", async () => {
    const a = await engine.ask("阳高市监局2021年新制发几件行政规范性文件？现行有效几件？行政处罚多少件？");
    expect(a.status).toBe("answered");
    expect(a.facts.map((f) => f.value)).toEqual([6, 45, 211]);
    const b = await engine.ask("阳高市监局2021年公众号发了多少条信息？累计关注用户多少？");
    expect(b.facts.map((f) => f.value)).toEqual([736, 22887]);
  });

  it("a year compared with that the corpus lacks is no year asked; points are not a share", async () => {
    const a = await engine.ask("阳高市监局2019年主动公开占比比2018年上升了多少个百分点");
    expect(a.status).toBe("answered");
    expect(a.facts.map((f) => [f.value, f.unit])).toEqual([[1.14, "个百分点"]]);
    expect((await engine.ask("阳高市监局2019年主动公开占比是多少")).facts[0]?.value).toBe(90.62);
    expect((await engine.ask("阳高市监局2018年主动公开了多少条")).status).toBe("not_found");
  });

  it("a quantity no cell holds is never answered with a nearby cell", async () => {
    for (const q of ["阳高市监局2021年依申请公开平均几天答复", "阳高市监局2021年网络申请几件", "阳高市监局2021年申请办结率多少"]) {
      const a = await engine.ask(q);
      expect(a.status).not.toBe("answered");
      expect(a.facts).toEqual([]);
    }
  });
});

describe("figure places from the structure", () => {
  it("the reply starts with the facts' part, and every figure line (derived ones too) is marked where it stands", async () => {
    const { renderFactsRich } = await import("../../../src/core/answer/render-text.js");
    for (const q of [
      "阳高市监局2021年行政诉讼一共几起",
      "阳高市监局2019年行政处罚多少",
      "阳高市监局2021年行政处罚多少件？行政许可几件？",
    ]) {
      const a = await engine.ask(q);
      const rich = renderFactsRich(a.facts);
      expect(a.reply.startsWith(rich.text)).toBe(true);
      expect(rich.figures.length).toBeGreaterThan(0);
      for (const f of rich.figures) expect(rich.text.slice(f.offset, f.offset + f.length)).toMatch(/：/);
    }
  });
});
