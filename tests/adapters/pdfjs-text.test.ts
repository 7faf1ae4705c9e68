import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfToLines } from "../../src/adapters/pdfjs-text.js";
import { parseReport } from "../../src/core/parse/parse-report.js";
import { cellCount } from "../../src/core/template.js";
import { expectedCells, expectedOf, find, PDF_DIR } from "../helpers/pdf-fixtures.js";
import { text, tinyPdf } from "../helpers/tiny-pdf.js";

describe.each(["lingqiu-2019", "lingqiu-2021-invented"])("pdfjs reads %s.pdf by position", (name) => {
  const exp = expectedOf(name);
  const linesP = pdfToLines(new Uint8Array(readFileSync(join(PDF_DIR, `${name}.pdf`))));

  it("rebuilds ruled table rows as pipe rows, merged cells once, blank cells kept", async () => {
    const lines = await linesP;
    expect(lines).toContain("| 第二十条第（一）项 |");
    expect(lines.some((l) => l.startsWith("| 三、本年度办理结果 | （一）予以公开 |"))).toBe(true);
    expect(lines.some((l) => /^\| （三）不予公开 \| 1\.属于国家秘密 \|/.test(l))).toBe(true);
    if (name === "lingqiu-2019") expect(lines).toContain("| 行政处罚 | 1249 | 0 |  |");
    // Page furniture stays on lines of its own, which the tokenizer drops.
    expect(lines).toContain("- 2 -");
  });

  it("gives the parser every cell exactly as printed, blanks as blanks", async () => {
    const lines = await linesP;
    const r = parseReport({ text: lines.join("\n"), lines, file: `${name}.pdf` });
    expect(r.template).toBe(exp.version);
    expect(r.meta).toMatchObject({ body: "灵丘县", year: exp.version === "2019" ? 2019 : 2021 });
    expect(r.cells).toHaveLength(cellCount(exp.version));
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    for (const [t, item, row, col, raw] of expectedCells(exp)) {
      const c = find(r.cells, t, item, row, col);
      expect(c, `${t}${item ?? ""} ${row}/${col}`).toMatchObject({ raw, state: raw === "" ? "empty" : "number" });
      expect(c?.quote).toContain(raw);
    }
  });
});

describe("pdfjs reads a PDF with no table borders (LibreOffice) by its text lines", () => {
  const exp = expectedOf("lingqiu-2021-invented");

  it("gives the parser every cell as printed, from space-aligned columns", async () => {
    const lines = await pdfToLines(new Uint8Array(readFileSync(join(PDF_DIR, "lingqiu-2021-invented.lo.pdf"))));
    expect(lines).toContain("规章  0  0  0");
    const r = parseReport({ text: lines.join("\n"), lines, file: "lo.pdf", meta: { title: "灵丘县2021年政府信息公开工作年度报告" } });
    expect(r.cells).toHaveLength(cellCount("2021"));
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    for (const [t, item, row, col, raw] of expectedCells(exp)) {
      const c = find(r.cells, t, item, row, col);
      expect(c, `${t}${item ?? ""} ${row}/${col}`).toMatchObject({ raw, state: "number" });
      expect(c?.quote).toContain(raw);
    }
  });
});

describe("pdfjs: tables whose borders are drawn in other ways", () => {
  it("cell outlines stroked as rectangles (re S), and rules stroked as lines (m l S) under a transform", async () => {
    const cells = [
      [50, 680],
      [150, 680],
      [250, 680],
      [50, 660],
      [150, 660],
      [250, 660],
    ]
      .map(([x, y]) => `${x} ${y} 100 20 re S`)
      .join("\n");
    const lines = [...[700, 680, 660].map((y) => `50 ${y} m 250 ${y} l S`), ...[50, 150, 250].map((x) => `${x} 660 m ${x} 700 l S`)].join(
      "\n",
    );
    const content = [
      "0.5 w",
      cells,
      text(55, 686, "Penalty"),
      text(155, 686, "153"),
      text(255, 686, "0"),
      text(55, 666, "Coercion"),
      text(155, 666, "12"),
      "q 1 0 0 1 0 -200 cm",
      lines,
      text(55, 686, "A"),
      text(155, 686, "1"),
      text(55, 666, "B"),
      text(155, 666, "2"),
      "Q",
      text(50, 300, "Free text below"),
    ].join("\n");
    expect(await pdfToLines(tinyPdf(content))).toEqual([
      "| Penalty | 153 | 0 |",
      "| Coercion | 12 |  |",
      "| A | 1 |",
      "| B | 2 |",
      "Free text below",
    ]);
  });
});

describe("a PDF without text", () => {
  it("is skipped by the index build with a reason a maintainer can act on", async () => {
    const { readReportFile } = await import("../../src/build/read-file.js");
    const scan = Buffer.from(tinyPdf("0.5 w\n50 50 100 100 re S"));
    await expect(readReportFile("scan.pdf", scan)).rejects.toThrow("PDF has no text layer (a scanned image?)");
  });
});
