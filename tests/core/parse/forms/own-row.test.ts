/**
 * Every form's cells come from their own row: a read figure stands in the source text its cell
 * quotes, so a value misplaced from another row (or invented by a resolver) is caught. Run over
 * every fixture form and the seed report.
 */

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlToLines, looksLikeHtml } from "../../../../src/core/parse/html.js";
import { parseReport } from "../../../../src/core/parse/parse-report.js";

const FORMS = new URL("../../../fixtures/forms/", import.meta.url);
const PDF = new URL("../../../fixtures/pdf/", import.meta.url);
const files = [
  ...readdirSync(FORMS).filter((f) => f !== "README.md"),
  ...readdirSync(PDF)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => `../pdf/${f}`),
  "../../../corpus/lingqiu-2019.txt",
];

/** The figure's digits as printed (a glued run prints them without separators). */
const digits = (s: string) => s.replace(/[^\d.-]/g, "");

describe("a cell's figure stands in its own row's text", () => {
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(new URL(f, FORMS), "utf8");
      const r = parseReport({ text, file: f });
      const source = digits((looksLikeHtml(text) ? htmlToLines(text) : text.split(/\r?\n/)).join(""));
      let checked = 0;
      for (const c of r.cells) {
        if (c.state !== "number" || c.raw === "") continue;
        expect(digits(c.quote), `${c.row}·${c.column}=${c.raw} in «${c.quote}»`).toContain(digits(c.raw));
        checked++;
      }
      expect(source.length).toBeGreaterThan(0);
      if (r.cells.length > 0) expect(checked).toBeGreaterThan(0);
    });
  }
});
