/**
 * The memory store (src/adapters/memory-store.ts) holds what `npm run index` writes for the same
 * report, row for row, and answers the Node/Worker parity questions as the SQLite index does.
 * Only its passage segmentation differs (bigrams, not jieba), so its vocabulary is not compared.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndex, type SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import type { AliasHit, Store } from "../../src/core/ports.js";
import { memoryIndex } from "../helpers/memory-index.js";
import { PARITY_QUESTIONS } from "../helpers/parity-questions.js";
import { indexFor, SEED_CORPUS } from "../helpers/seed-index.js";

const read = (name: string) => readFileSync(join(SEED_CORPUS, name), "utf8");
const memory: Store = memoryIndex([
  { file: "lingqiu-2019.txt", text: read("lingqiu-2019.txt"), meta: JSON.parse(read("lingqiu-2019.meta.json")) },
]);
let index: SqliteIndex;
beforeAll(async () => {
  index = openIndex(await indexFor(SEED_CORPUS), { readonly: true });
});
afterAll(() => index.close());

const byJson = (hits: AliasHit[]) => hits.map((h) => JSON.stringify(h)).sort();

describe("memory store = the SQLite index, on the seed report", () => {
  it("holds the same report, facts, passages, checks and aliases", async () => {
    const sqlite = index.store;
    expect(await memory.listReports(10)).toEqual(await sqlite.listReports(10));
    expect(await memory.facts(1, {})).toEqual(await sqlite.facts(1, {}));
    expect(await memory.passages(1)).toEqual(await sqlite.passages(1));
    expect(await memory.checks(1)).toEqual(await sqlite.checks(1));
    const names = ["灵丘", "灵丘县", "灵丘县政府", "灵丘县人民政府", "大同灵丘", "山西灵丘", "大同", "北京", "城区", "公安局"];
    expect(byJson(await memory.findAliases(names))).toEqual(byJson(await sqlite.findAliases(names)));
  });

  it.each(PARITY_QUESTIONS)("answers %j as the SQLite index does", async (q) => {
    const now = () => new Date("2026-11-27T00:00:00Z");
    const want = await createEngine({ store: index.store, now }).ask(q);
    expect(await createEngine({ store: memory, now }).ask(q)).toEqual(want);
  });
});
