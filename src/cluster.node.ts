/**
 * npm start with WORKERS > 1 (webhook mode, or the page and API alone). Answering is CPU-bound
 * and one Node process uses one core, so a busy webhook wants a process per core. The primary
 * opens the index once (building it first if needed) and tells Telegram about the bot once, then
 * forks the workers; each runs startNode on the shared port and Node's cluster module hands them
 * connections in turn. A worker that dies is replaced (up to MAX_RESTARTS a minute); stop() sends
 * every worker SIGTERM, which drains it as a single server drains.
 *
 * What the workers share: the index file (read-only for answering) and its seen-update table
 * (SQLite in WAL mode, so an update Telegram delivers twice is dropped whichever worker gets it
 * the second time). What they do not: the per-user rate limit, which is per process.
 */

import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Bot } from "grammy";
import { prepareIndex } from "./build/prepare-index.js";
import type { Config, Vars } from "./config.js";
import type { Running } from "./serve.node.js";
import { registerBot } from "./telegram/start-telegram.js";

/** Worker deaths tolerated within a minute before the primary gives up (a crash loop, not bad luck). */
export const MAX_RESTARTS = 5;

/** The message a worker sends its primary once it listens. */
export interface ListeningMessage {
  type: "listening";
  url: string;
}

export function workerCount(workers: Config["workers"]): number {
  return workers === "auto" ? availableParallelism() : workers;
}

export interface ClusterOptions {
  corpusDir?: string;
  log?: (line: string) => void;
  /** The workers' environment (default process.env): they read their own Config from it. */
  env?: Vars;
  /** The script each worker runs (default src/node.ts) and its Node flags (default the primary's). */
  exec?: string;
  execArgv?: string[];
}

export interface ClusterRunning extends Running {
  /** The workers' process ids (for the bench, which sums their CPU time). */
  pids(): number[];
}

/** Tell a cluster's primary that this worker listens (a no-op outside a cluster). */
export function announceListening(url: string): void {
  if (cluster.isWorker) process.send?.({ type: "listening", url } satisfies ListeningMessage);
}

export async function startCluster(config: Config, opts: ClusterOptions = {}): Promise<ClusterRunning> {
  const log = opts.log ?? console.log;
  const n = workerCount(config.workers);
  // Built and checked here once, so the workers only open it.
  (await prepareIndex(config.indexDir, opts)).close();
  const tg = config.telegram;
  const env = { ...(opts.env ?? process.env) };
  if (tg) {
    if (tg.mode !== "webhook") throw new Error("cluster: several workers need webhook mode (long polling runs in one process)");
    // Without BOT_INFO the primary asks getMe once and hands the answer to every worker.
    const botInfo = tg.botInfo ?? (await new Bot(tg.token, { client: { apiRoot: tg.apiRoot } }).api.getMe());
    if (!tg.botInfo) {
      env.BOT_INFO = JSON.stringify(botInfo);
      log(`BOT_INFO not set: asked getMe once at start. To skip this, set BOT_INFO='${env.BOT_INFO}'`);
    }
    await registerBot(new Bot(tg.token, { botInfo, client: { apiRoot: tg.apiRoot } }), tg);
  }
  cluster.setupPrimary({
    exec: opts.exec ?? fileURLToPath(new URL("./node.ts", import.meta.url)),
    execArgv: opts.execArgv ?? process.execArgv,
  });
  const workers = new Set<Worker>();
  const deaths: number[] = [];
  let stopping = false;
  let listening = 0;
  let ready: (url: string) => void = () => {};
  let failed: (e: Error) => void = () => {};
  const url = new Promise<string>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const fork = (): void => {
    const w = cluster.fork(env);
    workers.add(w);
    w.on("message", (m: Partial<ListeningMessage>) => {
      if (m?.type === "listening" && typeof m.url === "string" && ++listening === n) ready(m.url);
    });
    w.on("exit", (code, signal) => {
      workers.delete(w);
      if (stopping) return;
      const t = Date.now();
      deaths.push(t);
      while ((deaths[0] ?? t) < t - 60_000) deaths.shift();
      if (deaths.length > MAX_RESTARTS) {
        log(`cluster: ${deaths.length} workers died within a minute; stopping`);
        failed(new Error(`cluster: workers keep dying (last: ${signal ?? `exit code ${code}`})`));
        void stop();
        return;
      }
      log(`cluster: worker ${w.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`);
      fork();
    });
  };
  const stop = async (graceMs = 5000): Promise<void> => {
    stopping = true;
    await Promise.all(
      [...workers].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const force = setTimeout(() => w.process.kill("SIGKILL"), graceMs + 2000);
            w.once("exit", () => {
              clearTimeout(force);
              resolve();
            });
            w.process.kill("SIGTERM");
          }),
      ),
    );
  };
  for (let i = 0; i < n; i++) fork();
  const where = await url;
  log(`${config.summary.replace(/http:\/\/[^ )]+/, where)}; ${n} worker processes`);
  return { url: where, stop, pids: () => [...workers].map((w) => w.process.pid as number) };
}
