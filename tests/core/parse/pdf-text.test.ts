import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REBUILT } from "../../../src/core/parse/column-dump.js";
import { parseReport } from "../../../src/core/parse/parse-report.js";
import { blocksOf, cellCount } from "../../../src/core/template.js";
import { PDF_DIR as DIR, expectedCells, expectedOf, find } from "../../helpers/pdf-fixtures.js";

// The LibreOffice print drops the page's <h1>, so its title comes from a sidecar, as it would in the corpus.
const LO_META = { title: "灵丘县2021年政府信息公开工作年度报告" };

describe.each([
  ["lingqiu-2019", "lingqiu-2019", {}],
  ["lingqiu-2021-invented", "lingqiu-2021-invented", {}],
  ["lingqiu-2021-invented.lo", "lingqiu-2021-invented", LO_META],
])("%s printed to PDF, read back from pdftotext", (name, expected, meta) => {
  const exp = expectedOf(expected);

  it.each(["default", "raw", "layout"])("-%s: every cell as printed, quotes hold the figure, rules pass", (mode) => {
    const file = `${name}.${mode}.txt`;
    const r = parseReport({ text: readFileSync(join(DIR, file), "utf8"), file, meta });
    expect(r.template).toBe(exp.version);
    expect(r.form).toBe({ default: "pdf-columns", raw: "pdf-raw", layout: "pdf-layout" }[mode]);
    expect(r.meta.body).toBe("灵丘县");
    expect(r.cells).toHaveLength(cellCount(exp.version));
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    for (const [t, item, row, col, raw, hasBlank] of expectedCells(exp)) {
      const c = find(r.cells, t, item, row, col);
      const where = `${t}${item ?? ""} ${row}/${col}`;
      expect(c, where).toBeDefined();
      if (!c) continue;
      if (hasBlank && mode !== "layout") {
        // A blank cell leaves no trace without positions: the row is ambiguous, never guessed.
        expect(c.state, where).toBe("ambiguous");
        expect(c.warnings.join(), where).toContain("无法确定哪一格空白");
        if (raw !== "") expect(c.candidates, where).toContain(Number(raw));
        continue;
      }
      expect(c.raw, where).toBe(raw);
      expect(c.state, where).toBe(raw === "" ? "empty" : "number");
      expect(c.quote, where).toContain(raw);
    }
  });
});

describe("pdftotext default mode (cells column by column)", () => {
  const file = "lingqiu-2021-invented.default.txt";
  const r = parseReport({ text: readFileSync(join(DIR, file), "utf8"), file });

  it("gives values printed before their labels to the right rows, and says so", () => {
    const c = find(r.cells, "三", null, "granted", "tot");
    expect(c).toMatchObject({ raw: "16", value: 16 });
    expect(c?.warnings).toContain(REBUILT);
    expect(c?.quote).toMatch(/^（一）予以公开\n…\n/);
    expect(find(r.cells, "三", null, "no_correction", "np")).toMatchObject({ raw: "1" });
    // A row whose label is followed by its own values needs no such note.
    expect(find(r.cells, "三", null, "security", "np")?.warnings).toEqual([]);
  });

  it("reads table 四's third group from after section 五's text, checked by T4-1", () => {
    const c = find(r.cells, "四", null, "suit_after", "total");
    expect(c).toMatchObject({ raw: "2", value: 2 });
    expect(c?.warnings.join()).toContain("后面几部分的文字之后");
  });
});

/** A table 三 printed as all its labels, then its values in a given order, one per line. */
function dumped(values: string[][], order: "rows" | "columns"): string {
  const b = blocksOf("2021", "三")[0];
  const labels = b?.rows.map((r) => r.label) ?? [];
  const flat = order === "rows" ? values.flat() : (values[0] ?? []).flatMap((_, j) => values.map((row) => row[j] as string));
  return [
    "灵丘县2021年政府信息公开工作年度报告",
    "三、收到和处理政府信息公开申请情况",
    ...labels,
    ...flat,
    "四、政府信息公开行政复议、行政诉讼情况",
  ].join("\n");
}

describe("a column dump with every label before every value", () => {
  const exp = expectedOf("lingqiu-2021-invented");

  it.each(["rows", "columns"] as const)("values in %s order: the 勾稽 rules pick the reading", (order) => {
    const r = parseReport({ text: dumped(exp.三, order), file: "x.txt" });
    const t3 = r.cells.filter((c) => c.table === "三");
    expect(t3).toHaveLength(175);
    expect(find(r.cells, "三", null, "new", "tot")).toMatchObject({ value: 32 });
    expect(find(r.cells, "三", null, "not_held", "law")).toMatchObject({ value: 1 });
    expect(find(r.cells, "三", null, "carried_out", "com")).toMatchObject({ value: 1 });
    expect(t3.every((c) => c.state === "number" && c.warnings.includes(REBUILT))).toBe(true);
  });
});

