/**
 * npm start: read the environment, start the Node server (one process, or with WORKERS a cluster
 * of them: cluster.node.ts), stop it cleanly on SIGTERM/SIGINT.
 */

import cluster from "node:cluster";
import { announceListening, startCluster, workerCount } from "./cluster.node.js";
import { ConfigError, parseConfig } from "./config.js";
import { redactOutput } from "./redact-output.node.js";
import { type Running, startNode } from "./serve.node.js";

// The token and the webhook secret never leave the process in anything it prints.
redactOutput([process.env.TELEGRAM_BOT_TOKEN, process.env.TELEGRAM_WEBHOOK_SECRET]);
let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const corpusDir = process.env.CORPUS_DIR ?? "corpus";
/** Why the server could not start, in one line (no stack trace): the port taken, the corpus missing, the index unusable. */
function startFailure(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "EADDRINUSE") return `cannot listen on ${config.host}:${config.port}: the port is in use by another process (set PORT)`;
  if (err?.code === "EACCES") return `cannot listen on ${config.host}:${config.port}: permission denied (set PORT above 1023)`;
  if (err?.code === "EADDRNOTAVAIL") return `cannot listen on ${config.host}:${config.port}: no such address on this machine (set HOST)`;
  return (err?.message ?? String(e)).split("\n")[0] as string;
}
let running: Running;
try {
  if (cluster.isWorker) {
    // The primary has built the index and registered the bot; this process only serves.
    running = await startNode(config, { corpusDir, register: false, summary: false });
    announceListening(running.url);
  } else if (workerCount(config.workers) > 1) {
    running = await startCluster(config, { corpusDir });
  } else {
    running = await startNode(config, { corpusDir });
  }
} catch (e) {
  console.error(`npm start: ${startFailure(e)}`);
  process.exit(1);
}
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (!cluster.isWorker) console.log(`${signal}: stopping`);
    running.stop().then(() => process.exit(0));
  });
}
