import { describe, expect, it } from "vitest";
import { pageLines, type Rule, type TextItem } from "../../../src/core/parse/pdf-grid.js";

const t = (str: string, x: number, y: number, size = 10): TextItem => ({
  str,
  x,
  y,
  w: str.length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1),
  size,
});
const h = (y: number, x0: number, x1: number): Rule => ({ x0, y0: y - 0.5, x1, y1: y + 0.5 });
const v = (x: number, y0: number, y1: number): Rule => ({ x0: x - 0.5, y0, x1: x + 0.5, y1 });

describe("pageLines", () => {
  it("turns a ruled table into pipe rows: a rowspan cell once, an empty cell kept, wrapped text joined", () => {
    // Two rows; column 0 spans both rows; row 2 column 2 is empty; row 1 column 1 wraps.
    const rules = [h(100, 0, 300), h(70, 100, 300), h(40, 0, 300), v(0, 40, 100), v(100, 40, 100), v(200, 40, 100), v(300, 40, 100)];
    const items = [
      t("（三）", 10, 75),
      t("不予公开", 10, 62),
      t("行政处罚", 110, 88),
      t("决定", 110, 76),
      t("12", 210, 82),
      t("行政强制", 110, 52),
    ];
    expect(pageLines([t("二、主动公开政府信息情况", 0, 120), ...items, t("- 2 -", 140, 10)], rules)).toEqual([
      "二、主动公开政府信息情况",
      "| （三）不予公开 | 行政处罚决定 | 12 |",
      "| 行政强制 |  |",
      "- 2 -",
    ]);
  });

  it("keeps wide gaps of text without rules as runs of spaces (columns the tokenizer splits)", () => {
    expect(pageLines([t("行政处罚", 0, 50), t("153", 200, 50), t("0", 260, 50), t("第 3 页", 0, 10)], [])).toEqual([
      "行政处罚  153  0",
      "第 3 页",
    ]);
  });
});
