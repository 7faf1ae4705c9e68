import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/core/parse/parse-report.js";
import { displayWidth, isPageNumber, wrapWidth } from "../../../src/core/parse/passages.js";
import { nfkc } from "../../../src/core/text/normalize.js";

/** Text as the passages hold it (NFKC punctuation), without spaces. */
const norm = (s: string | undefined) => nfkc(s ?? "").replace(/\s/g, "");

/**
 * Prose as pdftotext prints it: each paragraph cut into lines of about one width (`width`
 * display columns, CJK counting two), the last line of a paragraph shorter. Invented text.
 */
function wrap(paragraph: string, width = 60): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ch of paragraph) {
    // As in print, punctuation never starts a line.
    if (displayWidth(cur + ch) > width && !/[，。、；：）”]/.test(ch)) {
      out.push(cur);
      cur = "";
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const P1 =
  "本年度，我局坚持以公开为常态、不公开为例外，依托门户网站和政务新媒体平台，积极主动发布与群众生产生活密切相关的政府信息，全年门户网站公开政府信息 356 条，官方微信公开信息 812 条，全年新增关注用户 947 人，截至年底累计总关注用户达 4120 人。";
const P2 =
  "全年共受理政府信息公开申请 17 件，其中网络申请 9 件，信函申请 8 件，申请内容主要涉及工程建设、公共交通和物业管理等方面，均已在法定期限内答复完毕，答复率达 100%。";
const P3 =
  "严格落实信息发布三审三校制度，及时更新机构职能、权责清单等基础信息，确保内容更新及时、栏目设置规范、信息查询便捷，进一步提升政府信息公开工作的规范化和标准化水平。";

/** A small report in the shape of pdftotext output: title, wrapped paragraphs, headings. */
function report(body: string[]): string {
  return ["示例县交通运输局2025年政府信息公开工作年度报告", "", "一、总体情况", "", ...body].join("\n");
}

const passages = (text: string) => parseReport({ text, file: "x.txt" }).passages;

describe("wrapped paragraphs from PDF text", () => {
  it("are joined into one passage, cited at its first line, so a sentence over a line break stays whole", () => {
    const text = report([
      ...wrap(`（一）主动公开方面。${P1}`),
      "",
      ...wrap(`（二）依申请公开方面。${P2}`),
      "",
      ...wrap(`（三）信息管理方面。${P3}`),
    ]);
    const ps = passages(text);
    const lines = text.split("\n");
    const first = ps.find((p) => p.text.startsWith("（一）"));
    expect(norm(first?.text)).toContain(norm("全年新增关注用户 947 人，截至年底累计总关注用户达 4120 人。"));
    expect(norm(first?.text)).toBe(norm(`（一）主动公开方面。${P1}`));
    expect(lines[(first?.line ?? 0) - 1]).toMatch(/^（一）主动公开方面。/);
    expect(ps.filter((p) => p.section === "一").map((p) => p.text.slice(0, 3))).toEqual(["一、总", "（一）", "（二）", "（三）"]);
  });

  it("without blank lines between paragraphs (pdftotext -raw), a line that ends a sentence ends the paragraph", () => {
    const ps = passages(report([...wrap(P1), ...wrap(P2), ...wrap(P3)]));
    expect(ps.filter((p) => p.section === "一").map((p) => p.text.slice(0, 3))).toEqual(["一、总", "本年度", "全年共", "严格落"]);
  });

  it("run over a page break: the form feed, the blank line before it and a page number do not end the paragraph", () => {
    const a = wrap(P1);
    const b = wrap(P2);
    for (const furniture of [
      ["", `\f${a[2]}`],
      ["- 2 -", `\f${a[2]}`],
      ["", "第 2 页 共 5 页", `\f${a[2]}`],
      ["", "2", "", `\f${a[2]}`],
      ["", "\f3", a[2] as string],
    ]) {
      const text = report([...a.slice(0, 2), ...furniture, ...a.slice(3), "", ...b]);
      const ps = passages(text).filter((p) => p.section === "一");
      expect(ps).toHaveLength(3);
      expect(norm(ps[1]?.text)).toBe(norm(P1));
      expect(ps.some((p) => /页|^- 2 -$/.test(p.text))).toBe(false);
    }
  });

  it("stop at a heading, an enumerated item and a short line, even without a full stop", () => {
    const head = wrap(P1.slice(0, 60));
    const text = report([
      ...head.slice(0, 1), // a full line that ends mid-sentence…
      "五、存在的主要问题及改进情况", // …followed by a heading
      "（一）政府信息主动公开情况", // a short sub-heading with no full stop
      ...wrap(P2),
      ...wrap(P3).slice(0, 1),
      "1.规范性文件目录已全部更新。", // an enumerated item
      ...wrap(P1),
    ]);
    const ps = passages(text);
    expect(ps.map((p) => p.text)).toContain("五、存在的主要问题及改进情况");
    expect(norm(ps.find((p) => p.section === "一" && p.text.startsWith("本年度"))?.text)).toBe(norm(head[0]));
    expect(ps.map((p) => p.text)).toContain("（一）政府信息主动公开情况");
    expect(ps.map((p) => p.text)).toContain("1.规范性文件目录已全部更新。");
    expect(norm(ps.find((p) => p.text.startsWith("全年共受理"))?.text)).toBe(norm(P2));
  });

  it("keep a space where a figure meets a figure at the break, so two numbers never run together", () => {
    const line1 = "本年度按统一部署完成公开目录的梳理和更新，涉及文件编号 2025";
    const text = report([...wrap(P1), line1, "0017 号至 0032 号，均已按期公开。", ...wrap(P3)]);
    const p = passages(text).find((x) => x.text.startsWith("本年度按统一"));
    expect(p?.text).toContain("2025 0017 号");
  });

  it("leave a web page's paragraphs (one per line, of any length) as they are", () => {
    const lines = [P1, "本年度未收到行政复议申请", P2, P3, P2.slice(0, 40), P1.slice(0, 70), P3.slice(0, 50), P2.slice(10, 90)];
    expect(wrapWidth(lines)).toBeNull();
    const ps = passages(report(lines));
    expect(ps.filter((p) => p.section === "一")).toHaveLength(lines.length + 1);
  });

  it("never join a table's rows, and keep only sentences inside a table's section", () => {
    const text = report([
      ...wrap(P1),
      "",
      "三、收到和处理政府信息公开申请情况",
      "          一、本年新收政府信息公开申请数量       17   0   0    0      0   0   17",
      "          二、上年结转政府信息公开申请数量       0    0   0    0      0   0    0",
      ...wrap(P3),
      "四、政府信息公开行政复议、行政诉讼情况",
    ]);
    const ps = passages(text);
    expect(ps.some((p) => p.text.includes("本年新收"))).toBe(false);
    expect(norm(ps.find((p) => p.section === "三")?.text)).toBe(norm(P3));
  });
});

describe("wrap width and page furniture", () => {
  it("finds the width most long lines share", () => {
    const w = wrapWidth([...wrap(P1), ...wrap(P2), ...wrap(P3), "一、总体情况", "", "12"]);
    expect(w).toBeGreaterThanOrEqual(56);
    expect(w).toBeLessThanOrEqual(62);
  });

  it("knows page numbers as printed", () => {
    for (const s of ["- 3 -", "—3—", "第 3 页", "第3页 共12页", "3/12", "共 12 页 第 3 页"]) expect(isPageNumber(s), s).toBe(true);
    for (const s of ["3", "2025 年", "第三条", "一、总体情况"]) expect(isPageNumber(s), s).toBe(false);
  });
});
