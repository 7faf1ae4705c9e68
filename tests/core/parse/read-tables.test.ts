import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchRow } from "../../../src/core/parse/match-row.js";
import { type BlockDef, blocksOf } from "../../../src/core/template.js";
import { labelKey } from "../../../src/core/text/normalize.js";
import { cellAt, expectQuotesHoldFigures, parseFixture, parseText, rowValues } from "../../helpers/forms.js";

describe("2021 template variants (§8.2), one row per line", () => {
  const r = parseFixture("rows-2021-variants.txt");

  it("detects the 2021 template from a truncated 现行有效件 header and reads every template cell", () => {
    expect(r.template).toBe("2021");
    expect(r.cells).toHaveLength(200);
    expectQuotesHoldFigures(r);
  });

  it("reads 规范性文件 (the 2019 label) as 行政规范性文件", () => {
    expect(rowValues(r, "二", "normative")).toEqual([2, 0, 7]);
    expect(cellAt(r, "二", "normative", "in_force")).toMatchObject({ column: "现行有效件数", quote: "规范性文件 | 2 | 0 | 7" });
  });

  it("reads columns whose header carries a note, and a fee in 万元 with decimals", () => {
    expect(rowValues(r, "二", "license")).toEqual([36]);
    expect(cellAt(r, "二", "fees", "fee_amount")).toMatchObject({ raw: "0.85", value: 0.85, unit: "万元" });
  });

  it("keeps '/' as not applicable, not zero", () => {
    expect(cellAt(r, "二", "coercion", "decisions")).toMatchObject({ raw: "/", state: "na", value: null });
  });

  it("keeps local rows as extras, never in the template's cells", () => {
    expect(r.extras).toContainEqual({ table: "二", label: "其他主动公开文件", values: ["15", "0", "15"], line: 11 });
    expect(r.extras).toContainEqual({ table: "三", label: "9.属于工作秘密", values: ["1", "0", "0", "0", "0", "0", "1"], line: 41 });
    expect(r.cells.some((c) => c.quote.includes("工作秘密") || c.quote.includes("其他主动公开文件"))).toBe(false);
  });

  it("sets a 法人或其他组织小计 column aside and reads the seven template columns", () => {
    expect(rowValues(r, "三", "new")).toEqual([9, 2, 0, 0, 1, 0, 12]);
    expect(rowValues(r, "三", "total")).toEqual([10, 2, 0, 0, 1, 0, 13]);
    expect(r.extras).toContainEqual({
      table: "三",
      label: "一、本年新收政府信息公开申请数量",
      column: "法人或其他组织小计",
      values: ["3"],
      line: 26,
    });
  });

  it("reads half-width, full-width and 1、/1．/(1) numbered labels, and a label printed one character per line", () => {
    expect(rowValues(r, "三", "granted")).toEqual([4, 1, 0, 0, 0, 0, 5]);
    expect(rowValues(r, "三", "secret")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rowValues(r, "三", "not_held")).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(rowValues(r, "三", "repeat")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rowValues(r, "三", "other")).toEqual([0, 0, 0, 0, 1, 0, 1]);
  });

  it("finds the tables under the §7.1 variant headings and the 因…被申请行政复议 title of section 四", () => {
    expect(rowValues(r, "四", "review")).toEqual([1, 0, 0, 0, 1]);
    expect(r.warnings).toEqual([]);
  });

  it("does not add the local row into the total: the gap is reported, not fixed", () => {
    const t32 = r.checks.filter((c) => !c.ok).map((c) => c.detail);
    expect(t32).toHaveLength(2);
    expect(t32[0]).toContain("差额1等于报告自加的非模板行“9.属于工作秘密”");
    expect(cellAt(r, "三", "total", "np").value).toBe(10);
  });
});

