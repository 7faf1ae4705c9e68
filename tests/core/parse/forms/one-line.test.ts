/**
 * Form parity for report-format.md §12 item 8: the same report flattened onto one line (as a
 * crawler that joins text nodes writes it, with no separator or with single spaces) gives the
 * same cells as its line-by-line form, every quote is a substring of the source line, and every
 * cell's value comes from its own row's quote.
 */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { relineLongLines } from "../../../../src/core/parse/forms/one-line.js";
import { parseReport } from "../../../../src/core/parse/parse-report.js";
import { foldDigits } from "../../../../src/core/text/normalize.js";

const dir = new URL("../../../fixtures/forms/", import.meta.url);
// Forms a crawler flattens: glued or spaced text (pipe rows are not joined onto one line in the wild).
const FIXTURES = ["glued-2021-settled-by-rules.txt", "cells-2019-signed-changes.txt", "glued-2019-unsettled.txt"];

const cellsOf = (text: string, file: string) =>
  parseReport({ text, file }).cells.map((c) => `${c.table}|${c.item ?? ""}|${c.rowId}|${c.colId}=${c.state}:${c.value}`);

describe("one-line reports", () => {
  for (const file of FIXTURES) {
    const text = readFileSync(new URL(file, dir), "utf8");
    const lines = text.split(/\r?\n/);
    // A title line stays on its own (crawlers keep the title apart); the body is joined.
    const [title, ...body] = lines;
    for (const [name, sep] of [
      ["glued", ""],
      ["spaced", " "],
    ] as const) {
      it(`${file}, joined ${name}: same cells as line by line`, () => {
        const base = parseReport({ text, file });
        if (base.cells.length < 50) return; // the fixture's point is elsewhere (few cells readable)
        const joined = `${title}\n${body
          .map((l) => l.trim())
          .filter(Boolean)
          .join(sep)}`;
        const flat = parseReport({ text: joined, file });
        expect(flat.form).toBe("one-line");
        expect(cellsOf(joined, file)).toEqual(cellsOf(text, file));
        for (const c of flat.cells) {
          // Quotes are the source with full-width figures folded (parse-report.ts), as in every form.
          expect(foldDigits(joined)).toContain(c.quote);
          expect(c.line).toBe(2);
          if (c.state === "number" && c.raw !== "") expect(c.quote.replace(/\s/g, "")).toContain(c.raw.replace(/\s/g, ""));
        }
      });
    }
  }

  it("cuts a run of cells from the next row's ordinal (…00000002.其他…)", () => {
    const line = `三、收到和处理政府信息公开申请情况申请人情况自然人一、本年新收政府信息公开申请数量1000001二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开0000000（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000${"。".repeat(300)}行政复议`;
    const r = relineLongLines([line]);
    expect(r?.lines).toContain("1.属于国家秘密0000000");
    expect(r?.lines.some((l) => l.startsWith("2.其他法律行政法规禁止公开0000000。"))).toBe(true);
    expect(r?.lines.join("")).toBe(line);
  });

  it("leaves short lines and long prose without the tables alone", () => {
    expect(relineLongLines(["一、总体情况", "长".repeat(2000)])).toBeNull();
  });
});
