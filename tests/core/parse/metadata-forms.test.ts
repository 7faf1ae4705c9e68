/** Bodies and years as printed (report-format.md §12 items 10 and 11): wrapped titles, spaced years, preamble, signature. */

import { describe, expect, it } from "vitest";
import { readMeta } from "../../../src/core/parse/metadata.js";

const meta = (lines: string[]) => readMeta(lines, {}, "x.md");

describe("titles and names as printed", () => {
  it("reads a title wrapped over two lines, with a space between the year and 年, under a first line 正文", () => {
    expect(meta(["正文", "2023 年广灵县农业农村局政府信息公开工作", "年度报告"])).toMatchObject({ body: "广灵县农业农村局", year: 2023 });
    expect(meta(["**阳高县2020年政府信息公开**", "**工作年度报告**"])).toMatchObject({ body: "阳高县", year: 2020 });
  });

  it("indexes an abbreviated title's body under the full name its preamble or signature gives", () => {
    const m = meta(["# 2024 年大同市卫健委政府信息公开工作", "年度报告", "", "本报告由大同市卫生健康委员会编制。"]);
    expect(m).toMatchObject({ body: "大同市卫生健康委员会", year: 2024 });
    expect(m.title).toContain("卫健委");
  });

  it("without a title naming it, takes the body from the preamble, else the signature, and the year from the statistics period", () => {
    expect(meta(["政府信息公开工作年度报告", "本报告由广灵县农业农村局编制，统计期限为2022年1月1日至12月31日。"])).toMatchObject({
      body: "广灵县农业农村局",
      year: 2022,
      title: "政府信息公开工作年度报告",
    });
    const signed = meta([
      "一、总体情况",
      "本报告统计期限为2021年1月1日至2021年12月31日。",
      "六、其他需要报告的事项",
      "无。",
      "浑源县人民政府办公室",
      "2022年1月20日",
    ]);
    expect(signed).toMatchObject({ body: "浑源县人民政府办公室", year: 2021 });
  });

  it("names no body when the text gives none", () => {
    expect(meta(["根据《条例》要求，特编制此报告：一、总体情况"]).body).toBe("");
  });
});
