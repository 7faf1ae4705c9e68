import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_FILE } from "../src/adapters/sqlite-store.js";
import { parseConfig } from "../src/config.js";
import { startNode } from "../src/serve.node.js";
import { SEED_CORPUS } from "./helpers/seed-index.js";

describe("npm start on a bad index", () => {
  it.each([
    ["missing", (_dir: string) => {}],
    ["corrupt", (dir: string) => writeFileSync(join(dir, INDEX_FILE), "this is not a sqlite database")],
  ])("a %s index is built again from the corpus, then served", async (_name, spoil) => {
    const dir = join(mkdtempSync(join(tmpdir(), "bad-index-")), "index");
    mkdirSync(dir);
    spoil(dir);
    const lines: string[] = [];
    const running = await startNode(parseConfig({ PORT: "0", INDEX_DIR: dir }), { corpusDir: SEED_CORPUS, log: (l) => lines.push(l) });
    try {
      const res = await fetch(`${running.url}/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`);
      const a = (await res.json()) as { facts: { value: number }[] };
      expect(a.facts[0]?.value).toBe(1249);
      expect(lines.join("\n")).toMatch(/build|rebuild/);
    } finally {
      await running.stop();
    }
  });
});
