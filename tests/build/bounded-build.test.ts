/** Bounded work per file: a size limit for report files, and no temp folder of a killed build left behind. */

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndex, cleanStaleBuilds, readBuildInfo } from "../../src/build/build-index.js";
import { FULL_CORPUS } from "../helpers/seed-index.js";

function seedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "bounded-corpus-"));
  for (const f of ["lingqiu-2019.txt", "lingqiu-2019.meta.json"]) copyFileSync(join(FULL_CORPUS, f), join(dir, f));
  return dir;
}

/** The pid of a process that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ["-e", ""]).pid as number;

describe("bounded builds", () => {
  it("skips a report file over the limit with its reason and indexes the rest", async () => {
    const corpus = seedCorpus();
    writeFileSync(join(corpus, "huge.txt"), "无关文本\n".repeat(20_000));
    const lines: string[] = [];
    const out = join(mkdtempSync(join(tmpdir(), "bounded-out-")), "index");
    const r = await buildIndex({ corpus, out, log: (l) => lines.push(l), maxBytes: 100_000 });
    expect(r).toMatchObject({ indexed: 1, skipped: 1 });
    expect(lines).toContain(
      "huge.txt: skipped: 0.25 MB is over the 0.10 MB limit for a report file (raise it with --max-bytes or MAX_REPORT_BYTES)",
    );
  });

  it("skips a file under the size limit whose text is far longer than any report, before parsing it", async () => {
    const corpus = seedCorpus();
    writeFileSync(join(corpus, "long.txt"), "unrelated text line\n".repeat(30_000));
    const lines: string[] = [];
    const out = join(mkdtempSync(join(tmpdir(), "bounded-out-")), "index");
    expect(await buildIndex({ corpus, out, log: (l) => lines.push(l) })).toMatchObject({ indexed: 1, skipped: 1 });
    expect(lines).toContain(
      "long.txt: skipped: its text runs to 600000 characters, over the 500000 a report can have (no report is this long)",
    );
  });

  it("records its build id and the corpus it was built from", async () => {
    const corpus = seedCorpus();
    const out = join(mkdtempSync(join(tmpdir(), "bounded-out-")), "index");
    await buildIndex({ corpus, out, log: () => {} });
    const info = readBuildInfo(out);
    expect(info).toMatchObject({ corpus, reports: 1 });
    expect(info?.build).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/);
  });

  it("removes the temp and old folders of dead builds, not those of live ones", () => {
    const parent = mkdtempSync(join(tmpdir(), "bounded-stale-"));
    const out = join(parent, "index");
    const dead = deadPid();
    for (const n of [`.index-tmp-${dead}-1`, `index.old-${dead}`, `.index-tmp-${process.pid}-2`, "other"]) mkdirSync(join(parent, n));
    expect(cleanStaleBuilds(out).sort()).toEqual([`.index-tmp-${dead}-1`, `index.old-${dead}`]);
    expect(readdirSync(parent).sort()).toEqual([`.index-tmp-${process.pid}-2`, "other"]);
    expect(existsSync(join(parent, "other"))).toBe(true);
  });
});
