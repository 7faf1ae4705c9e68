import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/core/parse/parse-report.js";
import { findHeadings } from "../../../src/core/parse/sections.js";
import { blocksOf } from "../../../src/core/template.js";

const LABELS = [
  ...blocksOf("2021").flatMap((b) => b.rows.map((r) => r.label)),
  ...blocksOf("2019").flatMap((b) => b.rows.map((r) => r.label)),
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "二、主动公开政府信息情况",
  "第二十条第（一）项",
  "信息内容",
  "总计",
  "本年制发件数",
  "上一年项目数量",
  "法人或其他组织小计",
];
const CELL = fc.oneof(
  fc.constantFrom("0", "1", "12", "-3", "+2", "增加3", "/", "—", "无", "", "12.5", "123000元", "１２"),
  fc.nat(3000).map(String),
  fc.constantFrom(...LABELS),
);
const SEP = fc.constantFrom(" | ", "\t", " ", "", "|");
const LINE = fc.tuple(fc.array(CELL, { maxLength: 10 }), SEP, fc.boolean()).map(([cells, sep, pipes]) => {
  const body = cells.join(sep);
  return pipes ? `| ${body} |` : body;
});

describe("parseReport on any text", () => {
  it("property: never throws, and every figure read from separate cells is in its quote", () => {
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 40 }), (lines) => {
        const r = parseReport({ text: lines.join("\n"), file: "x.txt" });
        for (const c of r.cells) {
          if (c.state === "number" && !c.decidedBy) expect(c.quote).toContain(c.raw);
          if (c.state === "ambiguous") expect(c.value).toBeNull();
          expect(c.line).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: an HTML page of random rows never throws", () => {
    fc.assert(
      fc.property(fc.array(fc.array(CELL, { maxLength: 9 }), { maxLength: 30 }), (rows) => {
        const html = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td rowspan="2"><p><span>${c || "&nbsp;"}</span></p></td>`).join("")}</tr>`).join("")}</table>`;
        const r = parseReport({ text: html, file: "x.html" });
        for (const c of r.cells) if (c.state === "number" && !c.decidedBy) expect(c.quote).toContain(c.raw);
      }),
      { numRuns: 150 },
    );
  });
});

describe("passages", () => {
  it("take their sections from the headings of the lines as printed, markup and zero-width characters included", () => {
    const lines = [
      "某县2021年政府信息公开工作年度报告",
      "一、总体\u200b情况",
      "本年度各项工作有序推进，成效明显。",
      "二、主动公开政府信息情况",
      "规章 | 0 | 0 | 0",
      "三、收到和处理政府信息公开申请情况",
      "本年新收 | 1",
      "四、政府信息公开行政复议、行政诉讼情况",
      "行政复议 | 0",
      "**五、存在的主要问题及改进情况**",
      "问题仍然存在，需要持续改进。",
      "六、其他需要<br>报告的事项",
      "本年度无其他需要报告的事项。",
      "__六、其他需要报告的事项__",
      "本机关无收取信息处理费情况。",
    ];
    const r = parseReport({ text: lines.join("\n"), file: "x.txt" });
    // The tables end at the heading of 五; 六 is read from the cleaned lines (line 12) but not from the printed ones.
    expect(findHeadings(r.lines).map((h) => h.id)).toEqual(["一", "二", "三", "四", "五"]);
    expect(r.passages.map((p) => [p.section, p.line])).toEqual([
      ["一", 2],
      ["一", 3],
      ["五", 10],
      ["五", 11],
      ["五", 12],
      ["五", 13],
      ["五", 14],
      ["五", 15],
    ]);
  });
});
