/**
 * Bench child: serve createBenchServer on 127.0.0.1 (random port) with the index loaded. With
 * --workers N > 1 it is a cluster of N processes sharing the port, as `npm start` runs with
 * WORKERS=N (src/cluster.node.ts). Prints {"port", "pids"} when every process listens.
 */

import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { openIndex } from "../../src/adapters/sqlite-store.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import { createBenchServer } from "./webhook-app.js";

const { values } = parseArgs({ options: { index: { type: "string" }, workers: { type: "string", default: "1" } } });
const workers = Number(values.workers);

function listen(ready: (port: number) => void): void {
  // Writable, as `npm start` opens it: the webhook records each update id in the index's SQLite.
  const index = openIndex(values.index as string);
  const app = createBenchServer(createEngine({ store: index.store }), index.store, index.updates);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => ready(info.port));
  process.on("SIGTERM", () => server.close(() => index.close()));
}

if (cluster.isWorker) {
  listen((port) => process.send?.({ port }));
} else if (workers <= 1) {
  listen((port) => console.log(JSON.stringify({ port, pids: [process.pid] })));
} else {
  cluster.setupPrimary({ execArgv: process.execArgv });
  const forked = Array.from({ length: workers }, () => cluster.fork());
  const ports = await Promise.all(forked.map((w) => new Promise<number>((res) => w.once("message", (m: { port: number }) => res(m.port)))));
  console.log(JSON.stringify({ port: ports[0], pids: forked.map((w) => w.process.pid) }));
  process.on("SIGTERM", () => {
    for (const w of forked) w.process.kill("SIGTERM");
    process.exit(0);
  });
}
