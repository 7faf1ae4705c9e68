/**
 * npm run smoke:worker: starts `npm run dev:worker` (wrangler dev, offline, a throwaway local D1)
 * on a free port, and checks /healthz and /api/ask against the Node app over the same index.
 */

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openIndex } from "../src/adapters/sqlite-store.js";
import { parseConfig } from "../src/config.js";
import { createEngine } from "../src/core/answer/answer-question.js";
import { createApp } from "../src/http/app.js";
import { ROOT } from "./wrangler.js";

const QUESTIONS = ["2019年灵丘行政处罚多少", "灵丘2019年12345热线和政民互动共收到多少件信息", "灵丘2020年行政处罚多少"];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
    s.on("error", fail);
  });
}

const port = process.env.PORT ?? String(await freePort());
const persist = mkdtempSync(join(tmpdir(), "smoke-d1-"));
const base = `http://127.0.0.1:${port}`;
const dev = spawn(join(ROOT, "node_modules/.bin/tsx"), ["scripts/dev-worker.ts", "--persist-to", persist], {
  cwd: ROOT,
  env: { ...process.env, PORT: port },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
const stop = () => {
  if (dev.pid !== undefined && dev.exitCode === null) process.kill(-dev.pid, "SIGTERM");
};

async function main(): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`dev:worker exited with ${dev.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${base}/healthz did not answer within 90 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const index = openIndex(process.env.INDEX_DIR ?? join(ROOT, "index"), { readonly: true });
  const node = createApp({ engine: createEngine({ store: index.store }), store: index.store, config: parseConfig({}) });
  try {
    for (const q of QUESTIONS) {
      const path = `/api/ask?q=${encodeURIComponent(q)}`;
      const [w, n] = await Promise.all([
        fetch(base + path).then((r) => r.text()),
        Promise.resolve(node.request(path)).then((r) => r.text()),
      ]);
      if (w !== n) throw new Error(`${q}: the Worker answered\n${w}\nbut Node answered\n${n}`);
      console.log(`smoke: ${q} → ${JSON.parse(w).status}, same JSON as Node`);
    }
    const first = (await (await fetch(`${base}/api/ask?q=${encodeURIComponent(QUESTIONS[0] as string)}`)).json()) as {
      facts: { value: number }[];
    };
    if (first.facts[0]?.value !== 1249) throw new Error(`expected 1249, got ${JSON.stringify(first.facts[0])}`);
  } finally {
    index.close();
  }
}

try {
  await main();
  console.log(`smoke: wrangler dev on ${base} serves /healthz and /api/ask`);
} catch (e) {
  console.error(`smoke-worker: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  stop();
  await new Promise((r) => setTimeout(r, 500));
  rmSync(persist, { recursive: true, force: true });
}
