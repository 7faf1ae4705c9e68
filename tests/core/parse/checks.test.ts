import { describe, expect, it } from "vitest";
import { blocksOf } from "../../../src/core/template.js";
import { cellAt, failed, parseFixture } from "../../helpers/forms.js";

describe("cell keys", () => {
  it("are unambiguous: no template id or item holds a '|' (the checks look cells up by row and column)", () => {
    for (const b of [...blocksOf("2019"), ...blocksOf("2021")]) {
      expect(b.item ?? "").not.toContain("|");
      for (const id of [...b.rows.map((r) => r.id), ...b.columns.map((c) => c.id)]) expect(id).not.toContain("|");
    }
  });
});

describe("a published 总计 that is not the sum of its rows (2021)", () => {
  const r = parseFixture("cells-2021-no-header-misnumbered.txt");

  it("reads the cell as published", () => {
    expect(cellAt(r, "三", "total", "tot")).toMatchObject({ raw: "50", value: 50, state: "number" });
    expect(cellAt(r, "三", "total", "tot").quote).toContain("50 |");
  });

  it("fails exactly the rules that involve it", () => {
    expect(failed(r).sort()).toEqual(["T3-1", "T3-2", "T3-3"]);
    const t32 = r.checks.find((c) => c.rule === "T3-2" && !c.ok);
    expect(t32?.detail).toBe("总计列：（七）总计=50，各办理结果相加=49");
    expect(r.checks.filter((c) => c.rule === "T3-2" && c.ok)).toHaveLength(6);
  });

  it("puts the warning on every involved cell, and on no other", () => {
    const warned = (rowId: string, colId: string) => cellAt(r, "三", rowId, colId).warnings.some((w) => w.includes("勾稽关系不符"));
    expect(warned("total", "tot")).toBe(true);
    expect(warned("granted", "tot")).toBe(true);
    expect(warned("total", "np")).toBe(true);
    expect(warned("granted", "np")).toBe(false);
    expect(cellAt(r, "三", "total", "tot").warnings.join("")).toContain("报告原文如此");
  });

  it("still passes T4-1", () => {
    expect(r.checks.filter((c) => c.rule === "T4-1").every((c) => c.ok)).toBe(true);
  });
});
