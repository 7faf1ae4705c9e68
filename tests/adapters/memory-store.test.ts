import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { approximateTokens, memoryUpdateLog } from "../../src/adapters/memory-store.js";
import type { ReportRow, Store } from "../../src/core/ports.js";
import { storeContract, updateLogContract } from "../contract/store.case.js";
import { renderReport } from "../helpers/make-report.js";
import { memoryIndex } from "../helpers/memory-index.js";

const corpus = resolve(import.meta.dirname, "../../corpus");
const seed = {
  file: "lingqiu-2019.txt",
  text: readFileSync(join(corpus, "lingqiu-2019.txt"), "utf8"),
  meta: JSON.parse(readFileSync(join(corpus, "lingqiu-2019.meta.json"), "utf8")),
};

let store: Store | undefined;
storeContract("memory", () => (store ??= memoryIndex([seed])));
updateLogContract("memory", () => memoryUpdateLog());

describe("memory store", () => {
  it("cuts passages into runs between punctuation and their bigrams, numbers whole", () => {
    expect(approximateTokens("全年受理12345热线，共9861件。")).toEqual([
      "全年受理",
      "全年",
      "年受",
      "受理",
      "12345",
      "热线",
      "共",
      "9861",
      "件",
    ]);
  });

  it("refuses a report the index build would skip, naming the file", () => {
    expect(() =>
      memoryIndex([{ file: "x.txt", text: "灵丘县政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实条例。\n" }]),
    ).toThrow("memory-store: x.txt: no reporting year found");
  });

  it("lists reports by body then year, and a body's reports by year, as the SQLite queries order them", () => {
    const report = (body: string, year: number) => ({
      file: `${body}-${year}.txt`,
      text: renderReport({ title: `${body}${year}年政府信息公开工作年度报告`, version: "2021", published: `${year + 1}-01-20` }),
    });
    const s = memoryIndex([report("灵丘县", 2022), report("盂县", 2021), report("灵丘县", 2021)], { places: false });
    const list = s.listReports(10) as ReportRow[];
    expect(list.map((r) => [r.id, r.body, r.year])).toEqual([
      [3, "灵丘县", 2021],
      [1, "灵丘县", 2022],
      [2, "盂县", 2021],
    ]);
    expect((s.listReports(1) as ReportRow[]).map((r) => r.id)).toEqual([3]);
    expect((s.reportsOfBody(list[0]?.bodyKey ?? "") as ReportRow[]).map((r) => r.id)).toEqual([3, 1]);
    expect(s.findAliases(["灵丘"])).toEqual([{ alias: "灵丘", bodyKey: list[0]?.bodyKey, body: "灵丘县", weight: 2, note: null }]);
  });
});
