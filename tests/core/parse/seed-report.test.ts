import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/core/parse/parse-report.js";
import { SEED_CORPUS } from "../../helpers/seed-index.js";

const text = readFileSync(join(SEED_CORPUS, "lingqiu-2019.txt"), "utf8");
const r = parseReport({ text, file: "lingqiu-2019.txt" });
const cell = (table: string, rowId: string, colId: string) =>
  r.cells.find((c) => c.table === table && c.rowId === rowId && c.colId === colId);

describe("the seed report (one cell per line, 2019 template)", () => {
  it("reads its metadata from the page header", () => {
    expect(r.meta).toMatchObject({ title: "灵丘县2019年政府信息公开工作年度报告", body: "灵丘县", year: 2019, published: "2020-02-19" });
    expect(r.form).toBe("cell-per-line");
  });

  it("detects the 2019 template from the table headers and reads all 198 cells", () => {
    expect(r.template).toBe("2019");
    expect(r.cells).toHaveLength(22 + 161 + 15);
    expect(r.warnings).toEqual([]);
  });

  it("keeps an empty cell apart from 0", () => {
    expect(cell("二", "penalty", "prev_items")).toMatchObject({ raw: "1249", value: 1249, state: "number", unit: "项" });
    expect(cell("二", "penalty", "change")).toMatchObject({ value: 0, state: "number" });
    expect(cell("二", "penalty", "decisions")).toMatchObject({ raw: "", value: null, state: "empty" });
    expect(cell("二", "license", "prev_items")?.value).toBe(262);
    expect(cell("二", "coercion", "prev_items")?.value).toBe(70);
  });

  it("quotes the source lines of each row, holding the figure verbatim", () => {
    const c = cell("二", "penalty", "prev_items");
    expect(c?.quote).toBe("行政处罚 |\n1249 |\n0 |\n|");
    expect(text.split("\n")[(c?.line ?? 0) - 1]).toBe("行政处罚 |");
  });

  it("passes every 勾稽 rule", () => {
    expect(r.checks.length).toBeGreaterThan(20);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it("splits the prose into passages under their sections", () => {
    const p = r.passages.find((x) => x.text.includes("9861"));
    expect(p?.section).toBe("一");
    expect(r.passages.some((x) => x.text.includes("1249"))).toBe(false);
  });
});
