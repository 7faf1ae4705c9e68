/**
 * Bench child, the baseline of the index build: nodejieba segmenting the prose of the same files
 * alone (every line outside the tables), with the dictionary already loaded. Last line: JSON.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cut } from "../../src/adapters/nodejieba-segmenter.js";

const { values } = parseArgs({ options: { corpus: { type: "string" }, limit: { type: "string", default: "2000" } } });
const dir = values.corpus as string;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .slice(0, Number(values.limit));
const texts = files.map((f) =>
  readFileSync(join(dir, f), "utf8")
    .split("\n")
    .filter((l) => l.length >= 6 && !l.includes("|")),
);
cut("预热词典");
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let words = 0;
for (const lines of texts) for (const l of lines) words += cut(l).length;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, files: files.length, words }));