describe("2019 本年增/减 and the empty / not-applicable / 无 distinction (one cell per line)", () => {
  const r = parseFixture("cells-2019-signed-changes.txt");

  it("reads the change column as a signed number whatever its spelling", () => {
    expect(cellAt(r, "二", "license", "change")).toMatchObject({ raw: "-8", value: -8, state: "number" });
    expect(cellAt(r, "二", "other_service", "change")).toMatchObject({ raw: "+3", value: 3 });
    expect(cellAt(r, "二", "penalty", "change")).toMatchObject({ raw: "增加3", value: 3 });
    expect(cellAt(r, "二", "coercion", "change")).toMatchObject({ raw: "减少2", value: -2 });
  });

  it("keeps '/', '—', an empty cell and '无' apart", () => {
    expect(cellAt(r, "二", "other_service", "decisions")).toMatchObject({ raw: "/", state: "na" });
    expect(cellAt(r, "二", "coercion", "decisions")).toMatchObject({ raw: "—", state: "na" });
    expect(cellAt(r, "二", "fees", "change")).toMatchObject({ raw: "", state: "empty", value: null });
    expect(cellAt(r, "二", "procurement", "proc_count")).toMatchObject({ raw: "无", state: "none", value: null });
  });

  it("reads headers with fill-in notes (S4) and a header broken over two lines", () => {
    expect(r.template).toBe("2019");
    expect(rowValues(r, "二", "license")).toEqual([262, -8, 1530]);
    expect(rowValues(r, "二", "penalty")).toEqual([1249, 3, 212]);
    expect(rowValues(r, "二", "rules")).toEqual([0, 0, 0]);
  });

  it("keeps the Hubei 其他主动公开文件 row as an extra", () => {
    expect(r.extras).toEqual([{ table: "二", label: "其他主动公开文件", values: ["12", "12", "130"], line: 21 }]);
    expect(rowValues(r, "二", "normative")).toEqual([3, 3, 41]);
  });
});

