/** The index served live: a completed rebuild is swapped in, a broken one is not, an answer in flight finishes. */

import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_FILE, openIndex } from "../src/adapters/sqlite-store.js";
import { buildIndex, readBuildInfo } from "../src/build/build-index.js";
import { integrityProblemInThread, liveIndex } from "../src/live-index.node.js";
import { FULL_CORPUS } from "./helpers/seed-index.js";

const QUESTION = "2019年灵丘行政处罚多少";

describe("liveIndex", () => {
  it("swaps in a completed rebuild, keeps serving when the next build is broken", async () => {
    const corpus = mkdtempSync(join(tmpdir(), "live-corpus-"));
    copyFileSync(join(FULL_CORPUS, "pingtan-czj-2019.txt"), join(corpus, "pingtan-czj-2019.txt"));
    const dir = join(mkdtempSync(join(tmpdir(), "live-index-")), "index");
    await buildIndex({ corpus, out: dir, log: () => {} });
    const lines: string[] = [];
    const live = liveIndex(dir, openIndex(dir, { readonly: true }), { pollMs: 60_000, graceMs: 0, log: (l) => lines.push(l) });
    try {
      const first = live.build();
      expect(first).toBe(readBuildInfo(dir)?.build);
      expect(live.poll()).toBe(false);
      expect((await live.engine.ask(QUESTION)).facts?.[0]?.value).not.toBe(1249);

      for (const f of ["lingqiu-2019.txt", "lingqiu-2019.meta.json"]) copyFileSync(join(FULL_CORPUS, f), join(corpus, f));
      await buildIndex({ corpus, out: dir, log: () => {} });
      // An answer started before the swap finishes on the index it started with.
      const inFlight = live.engine.ask(QUESTION);
      expect(live.poll()).toBe(true);
      expect((await inFlight).status).toBeDefined();
      expect(live.build()).not.toBe(first);
      expect(live.build()).toBe(readBuildInfo(dir)?.build);
      expect(live.store.countReports()).toBe(2);
      expect((await live.engine.ask(QUESTION)).facts?.[0]?.value).toBe(1249);
      expect(lines.at(-1)).toMatch(/^index: serving build \S+ \(2 reports\), was \S+$/);

      // A "build" renamed into place that is not a database: refused, the good one still served.
      const bad = `${dir}-bad`;
      mkdirSync(bad);
      writeFileSync(join(bad, INDEX_FILE), "not a database");
      const keep = `${dir}-keep`;
      renameSync(dir, keep);
      renameSync(bad, dir);
      const served = live.build();
      expect(live.poll()).toBe(false);
      expect(lines.at(-1)).toMatch(/a new build in .* cannot be opened .*; still serving build/);
      expect(live.build()).toBe(served);
      expect((await live.engine.ask(QUESTION)).facts?.[0]?.value).toBe(1249);
      expect(() => live.check()).not.toThrow();
      rmSync(dir, { recursive: true });
      renameSync(keep, dir);
    } finally {
      live.close();
    }
  });

  it("checks a file's integrity in a worker thread (as /healthz does, so the event loop goes on)", async () => {
    const corpus = mkdtempSync(join(tmpdir(), "live-corpus-"));
    for (const f of ["lingqiu-2019.txt", "lingqiu-2019.meta.json"]) copyFileSync(join(FULL_CORPUS, f), join(corpus, f));
    const dir = join(mkdtempSync(join(tmpdir(), "live-index-")), "index");
    await buildIndex({ corpus, out: dir, log: () => {} });
    const file = join(dir, INDEX_FILE);
    expect(await integrityProblemInThread(file)).toBeNull();
    const size = statSync(file).size;
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(Math.floor(size / 3), 0x5a), 0, Math.floor(size / 3), Math.floor(size / 3));
    closeSync(fd);
    expect(await integrityProblemInThread(file)).toMatch(/./);
    expect(await integrityProblemInThread(join(dir, "absent.sqlite"))).toMatch(/./);
  });
});
