import { describe, expect, it } from "vitest";
import { findHeadings, lineHeadings } from "../../../src/core/parse/sections.js";
import { nfkc, nfkcAll } from "../../../src/core/text/normalize.js";
import { parseFixture } from "../../helpers/forms.js";

/** Headings with a line of body text after each, as in a report. */
const withBodies = (heads: string[]) => heads.flatMap((h) => [h, "正文。"]);

describe("section headings", () => {
  it("finds the §7.1 variant wordings", () => {
    const h = findHeadings(
      withBodies([
        "一、总体情况",
        "二、行政机关主动公开政府信息情况",
        "| 三、行政机关收到和处理政府信息公开申请情况 | | |",
        "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "**五、政府信息公开工作存在的主要问题及改进情况**",
        "六、其他需要报告的事项",
      ]),
    );
    expect(h.map((x) => x.id)).toEqual(["一", "二", "三", "四", "五", "六"]);
    expect(h.some((x) => x.misnumbered)).toBe(false);
  });

  it("takes an unnumbered line naming a section only where no numbered heading names it", () => {
    // A preamble wrapped by a PDF converter: one of its lines starts with the parts it lists.
    const lines = [
      "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政",
      "信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况等部分组成。",
      "一、总体情况",
      "（三）收到和处理政府信息公开申请情况",
      "本年度未收到申请。",
      "二、主动公开政府信息情况",
      "正文。",
      "三、收到和处理政府信息公开申请情况",
      "正文。",
      "四、政府信息公开行政复议、行政诉讼情况",
    ];
    expect(findHeadings(lines).map((x) => [x.id, x.line])).toEqual([
      ["一", 2],
      ["二", 5],
      ["三", 7],
      ["四", 9],
    ]);
    // Without numbered headings the unnumbered ones still stand in.
    expect(
      findHeadings(["（二）主动公开政府信息情况", "正文。", "（三）收到和处理政府信息公开申请情况", "正文。"]).map((x) => x.id),
    ).toEqual(["二", "三"]);
  });

  it("accepts a misnumbered heading on its specific wording and says so", () => {
    const h = findHeadings(
      withBodies([
        "一、总体情况",
        "二、主动公开政府信息情况",
        "四、收到和处理政府信息公开申请情况",
        "五、政府信息公开行政复议、行政诉讼情况",
      ]),
    );
    expect(h.map((x) => [x.id, x.misnumbered])).toEqual([
      ["一", undefined],
      ["二", undefined],
      ["三", "四"],
      ["四", "五"],
    ]);
  });

  it("does not take a numbered sub-item for a misnumbered section", () => {
    const h = findHeadings(withBodies(["一、总体情况", "三、依申请公开情况", "二、主动公开政府信息情况"]));
    expect(h.map((x) => x.id)).toEqual(["一", "二"]);
  });

  it("skips a table of contents that lists the parts before the report starts", () => {
    const toc = [
      "目录",
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
    ];
    const h = findHeadings([...toc, "正文。", ...withBodies(toc.slice(1))]);
    expect(h.map((x) => x.line)).toEqual([6, 8, 10, 12]);
  });

  it("reads a report whose headings are all shifted by one, and warns", () => {
    const r = parseFixture("cells-2021-no-header-misnumbered.txt");
    expect(r.warnings).toContain("heading of section 四 printed as 五: 五、因政府信息公开工作被申请行政复议和提起行政诉讼情况");
    expect(r.cells.filter((c) => c.table === "四").map((c) => c.value)).toEqual([3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 0, 0, 0, 1, 1]);
    expect(r.passages.some((p) => p.section === "五" && p.text.includes("政策解读"))).toBe(true);
  });

  it("reads the same headings from the lines' NFKC forms as from the lines", () => {
    const lines = withBodies([
      "一、总体\u200b情况",
      "**二、主动公开政府信息情况**",
      "| 三、收到和处理政府信息公开申请情况 | | |",
      "四、政府信息公开行政复议、\u00a0行政诉讼情况",
      "__五、存在的主要问题及改进情况__",
      "六、其他需要<br>报告的事项",
      "（二）主动公开政府信息情况",
    ]);
    expect(findHeadings(lines, lineHeadings(lines.map(nfkc)))).toEqual(findHeadings(lines));
    expect(findHeadings(lines, lineHeadings(nfkcAll(lines).text))).toEqual(findHeadings(lines));
  });

  it("relies on no character below U+2E80 normalising to an ideograph (lines without one are no heading)", () => {
    for (let cp = 0; cp < 0x2e80; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      expect(/[\u4e00-\u9fff]/.test(String.fromCodePoint(cp).normalize("NFKC"))).toBe(false);
    }
    expect(findHeadings(["1 |", "0", "|||", "-7 |", "正文。", "二、主动公开政府信息情况"]).map((h) => h.id)).toEqual(["二"]);
  });
});
