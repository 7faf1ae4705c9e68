/** Running the project's wrangler from scripts: no metrics, the project's own binary, errors named. */

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "node_modules/.bin/wrangler");
const ENV = { ...process.env, WRANGLER_SEND_METRICS: "false" };

/** Run wrangler to completion with inherited output; throws when it fails. */
export function wrangler(args: string[]): void {
  const r = spawnSync(BIN, args, { cwd: ROOT, stdio: "inherit", env: ENV });
  if (r.status !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed (exit ${r.status ?? r.signal})`);
}

/** Start a long-running wrangler in its own process group, so stopping it stops workerd too. */
export function startWrangler(args: string[], stdio: "inherit" | "pipe" = "inherit"): ChildProcess {
  return spawn(BIN, args, { cwd: ROOT, stdio, env: ENV, detached: true });
}

/** Stop a process group started by startWrangler. */
export function stopWrangler(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}
