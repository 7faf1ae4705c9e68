import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndex, type SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { buildIndex } from "../../src/build/build-index.js";
import { createEngine, type Engine } from "../../src/core/answer/answer-question.js";
import { PDF_DIR } from "../helpers/pdf-fixtures.js";

let engine: Engine;
let index: SqliteIndex;
const log: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "pdf-corpus-"));
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  copyFileSync(join(PDF_DIR, "lingqiu-2019.pdf"), join(corpus, "lingqiu-2019.pdf"));
  copyFileSync(join(PDF_DIR, "lingqiu-2021-invented.pdf"), join(corpus, "lingqiu-2021.pdf"));
  await buildIndex({ corpus, out: join(dir, "index"), log: (l) => log.push(l) });
  index = openIndex(join(dir, "index"), { readonly: true });
  engine = createEngine({ store: index.store, now: () => new Date("2026-11-27T00:00:00Z") });
});
afterAll(() => index?.close());

describe("a corpus of PDF files", () => {
  it("indexes every cell of both templates and says so", () => {
    expect(log.find((l) => l.startsWith("lingqiu-2019.pdf:"))).toMatch(
      /灵丘县 2019 · .* · template 2019 · tables 二三四 · cells 198\/198 · ambiguous 0 · checks failed 0/,
    );
    expect(log.find((l) => l.startsWith("lingqiu-2021.pdf:"))).toMatch(
      /template 2021 · tables 二三四 · cells 200\/200 · ambiguous 0 · checks failed 0/,
    );
  });

  it.each([
    ["2019年灵丘行政处罚多少", "1249", "行政处罚 | 1249"],
    ["2021年灵丘行政处罚多少", "153", "行政处罚 | 153"],
    ["2021年灵丘行政事业性收费多少", "86.45", "86.45"],
    ["灵丘2021年予以公开多少", "16", "（一）予以公开 | 12 | 2 | 0 | 1 | 1 | 0 | 16"],
  ])("%s → %s, quoted from the PDF's table row", async (q, raw, quote) => {
    const a = await engine.ask(q);
    expect(a.status).toBe("answered");
    const f = a.facts.find((x) => x.raw === raw);
    expect(f, JSON.stringify(a.facts.map((x) => x.raw))).toBeDefined();
    expect(f?.quote).toContain(quote);
    expect(f?.report.file).toMatch(/\.pdf$/);
    for (const x of a.facts) if (x.value !== null) expect(x.quote).toContain(x.raw);
  });
});
