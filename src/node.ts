/** npm start: build the index from corpus/ if there is none, then serve the page and the API. */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { INDEX_FILE, openIndex } from "./adapters/sqlite-store.js";
import { buildIndex } from "./build/build-index.js";
import { createEngine } from "./core/answer/answer-question.js";
import { createApp } from "./http/app.js";

const indexDir = process.env.INDEX_DIR ?? "index";
if (!existsSync(join(indexDir, INDEX_FILE))) await buildIndex({ corpus: process.env.CORPUS_DIR ?? "corpus", out: indexDir });
const index = openIndex(indexDir);
const app = createApp({ engine: createEngine({ store: index.store }) });
const port = Number(process.env.PORT ?? 3000);
const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? "127.0.0.1" }, (i) =>
  console.log(`serving on http://${i.address}:${i.port}`),
);
process.on("SIGTERM", () => server.close(() => index.close()));
