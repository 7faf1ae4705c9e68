/**
 * Form parity for report-format.md §12 item 9: the page-text cell-per-line form rewritten as an
 * old editor or a CSV export writes it (bare CR, no LF; an empty cell is an empty line, no pipes;
 * trailing spaces; runs of empty lines between paragraphs) gives the same cells.
 */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../../../src/core/parse/parse-report.js";

const FILES = [
  new URL("../../../../corpus/lingqiu-2019.txt", import.meta.url),
  new URL("../../../fixtures/forms/cells-2021-no-header-misnumbered.txt", import.meta.url),
];
const cellsOf = (text: string) =>
  parseReport({ text, file: "x.txt" }).cells.map((c) => `${c.table}|${c.item ?? ""}|${c.rowId}|${c.colId}=${c.state}:${c.value}`);

/** The cell-per-line page text ("x |", "|" for an empty cell, "|||" filler) as bare-CR lines. */
function asCr(text: string): string {
  const out: string[] = [];
  for (const l of text.split(/\r?\n/)) {
    const s = l.trim();
    if (/^\|{2,}$/.test(s)) continue;
    if (s === "|") out.push("");
    else if (s === "") out.push("", "");
    else out.push(`${s.replace(/\s*\|$/, "")}  `);
  }
  return out.join("\r");
}

describe("bare-CR cell-per-line text", () => {
  for (const url of FILES) {
    it(`${url.pathname.split("/").pop()}: same cells as the page-text form, empty lines read as empty cells`, () => {
      const text = readFileSync(url, "utf8");
      const cr = asCr(text);
      expect(cr.includes("\n")).toBe(false);
      const r = parseReport({ text: cr, file: "x.txt" });
      expect(r.form).toBe("cr-cells");
      expect(cellsOf(cr)).toEqual(cellsOf(text));
    });
  }
});
