/**
 * npm run dev:worker -- [--persist-to DIR]
 * Loads the current index into local D1, then serves the Worker offline with `wrangler dev` on
 * 127.0.0.1:$PORT (default 8787): /healthz, /api/ask and the webhook.
 */

import { cliArgs } from "./cli-args.js";
import { loadD1 } from "./d1-load.js";
import { startWrangler, stopWrangler } from "./wrangler.js";

const { values } = cliArgs("dev-worker", { options: { "persist-to": { type: "string" } } });
const persist = values["persist-to"] ? ["--persist-to", values["persist-to"]] : [];
try {
  await loadD1({ index: process.env.INDEX_DIR ?? "index", persistTo: values["persist-to"] });
} catch (e) {
  console.error(`dev-worker: ${(e as Error).message}`);
  process.exit(1);
}
const port = process.env.PORT ?? "8787";
const dev = startWrangler(["dev", "--local", "--ip", process.env.HOST ?? "127.0.0.1", "--port", port, ...persist]);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stopWrangler(dev, sig));
dev.on("exit", (code) => process.exit(code ?? 0));
