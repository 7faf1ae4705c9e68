import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfToLines } from "../../src/adapters/pdfjs-text.js";
import { parseReport } from "../../src/core/parse/parse-report.js";
import { cellCount } from "../../src/core/template.js";
import { expectedCells, expectedOf, find, PDF_DIR } from "../helpers/pdf-fixtures.js";

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