describe("small variants", () => {
  it("reads a label printed one character per line in the one-cell-per-line form", () => {
    const r = parseText(
      ["三、收到和处理政府信息公开申请情况", "(七)", "总", "计 |", "1 |", "0 |", "0 |", "0 |", "0 |", "0 |", "1 |"].join("\n"),
    );
    expect(rowValues(r, "三", "total")).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it("reads 合计 for 总计 and half-width brackets", () => {
    const r = parseText(["三、收到和处理政府信息公开申请情况", "(七)合计 | 3 | 0 | 0 | 0 | 0 | 0 | 3"].join("\n"));
    expect(rowValues(r, "三", "total")).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });
});

describe("table 四 and figure variants", () => {
  it("reads table 四 printed one group per row", () => {
    const r = parseText(
      [
        "四、政府信息公开行政复议、行政诉讼情况",
        "| | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "| 行政复议 | 3 | 1 | 0 | 1 | 5 |",
        "| 行政诉讼（未经复议直接起诉） | 2 | 0 | 1 | 0 | 3 |",
        "| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 1 | 1 |",
      ].join("\n"),
    );
    expect(rowValues(r, "四", "review")).toEqual([3, 1, 0, 1, 5]);
    expect(rowValues(r, "四", "suit_direct")).toEqual([2, 0, 1, 0, 3]);
    expect(rowValues(r, "四", "suit_after")).toEqual([0, 0, 0, 1, 1]);
    expect(cellAt(r, "四", "suit_after", "total").quote).toBe("| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 1 | 1 |");
  });

  it("reads full-width figures, and quotes them as the figure reads", () => {
    const r = parseText(["三、收到和处理政府信息公开申请情况", "二、上年结转政府信息公开申请数量 ３ １ ０ ０ ０ ０ ４"].join("\n"));
    expect(rowValues(r, "三", "carried_in")).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(cellAt(r, "三", "carried_in", "tot").quote).toContain("4");
  });
});

describe("guards against reading a figure into the wrong cell", () => {
  it("finds an unannounced 法人或其他组织小计 column by its sums and keeps it out", () => {
    const r = parseText(
      [
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 | 9 | 2 | 0 | 0 | 1 | 0 | 3 | 12",
        "（七）总计 | 8 | 2 | 0 | 0 | 1 | 0 | 3 | 11",
      ].join("\n"),
    );
    expect(rowValues(r, "三", "new")).toEqual([9, 2, 0, 0, 1, 0, 12]);
    expect(r.extras).toContainEqual({ table: "三", label: "(七)总计", column: "法人或其他组织小计", values: ["3"], line: 3 });
  });

  it("leaves a row with one figure too many unread when no column explains it", () => {
    const r = parseText(
      ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 | 9 | 2 | 0 | 0 | 1 | 0 | 7 | 12"].join("\n"),
    );
    const c = cellAt(r, "三", "new", "tot");
    expect(c).toMatchObject({ state: "ambiguous", value: null, candidates: [] });
    expect(c.warnings.join("")).toContain("8个单元格");
  });

  it("does not read a sentence of prose as a table row", () => {
    const r = parseText(
      [
        "二、主动公开政府信息情况",
        "本年度共作出行政许可决定1520件，较上年增长。",
        "第二十条第（五）项",
        "信息内容 | 本年处理决定数量",
        "行政许可 | 1480",
      ].join("\n"),
    );
    expect(cellAt(r, "二", "license", "decisions")).toMatchObject({ value: 1480, quote: "行政许可 | 1480" });
  });
});

describe("template version from shortened headers", () => {
  it("reads 2021 from 制发件数 / 收费金额（万元） without the 本年 prefix", () => {
    const r = parseText(
      [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容 | 制发件数 | 废止件数 | 有效件数",
        "规章 | 0 | 0 | 0",
        "第二十条第（八）项",
        "信息内容 | 收费金额（万元）",
        "行政事业性收费 | 3.2",
      ].join("\n"),
    );
    expect(r.template).toBe("2021");
    expect(cellAt(r, "二", "fees", "fee_amount")).toMatchObject({ value: 3.2, unit: "万元" });
  });
});

describe("a 法人或其他组织小计 column in the one-cell-per-line form", () => {
  it("sets the eighth figure aside instead of reading it as 总计", () => {
    const cells = (xs: (string | number)[]) => xs.map((x) => (x === "" ? "|" : `${x} |`));
    const r = parseText(
      [
        "三、收到和处理政府信息公开申请情况",
        ...cells(["自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计"]),
        ...cells(["一、本年新收政府信息公开申请数量", 9, 2, 0, 0, 1, 0, 3, 12]),
        ...cells(["二、上年结转政府信息公开申请数量", 1, 0, 0, 0, 0, 0, 0, 1, ""]),
        ...cells(["四、结转下年度继续办理", 0, 0, 0, 0, 0, 0, 0, 0]),
      ].join("\n"),
    );
    expect(rowValues(r, "三", "new")).toEqual([9, 2, 0, 0, 1, 0, 12]);
    expect(rowValues(r, "三", "carried_in")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(r.extras.filter((e) => e.column === "小计").map((e) => e.values[0])).toEqual(["3", "0", "0"]);
  });
});

describe("matchRow", () => {
  /** The longest keyword wins; the first block's, the first row's, when several are as long. */
  function reference(key: string, blocks: BlockDef[]): { row: string; block: BlockDef; len: number } | null {
    if (key.length === 0 || key.length > 64) return null;
    let best: { row: string; block: BlockDef; len: number } | null = null;
    for (const block of blocks)
      for (const row of block.rows)
        for (const k of row.keys) if (k.length > (best?.len ?? 0) && key.includes(k)) best = { row: row.id, block, len: k.length };
    const t3 = blocks.find((b) => b.table === "三");
    if (!best && t3 && ["总计", "合计", "七总计"].includes(key)) return { row: "total", block: t3, len: 2 };
    return best;
  }

  it("property: names the reference's row in any blocks, whatever was asked before (answers are kept per block)", () => {
    const all = [...blocksOf("2019"), ...blocksOf("2021")];
    const keys = [...new Set(all.flatMap((b) => b.rows.flatMap((r) => [...r.keys, labelKey(r.label)])))];
    fc.assert(
      fc.property(
        fc.subarray(all, { minLength: 1 }),
        fc.constantFrom(...keys, "总计", "合计"),
        fc.constantFrom("", "", "1.", "（三）", "其他", "情况", "七"),
        fc.constantFrom("", "数量", "总计"),
        (blocks, key, before, after) => {
          const k = before + key + after;
          const m = matchRow(k, blocks);
          const want = reference(k, blocks);
          expect(m && { row: m.row.id, block: m.block, len: m.len }).toEqual(want);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
