import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverage } from "../../../src/core/question/coverage.js";
import { splitClauses } from "../../../src/core/question/split-clauses.js";

describe("splitClauses", () => {
  it("one clause per asked figure, in the asked order", () => {
    expect(splitClauses("新制发几件行政规范性文件?现行有效的有几件?")).toEqual(["新制发几件行政规范性文件", "现行有效的有几件"]);
    expect(splitClauses("规章制发几件、废止几件、现行有效几件")).toEqual(["规章制发几件", "废止几件", "现行有效几件"]);
    expect(splitClauses("收到多少件申请,其中予以公开几件")).toEqual(["收到多少件申请", "其中予以公开几件"]);
  });

  it("keeps lists of rows, context before a comma and yes/no lead-ins with the figure they lead to", () => {
    expect(splitClauses("行政许可、行政处罚的处理决定各多少件")).toEqual(["行政许可、行政处罚的处理决定各多少件"]);
    expect(splitClauses("被复议、被起诉一共几次")).toEqual(["被复议、被起诉一共几次"]);
    expect(splitClauses("收到的申请中,涉及土地的有几件")).toEqual(["收到的申请中,涉及土地的有几件"]);
    expect(splitClauses("收取信息处理费了吗?收了多少?")).toEqual(["收取信息处理费了吗收了多少"]);
  });

  it("never throws and never loses a clause's text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const out = splitClauses(s);
        expect(out.length).toBeGreaterThan(0);
        for (const c of out) expect(s.replace(/[?？;；。!！]/g, "")).toContain(c.replace(/[?？;；。!！]/g, "").slice(0, 3));
      }),
    );
  });
});

describe("coverage", () => {
  it("a clause the template's words cover leaves nothing over", () => {
    expect(coverage("因本机关不掌握相关信息而无法提供的申请有几件")).toEqual({ uncovered: "", measure: null });
    expect(coverage("行政处罚决定有几件")).toEqual({ uncovered: "", measure: null });
  });

  it("names the qualifiers no cell covers, and measure words no cell is counted in", () => {
    expect(coverage("依申请公开平均几天答复").uncovered).toContain("平均");
    expect(coverage("网络申请几件").uncovered).toBe("网络");
    expect(coverage("主动公开了多少条政府信息").measure).toBe("条");
    expect(coverage("无法提供的占比多少").uncovered).toContain("占比");
  });
});
