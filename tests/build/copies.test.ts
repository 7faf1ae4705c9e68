/** Two copies of one report (report-format.md §12 item 12): compared at index time, and an answer about a differing cell cites both. */

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndex, type SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { buildIndex } from "../../src/build/build-index.js";
import { createEngine, type Engine } from "../../src/core/answer/answer-question.js";
import { renderReport } from "../helpers/make-report.js";

const corpus = mkdtempSync(join(tmpdir(), "copies-"));
const base = {
  title: "阳高县2021年政府信息公开工作年度报告",
  version: "2021" as const,
  published: "2022-01-25",
  t2: { penalty: [532], license: [1086] },
};
writeFileSync(join(corpus, "yanggao-2021-page.txt"), renderReport(base));
writeFileSync(join(corpus, "yanggao-2021-corrected.txt"), renderReport({ ...base, t2: { penalty: [523], license: [1086] } }));

const lines: string[] = [];
let engine: Engine;
let index: SqliteIndex;
beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "copies-index-")), "index");
  await buildIndex({ corpus, out, log: (l) => lines.push(l) });
  index = openIndex(out, { readonly: true });
  engine = createEngine({ store: index.store, now: () => new Date("2022-06-01T00:00:00Z") });
});
afterAll(() => index.close());

describe("two copies of one report", () => {
  it("the index log names the copy and the cells that differ", () => {
    const second = lines.find((l) => l.includes("same body and year as"));
    expect(second).toContain("1 cells differ");
    expect(second).toContain("523→532");
  });

  it("a differing cell is answered as ambiguous, citing both copies' figures", async () => {
    const a = await engine.ask("阳高县2021年行政处罚多少");
    expect(a.status).toBe("ambiguous");
    const w = a.facts[0]?.warnings.join() ?? "";
    expect(w).toContain("另一份报告");
    expect(a.reply).toMatch(/532[\s\S]*523|523[\s\S]*532/);
  });

  it("a cell both copies print alike is answered as usual", async () => {
    const a = await engine.ask("阳高县2021年行政许可多少");
    expect(a.status).toBe("answered");
    expect(a.facts[0]?.value).toBe(1086);
  });
});
