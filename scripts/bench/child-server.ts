/** Bench child: serve createBenchServer on 127.0.0.1 (random port) with the index loaded; prints {"port"} when ready. */

import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { openIndex } from "../../src/adapters/sqlite-store.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import { createBenchServer } from "./webhook-app.js";

const { values } = parseArgs({ options: { index: { type: "string" } } });
const index = openIndex(values.index as string, { readonly: true });
const app = createBenchServer(createEngine({ store: index.store }), index.store);
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => console.log(JSON.stringify({ port: info.port })));
process.on("SIGTERM", () => server.close(() => index.close()));
