/** npm exec tsx scripts/gen-corpus.ts -- [--reports N] [--seed S] [--out DIR]   (a synthetic corpus; never committed) */

import { join } from "node:path";
import { dirName, generateCorpus } from "./bench/gen-corpus.js";
import { cliArgs } from "./cli-args.js";

const { values } = cliArgs("gen-corpus", {
  options: {
    reports: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "bench-corpus" },
  },
});
const n = Number(values.reports);
const seed = Number(values.seed);
const dir = join(values.out as string, dirName(n, seed));
const t0 = performance.now();
const m = generateCorpus(dir, n, seed);
console.log(
  `gen-corpus: ${m.reports} reports, ${(m.bytes / 1e6).toFixed(1)} MB (${Math.round(m.bytes / m.reports)} B/report) → ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
