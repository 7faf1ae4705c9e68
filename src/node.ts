/** npm start: read the environment, start the Node server, stop it cleanly on SIGTERM/SIGINT. */

import { ConfigError, parseConfig } from "./config.js";
import { startNode } from "./serve.node.js";

let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const running = await startNode(config, { corpusDir: process.env.CORPUS_DIR ?? "corpus" });
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    running.stop().then(() => process.exit(0));
  });
}
