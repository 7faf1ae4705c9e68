/**
 * npm run build:worker: bundles the Worker as `wrangler deploy` would (--dry-run, offline), then
 * prints its raw and gzip size and fails when it is over the Free plan's 3 MB gzip or when a
 * native addon or a node:* module is in its import graph. A bundle that builds is not proof
 * that it runs: the workerd tests and npm run smoke:worker run it.
 */

import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, wrangler } from "./wrangler.js";

const OUT = join(ROOT, "dist/worker");
const LIMIT_GZIP = 3 * 1024 * 1024;
const FORBIDDEN = [/better-sqlite3/, /nodejieba/, /@node-rs\//, /\bfrom\s*["']node:/, /require\(["']node:/];

rmSync(OUT, { recursive: true, force: true });
wrangler(["deploy", "--dry-run", "--outdir", OUT]);
const code = readFileSync(join(OUT, "worker.js"));
const gzip = gzipSync(code, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`build-worker: dist/worker/worker.js ${kb(code.length)} raw, ${kb(gzip)} gzip (limit ${kb(LIMIT_GZIP)} gzip)`);
const text = code.toString("utf8");
const bad = FORBIDDEN.filter((re) => re.test(text)).map(String);
if (bad.length > 0) {
  console.error(`build-worker: the bundle contains ${bad.join(", ")}: a Node-only module is in the Worker's import graph`);
  process.exit(1);
}
if (gzip > LIMIT_GZIP) {
  console.error(`build-worker: ${kb(gzip)} gzip is over the Free plan's 3 MB`);
  process.exit(1);
}
