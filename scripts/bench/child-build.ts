/** Bench child: build an index from a corpus and report time, what was read, and peak memory (last line, JSON). */

import { statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { INDEX_FILE } from "../../src/adapters/sqlite-store.js";
import { buildIndex } from "../../src/build/build-index.js";

const { values } = parseArgs({ options: { corpus: { type: "string" }, out: { type: "string" } } });
const lines: string[] = [];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const r = await buildIndex({ corpus: values.corpus as string, out: values.out as string, log: (l) => lines.push(l) });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// "cells 198/198", "checks failed 0": every file's own summary line, as `npm run index` prints it.
let cellsRead = 0;
let cellsWanted = 0;
let failedChecks = 0;
for (const l of lines) {
  const c = / cells (\d+)\/(\d+) /.exec(l);
  if (c) {
    cellsRead += Number(c[1]);
    cellsWanted += Number(c[2]);
  }
  const f = / checks failed (\d+)/.exec(l);
  if (f) failedChecks += Number(f[1]);
}
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    indexed: r.indexed,
    skipped: r.skipped,
    cellsRead,
    cellsWanted,
    failedChecks,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    indexMB: statSync(join(values.out as string, INDEX_FILE)).size / 2 ** 20,
  }),
);
