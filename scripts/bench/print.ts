/** The benchmark's table: each figure, the baseline that bounds it, their ratio, and the design.md budget. */

import type { BenchResult } from "../bench.js";

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–");

export function printTable(r: BenchResult): void {
  const m = r.machine;
  const rows: [string, string, string, string, string][] = [];
  const b = r.build;
  if (b)
    rows.push([
      "index build",
      `${f(b.reportsPerSec)} reports/s wall, ${f(b.reportsPerCpuSec)} per CPU-second; ${f(b.marginalPerCpuSec ?? Number.NaN)} per CPU-second after a fixed ${f(b.fixedCpuSec ?? Number.NaN)} CPU-s start-up (${f(b.seconds)} s, peak RSS ${f(b.maxRssMB, 0)} MB, index ${f(b.indexMB, 0)} MB)`,
      `nodejieba alone ${f(r.jieba.reportsPerSec)} reports/s wall, ${f(r.jieba.reportsPerCpuSec)} per CPU-s`,
      `${f((b.marginalPerCpuSec ?? b.reportsPerCpuSec) / r.jieba.reportsPerCpuSec, 2)}× (CPU)`,
      "≥ 200 reports/s per core",
    ]);
  const a = r.answer;
  rows.push([
    "answer p50 (in process)",
    `${f(a.all.p50, 3)} ms (table ${f(a.table.p50, 3)}, prose ${f(a.prose.p50, 3)}; CPU ${f(a.all.cpuP50 ?? Number.NaN, 3)})`,
    `SQLite point lookup ${f(a.lookup.p50, 4)} ms`,
    `${f(a.all.p50 / a.lookup.p50, 0)}×`,
    "≤ 2 ms",
  ]);
  rows.push([
    "answer p99 (in process)",
    `${f(a.all.p99, 3)} ms (table ${f(a.table.p99, 3)}, prose ${f(a.prose.p99, 3)}; CPU ${f(a.all.cpuP99 ?? Number.NaN, 3)})`,
    `SQLite point lookup ${f(a.lookup.p99, 4)} ms`,
    `${f(a.all.p99 / a.lookup.p99, 0)}×`,
    "≤ 10 ms",
  ]);
  const cmp = a.compare;
  if (cmp) {
    rows.push([
      "series p50 / p99 (in process)",
      `${f(cmp.series.p50, 3)} / ${f(cmp.series.p99, 3)} ms (CPU ${f(cmp.series.cpuP50 ?? Number.NaN, 3)} / ${f(cmp.series.cpuP99 ?? Number.NaN, 3)}; ${cmp.correct.series}/${cmp.series.n} exact)`,
      `SQLite aggregate ${f(cmp.seriesSql.p50, 4)} / ${f(cmp.seriesSql.p99, 4)} ms; single figure ${f(a.table.p50, 3)} / ${f(a.table.p99, 3)} ms`,
      `${f(cmp.series.p99 / cmp.seriesSql.p99, 0)}×`,
      "p99 ≤ 20 ms",
    ]);
    rows.push([
      "ranking p50 / p99 (in process)",
      `${f(cmp.ranking.p50, 3)} / ${f(cmp.ranking.p99, 3)} ms (CPU ${f(cmp.ranking.cpuP50 ?? Number.NaN, 3)} / ${f(cmp.ranking.cpuP99 ?? Number.NaN, 3)}; ${cmp.correct.ranking}/${cmp.ranking.n} exact)`,
      `SQLite aggregate ${f(cmp.rankingSql.p50, 4)} / ${f(cmp.rankingSql.p99, 4)} ms`,
      `${f(cmp.ranking.p99 / cmp.rankingSql.p99, 0)}×`,
      "p99 ≤ 20 ms",
    ]);
  }
  const c = r.coldStart;
  rows.push([
    "`npm run ask` cold start",
    `${f(c.askMs, 0)} ms (median of ${c.runs})`,
    `tsx alone ${f(c.tsxMs, 0)} ms; node -e 0 ${f(c.nodeMs, 0)} ms`,
    `${f(c.askMs / c.tsxMs, 2)}× tsx`,
    "≤ 1500 ms",
  ]);
  rows.push([
    "server RSS, index loaded",
    `${f(r.memory.rssMB, 0)} MB after ${r.memory.answered} answers; server after load ${f(r.memory.serverAfterLoadRssMB, 0)} MB`,
    `same modules, no index ${f(r.memory.bareRssMB, 0)} MB`,
    `${f(r.memory.rssMB / r.memory.bareRssMB, 2)}×`,
    "≤ 300 MB",
  ]);
  const w = r.webhook;
  rows.push([
    "webhook throughput, one process",
    `${f(w.rps, 0)} updates/s (${w.connections} conn, ${w.seconds} s, ${w.failed} failed, ${w.answered}/${w.total} answered); server CPU ${f(w.cpuMsPerRequest, 2)} ms/update = ${f(1000 / w.cpuMsPerRequest, 0)} updates per CPU-s`,
    `trivial route ${f(r.trivial.rps, 0)} req/s; ${f(r.trivial.cpuMsPerRequest, 3)} ms CPU/req`,
    `${f(w.rps / r.trivial.rps, 2)}×`,
    "≥ 1000 updates/s",
  ]);
  rows.push(["webhook p99", `${f(w.p99, 0)} ms (p50 ${f(w.p50, 0)})`, `trivial route p99 ${f(r.trivial.p99, 0)} ms`, "", "≤ 50 ms"]);
  const c2 = r.webhookWorkers;
  if (c2) {
    rows.push([
      `webhook throughput, WORKERS=auto (${c2.workers} processes)`,
      `${f(c2.rps, 0)} updates/s (${c2.failed} failed, ${c2.answered}/${c2.total} answered); server CPU ${f(c2.cpuMsPerRequest, 2)} ms/update; RSS of all processes ${f(c2.rssMB, 0)} MB`,
      `trivial route ${f(c2.trivial.rps, 0)} req/s`,
      `${f(c2.rps / c2.trivial.rps, 2)}×`,
      "≥ 1000 updates/s",
    ]);
    rows.push([
      `webhook p99, WORKERS=auto`,
      `${f(c2.p99, 0)} ms (p50 ${f(c2.p50, 0)})`,
      `trivial route p99 ${f(c2.trivial.p99, 0)} ms`,
      "",
      "≤ 50 ms",
    ]);
  }
  const out = [
    `machine: ${m.cores} cores, ${m.cpu}, ${m.memGB} GB, Node ${m.node}, ${m.platform}; load average at start ${m.load}`,
    `corpus: ${r.reports} reports (seed ${r.seed}), ${f(r.corpusMB)} MB` +
      (b
        ? `; read ${b.indexed} reports, cells ${b.cells}, failed checks ${b.failedChecks}, skipped ${b.skipped}`
        : "; index reused (--skip-build)") +
      `; answers correct ${r.questions.correct}/${r.questions.mix}`,
    "",
    "| figure | measured | baseline | ratio | budget |",
    "|---|---|---|---|---|",
    ...rows.map((x) => `| ${x.join(" | ")} |`),
  ];
  console.log(out.join("\n"));
}