function table4(values: string[]): string {
  return [
    "灵丘县2021年政府信息公开工作年度报告",
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议",
    "行政诉讼",
    ...values,
    "五、存在的主要问题及改进情况",
  ].join("\n");
}

describe("table 四 printed column by column", () => {
  it("the T4-1 rule picks the column-major reading", () => {
    const groups = [
      ["2", "1", "0", "1", "4"],
      ["1", "0", "0", "1", "2"],
      ["1", "0", "1", "0", "2"],
    ];
    const colMajor = [0, 1, 2, 3, 4].flatMap((j) => groups.map((g) => g[j] as string));
    const r = parseReport({ text: table4(colMajor), file: "x.txt" });
    expect(find(r.cells, "四", null, "review", "total")?.value).toBe(4);
    expect(find(r.cells, "四", null, "suit_direct", "pending")?.value).toBe(1);
    expect(find(r.cells, "四", null, "suit_after", "other")?.value).toBe(1);
  });

  it("when both readings satisfy T4-1 and differ, the cells that differ are ambiguous", () => {
    const r = parseReport({ text: table4("0 0 0 0 0 0 0 0 0 0 0 2 0 0 2".split(" ")), file: "x.txt" });
    expect(find(r.cells, "四", null, "suit_after", "corrected")).toMatchObject({ state: "ambiguous", candidates: [0, 2] });
    expect(find(r.cells, "四", null, "suit_after", "pending")).toMatchObject({ state: "ambiguous", candidates: [0, 2] });
    expect(find(r.cells, "四", null, "suit_after", "total")).toMatchObject({ state: "number", value: 2 });
    expect(find(r.cells, "四", null, "review", "total")).toMatchObject({ state: "number", value: 0 });
  });
});

describe("table 三 with its zeros left blank, as many reports print it", () => {
  const exp = expectedOf("lingqiu-2021-invented");
  /** The real pdftotext output with every "0" of table 三 removed (-layout keeps its width as spaces). */
  const blanked = (mode: "layout" | "raw") => {
    const lines = readFileSync(join(DIR, `lingqiu-2021-invented.${mode}.txt`), "utf8").split("\n");
    const a = lines.findIndex((l) => l.includes("三、收到和处理政府信息公开申请情况"));
    const b = lines.findIndex((l) => l.includes("四、政府信息公开行政复议"));
    const blank = (l: string) =>
      mode === "layout"
        ? l.replace(/(?<=\s)0(?=\s|$)/g, " ")
        : l
            .split(" ")
            .filter((x) => x !== "0")
            .join(" ");
    // The （七）总计 row keeps its zeros: a complete row on the page gives the column positions.
    return lines.map((l, i) => (i > a && i < b && !l.includes("（七）总计") ? blank(l) : l)).join("\n");
  };
  const t3 = blocksOf("2021", "三")[0];

  it("-layout: blank cells are placed by the positions of a complete row on the same page, never guessed", () => {
    const r = parseReport({ text: blanked("layout"), file: "blank.layout.txt" });
    t3?.rows.forEach((row, i) => {
      t3.columns.forEach((col, j) => {
        const want = (exp.三[i] as string[])[j] as string;
        const c = find(r.cells, "三", null, row.id, col.id);
        // Row 一 is alone on page 1 with no complete row to align to: positions cannot place it; the
        // 勾稽 rules (missing-cells.ts) may, and then only to the printed figure; otherwise it is ambiguous.
        if (row.id === "new") {
          if (c?.state !== "ambiguous") expect(c).toMatchObject(want === "0" ? { raw: "" } : { state: "number", raw: want });
        } else if (row.id === "total") expect(c).toMatchObject({ state: "number", raw: want });
        else expect(c, `${row.id}/${col.id}`).toMatchObject(want === "0" ? { state: "empty", raw: "" } : { state: "number", raw: want });
      });
    });
  });

  it("-raw: without positions a row with blanks is ambiguous, a row with nothing printed is blank", () => {
    const r = parseReport({ text: blanked("raw"), file: "blank.raw.txt" });
    t3?.rows.forEach((row, i) => {
      const want = exp.三[i] as string[];
      const cells = t3.columns.map((col) => find(r.cells, "三", null, row.id, col.id));
      if (row.id === "total") expect(cells.map((c) => c?.raw)).toEqual(want);
      else if (want.every((x) => x === "0")) expect(cells.map((c) => c?.state)).toEqual(Array(7).fill("empty"));
      // Without positions only the 勾稽 rules can place a blank: a cell is the printed figure, or ambiguous.
      else
        cells.forEach((c, j) => {
          if (c?.state === "ambiguous") expect(c.warnings.join()).toMatch(/无法确定|也可能未印出数字/);
          else expect(c, `${row.id}/${j}`).toMatchObject(want[j] === "0" ? { raw: "" } : { state: "number", raw: want[j] });
        });
    });
  });
});
