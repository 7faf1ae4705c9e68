/** /api/ask?format=csv on the multi-year corpus: one row per fact, a derived fact's inputs after it, as the JSON has them. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/core/answer/answer-question.js";
import type { Answer, FactCitation } from "../../src/core/answer/answer-types.js";
import { CSV_COLUMNS } from "../../src/http/answer-csv.js";
import { createApp } from "../../src/http/app.js";
import { engineFor, FULL_CORPUS } from "../helpers/seed-index.js";

let full: { engine: Engine; index: SqliteIndex };
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  full = await engineFor(FULL_CORPUS);
  app = createApp({ engine: full.engine, store: full.index.store, config: parseConfig({}) });
});
afterAll(() => full.index.close());

/** A small CSV reader (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      out.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return out;
}

const flat = (fs: FactCitation[]): FactCitation[] => fs.flatMap((f) => [f, ...flat(f.derived?.inputs ?? [])]);

describe("GET /api/ask?format=csv", () => {
  it.each(["平潭各部门2023年收到申请排名", "平潭公安局2024年收到申请比2022年多几件", "平潭各部门2023年收到申请合计"])("%s", async (q) => {
    const json = (await (await app.request(`/api/ask?q=${encodeURIComponent(q)}`)).json()) as Answer;
    const res = await app.request(`/api/ask?q=${encodeURIComponent(q)}&format=csv`);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    const [head, ...rows] = parseCsv(await res.text());
    expect(head).toEqual(CSV_COLUMNS);
    const facts = flat(json.facts);
    expect(rows.map((r) => [r[1], r[3], String(r[4]), r[9]])).toEqual(facts.map((f) => [f.raw, f.body, String(f.year), f.quote]));
    for (const [i, f] of facts.entries()) if (f.derived) expect(rows[i]?.[13]).toContain("计算得出");
  });
});
