/**
 * npm run bench -- [--reports N] [--seed S] [--json] [--skip-build] [--seconds S] [--connections C] [--runs R]
 *
 * Measures, on a synthetic corpus of N reports, each figure of design.md's budgets next to a
 * baseline that bounds it: index build (vs nodejieba alone), in-process answering (vs a raw
 * SQLite point lookup), `npm run ask` cold start (vs tsx and node starting), server RSS (vs the
 * runtime with the same modules and no index), webhook load (vs a trivial route on the same server).
 * Progress goes to stderr; the table to stdout; with --json the last stdout line is one JSON object.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { INDEX_FILE } from "../src/adapters/sqlite-store.js";
import { type CompareQuestion, measureAnswers } from "./bench/answer.js";
import { dirName, generateCorpus, planReports } from "./bench/gen-corpus.js";
import type { Question } from "./bench/gen-report.js";
import { type LoadFigures, loadTrivial, loadWebhook } from "./bench/load.js";
import { printTable } from "./bench/print.js";
import { procUsage } from "./bench/proc-usage.js";
import { lastJson, machine, median, run } from "./bench/stats.js";
import { BENCH_SECRET, updateFor, updateIdBase } from "./bench/webhook-app.js";
import { cliArgs } from "./cli-args.js";

const { values } = cliArgs("bench", {
  options: {
    reports: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    runs: { type: "string", default: "5" },
    dir: { type: "string", default: "bench-corpus" },
  },
});
const N = Number(values.reports);
const SEED = Number(values.seed);
const RUNS = Number(values.runs);
const ROOT = resolve(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const say = (s: string) => process.stderr.write(`bench: ${s}\n`);

const startMachine = machine();
const base = resolve(values.dir as string);
mkdirSync(base, { recursive: true });
const corpusDir = join(base, dirName(N, SEED));
const indexDir = join(base, `${dirName(N, SEED)}.index`);

say(`corpus of ${N} reports (seed ${SEED}) in ${corpusDir}`);
const t0 = performance.now();
const manifest = generateCorpus(corpusDir, N, SEED);
say(`corpus ready in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(manifest.bytes / 1e6).toFixed(1)} MB`);

// ---- index build, next to nodejieba segmenting the same prose alone
type Build = {
  ms: number;
  cpuMs: number;
  indexed: number;
  skipped: number;
  cellsRead: number;
  cellsWanted: number;
  failedChecks: number;
  maxRssMB: number;
  indexMB: number;
};
let build: Build | null = null;
let fixed: Build | null = null;
if (!values["skip-build"] || !existsSync(join(indexDir, INDEX_FILE))) {
  say("building the index…");
  const r = await run(TSX, ["scripts/bench/child-build.ts", "--corpus", corpusDir, "--out", indexDir], { cwd: ROOT });
  build = lastJson<Build>(r);
  say(`built ${build.indexed} reports in ${(build.ms / 1000).toFixed(1)} s`);
  // The same build over one body's seven reports: its CPU is the fixed cost (modules, jieba's dictionary, the gazetteer).
  const small = join(base, dirName(7, SEED));
  generateCorpus(small, 7, SEED);
  fixed = lastJson<Build>(await run(TSX, ["scripts/bench/child-build.ts", "--corpus", small, "--out", `${small}.index`], { cwd: ROOT }));
}
const jiebaFiles = Math.min(N, 2000);
const jieba = lastJson<{ ms: number; cpuMs: number; files: number }>(
  await run(TSX, ["scripts/bench/child-jieba.ts", "--corpus", corpusDir, "--limit", String(jiebaFiles)], { cwd: ROOT }),
);

// ---- answering in process: a fixed mix (every question of 150 reports spread over the corpus)
const stride = Math.max(1, Math.floor(manifest.items.length / 150));
const mix: Question[] = [];
const warm: Question[] = [];
for (let i = 0; i < manifest.items.length && mix.length < 150 * 7; i += stride) mix.push(...(manifest.items[i]?.questions ?? []));
for (let i = Math.floor(stride / 2); i < manifest.items.length && warm.length < 100; i += stride)
  warm.push(...(manifest.items[i]?.questions ?? []));
// Comparisons: a body's every year (series) and a county's departments in one year (ranking), the
// figure being each report's 收到申请 (table 三 new·总计), expected from the generated figures.
const plan = planReports(N, SEED);
const received = (i: number) => manifest.items[i]?.questions.find((q) => q.q.includes("收到多少件"))?.expect ?? "";
const byBody = new Map<string, number[]>();
const byPlaceYear = new Map<string, number[]>();
plan.forEach((p, i) => {
  byBody.set(p.body, [...(byBody.get(p.body) ?? []), i]);
  // A county's own government report is not one of its departments (compare.ts).
  if (p.body !== `${p.place}人民政府`) byPlaceYear.set(`${p.place}|${p.year}`, [...(byPlaceYear.get(`${p.place}|${p.year}`) ?? []), i]);
});
const compare: CompareQuestion[] = [];
const bodies = [...byBody.keys()];
for (let i = 0; i < bodies.length && compare.length < 100; i += Math.max(1, Math.floor(bodies.length / 100))) {
  const body = bodies[i] as string;
  const ids = [...(byBody.get(body) ?? [])].sort((a, b) => (plan[a]?.year ?? 0) - (plan[b]?.year ?? 0));
  if (ids.length >= 2 && !body.endsWith("人民政府"))
    compare.push({ q: `${body}历年收到申请`, kind: "series", who: body, year: null, expect: ids.map(received) });
}
const groups = [...byPlaceYear.entries()].filter(([, ids]) => ids.length >= 2);
for (let i = 0; i < groups.length && compare.length < 200; i += Math.max(1, Math.floor(groups.length / 100))) {
  const [key, ids] = groups[i] as [string, number[]];
  const [place, year] = key.split("|") as [string, string];
  // Descending; equal figures keep the bodies' name order, as the ranking's stable sort does.
  const order = [...ids]
    .sort((a, b) => ((plan[a]?.body ?? "") < (plan[b]?.body ?? "") ? -1 : 1))
    .sort((a, b) => Number(received(b)) - Number(received(a)));
  compare.push({ q: `${place}各部门${year}年收到申请排名`, kind: "ranking", who: place, year: Number(year), expect: order.map(received) });
}
say(`answering ${mix.length} questions and ${compare.length} comparisons in process…`);
const answers = await measureAnswers(indexDir, warm, mix, manifest.items.length, compare);

// ---- npm run ask cold start, next to tsx and node starting with nothing to do
say("cold starts…");
const coldQ = mix[0]?.q ?? "";
const askRuns: number[] = [];
let askStatus = "";
for (let i = 0; i < RUNS; i++) {
  const r = await run(TSX, ["scripts/ask.ts", "--index", indexDir, "--json", coldQ], { cwd: ROOT });
  askRuns.push(r.ms);
  askStatus = (JSON.parse(r.stdout) as { status: string }).status;
}
const tsxRuns: number[] = [];
const nodeRuns: number[] = [];
for (let i = 0; i < RUNS; i++) {
  tsxRuns.push((await run(TSX, ["scripts/bench/empty.ts"], { cwd: ROOT })).ms);
  nodeRuns.push((await run(process.execPath, ["-e", "0"])).ms);
}

// ---- server memory with the index loaded, next to the same modules without an index
type Mem = { rssMB: number; heapMB: number; answered: number };
const memQs = mix.slice(0, 200).map((q) => q.q);
const mem = lastJson<Mem>(await run(TSX, ["scripts/bench/child-rss.ts", "--index", indexDir], { cwd: ROOT, input: memQs.join("\n") }));
const bare = lastJson<Mem>(await run(TSX, ["scripts/bench/child-rss.ts", "--bare"], { cwd: ROOT }));

// ---- webhook on loopback: one server (one process, then a cluster of one per core, as WORKERS=auto runs), a trivial route and the webhook
const seconds = Number(values.seconds);
const connections = Number(values.connections);
type Served = { trivial: LoadFigures & { cpuMsPerRequest: number }; webhook: LoadFigures & { cpuMsPerRequest: number }; rssMB: number };

async function loadServer(workers: number): Promise<Served> {
  say(`webhook load, ${workers} server process${workers > 1 ? "es" : ""}…`);
  const server = spawn(TSX, ["scripts/bench/child-server.ts", "--index", indexDir, "--workers", String(workers)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const { port, pids } = await new Promise<{ port: number; pids: number[] }>((res, rej) => {
      server.stdout?.once("data", (d) => res(JSON.parse(String(d).trim().split("\n")[0] as string)));
      server.once("exit", (c) => rej(new Error(`bench: server exited ${c}`)));
    });
    const probeBase = updateIdBase();
    for (let i = 0; i < workers * 2; i++) {
      const probe = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": BENCH_SECRET },
        body: updateFor(probeBase + i, coldQ),
      });
      const reply = (await probe.json()) as { method?: string; text?: string };
      if (probe.status !== 200 || reply.method !== "sendMessage")
        throw new Error(`bench: webhook did not reply in the response (${probe.status})`);
    }
    // Server CPU per request, summed over its processes (from /proc): what the cores it used can serve, however busy the machine is.
    const u0 = procUsage(pids);
    const t = await loadTrivial(port, seconds, connections);
    const u1 = procUsage(pids);
    // Warm up (V8 compiles the answering path), then measure.
    await loadWebhook(
      port,
      2,
      connections,
      mix.map((q) => q.q),
    );
    const u1b = procUsage(pids);
    const w = await loadWebhook(
      port,
      seconds,
      connections,
      mix.map((q) => q.q),
    );
    const u2 = procUsage(pids);
    return {
      trivial: { ...t, cpuMsPerRequest: (u1.cpuMs - u0.cpuMs) / t.total },
      webhook: { ...w, cpuMsPerRequest: (u2.cpuMs - u1b.cpuMs) / w.total },
      rssMB: u2.rssMB,
    };
  } finally {
    stop(server);
  }
}
const single = await loadServer(1);
const cores = availableParallelism();
const cluster = cores > 1 ? await loadServer(cores) : null;
const { trivial, webhook } = single;
const serverRssMB = single.rssMB;

function stop(p: ChildProcess): void {
  if (p.exitCode === null) p.kill("SIGTERM");
}

const result = {
  machine: startMachine,
  reports: N,
  seed: SEED,
  corpusMB: manifest.bytes / 1e6,
  build: build && {
    reportsPerSec: build.indexed / (build.ms / 1000),
    reportsPerCpuSec: build.indexed / (build.cpuMs / 1000),
    fixedCpuSec: fixed ? fixed.cpuMs / 1000 : null,
    /** Reports per CPU-second once the fixed start-up cost is paid: the per-core rate of a long build. */
    marginalPerCpuSec: fixed ? (build.indexed - fixed.indexed) / ((build.cpuMs - fixed.cpuMs) / 1000) : null,
    seconds: build.ms / 1000,
    indexed: build.indexed,
    skipped: build.skipped,
    cells: `${build.cellsRead}/${build.cellsWanted}`,
    failedChecks: build.failedChecks,
    maxRssMB: build.maxRssMB,
    indexMB: build.indexMB,
  },
  jieba: { reportsPerSec: jieba.files / (jieba.ms / 1000), reportsPerCpuSec: jieba.files / (jieba.cpuMs / 1000), files: jieba.files },
  answer: answers,
  questions: { mix: mix.length, correct: answers.correct },
  coldStart: { askMs: median(askRuns), askStatus, tsxMs: median(tsxRuns), nodeMs: median(nodeRuns), runs: RUNS },
  memory: { rssMB: mem.rssMB, heapMB: mem.heapMB, answered: mem.answered, bareRssMB: bare.rssMB, serverAfterLoadRssMB: serverRssMB },
  webhook: { ...webhook, connections, seconds },
  trivial,
  /** The same load on WORKERS=auto: one server process per core sharing the port (src/cluster.node.ts). */
  webhookWorkers: cluster && { workers: cores, ...cluster.webhook, trivial: cluster.trivial, rssMB: cluster.rssMB },
};
printTable(result);
if (values.json) console.log(JSON.stringify(result));
export type BenchResult = typeof result;
