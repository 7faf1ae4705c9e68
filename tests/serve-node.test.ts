import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_FILE } from "../src/adapters/sqlite-store.js";
import { parseConfig } from "../src/config.js";
import { startNode } from "../src/serve.node.js";
import { indexFor, SEED_CORPUS } from "./helpers/seed-index.js";

const ASK = `/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`;
const EMPTY_CORPUS = mkdtempSync(join(tmpdir(), "empty-corpus-"));

/** A copy of the seed index (its build.json records SEED_CORPUS). */
async function builtIndex(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), "bad-index-")), "index");
  cpSync(await indexFor(SEED_CORPUS), dir, { recursive: true });
  return dir;
}

describe("npm start on a bad index", () => {
  it("a missing index is built from the configured corpus, then served", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "bad-index-")), "index");
    mkdirSync(dir);
    const lines: string[] = [];
    const running = await startNode(parseConfig({ PORT: "0", INDEX_DIR: dir }), { corpusDir: SEED_CORPUS, log: (l) => lines.push(l) });
    try {
      const a = (await (await fetch(`${running.url}${ASK}`)).json()) as { facts: { value: number }[] };
      expect(a.facts[0]?.value).toBe(1249);
      expect(lines.join("\n")).toContain(`no index in ${dir}: building it from ${SEED_CORPUS}`);
    } finally {
      await running.stop();
    }
  });

  it.each([
    ["unreadable", (file: string) => writeFileSync(file, "this is not a sqlite database")],
    [
      "partly corrupt",
      (file: string) => {
        // Pages in the middle overwritten: the header still opens, quick_check finds the damage.
        const fd = openSync(file, "r+");
        const size = statSync(file).size;
        writeSync(fd, Buffer.alloc(Math.floor(size / 3), 0x5a), 0, Math.floor(size / 3), Math.floor(size / 3));
        closeSync(fd);
      },
    ],
  ])("an %s index is rebuilt from the corpus it records, not from the configured one", async (_name, spoil) => {
    const dir = await builtIndex();
    spoil(join(dir, INDEX_FILE));
    const lines: string[] = [];
    const running = await startNode(parseConfig({ PORT: "0", INDEX_DIR: dir }), { corpusDir: EMPTY_CORPUS, log: (l) => lines.push(l) });
    try {
      const a = (await (await fetch(`${running.url}${ASK}`)).json()) as { facts: { value: number }[] };
      expect(a.facts[0]?.value).toBe(1249);
      expect(lines.join("\n")).toMatch(new RegExp(`rebuilding it from ${SEED_CORPUS}, the corpus it was built from`));
      const health = (await (await fetch(`${running.url}/healthz`)).json()) as { ok: boolean; reports: number; build: string };
      expect(health).toMatchObject({ ok: true, reports: 1 });
      expect(health.build).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    } finally {
      await running.stop();
    }
  });

  it("a corrupt index that records no corpus stops start-up with what to run", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "bad-index-")), "index");
    mkdirSync(dir);
    writeFileSync(join(dir, INDEX_FILE), "this is not a sqlite database");
    await expect(startNode(parseConfig({ PORT: "0", INDEX_DIR: dir }), { corpusDir: SEED_CORPUS, log: () => {} })).rejects.toThrow(
      /does not record the corpus it was built from: rebuild it with `npm run index -- --corpus DIR --out /,
    );
  });
});
