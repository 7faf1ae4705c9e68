/** The real entry points (src/node.ts, scripts/*.ts) as child processes on loopback, with everything they print kept. */

import { type ChildProcess, spawn } from "node:child_process";
import { ROOT } from "../helpers/seed-index.js";

export interface Child {
  proc: ChildProcess;
  /** stdout and stderr as printed so far. */
  out(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Every byte any child printed in this test file, for the secrets check. */
export const allOutput: string[] = [];

export function run(args: string[], env: Record<string, string>, flags: string[] = []): Child {
  const proc = spawn(process.execPath, [...flags, "--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const slot = allOutput.push("") - 1;
  const keep = (d: Buffer) => {
    out += d;
    allOutput[slot] = out;
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, out: () => out, exited };
}

/** Wait until `pred` holds over the child's output (bounded). */
export async function waitForOutput(child: Child, pred: (out: string) => boolean, ms = 30_000): Promise<string> {
  const until = Date.now() + ms;
  while (!pred(child.out())) {
    if (Date.now() > until) throw new Error(`timed out waiting for output; got:\n${child.out()}`);
    if (child.proc.exitCode !== null) throw new Error(`exited ${child.proc.exitCode}:\n${child.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child.out();
}

/** Start `npm start`'s entry; resolves with its URL once it serves. */
export async function startServer(env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const child = run(["src/node.ts"], env);
  const out = await waitForOutput(child, (o) => /page and API on http:\/\/[\d.:]+/.test(o));
  return { child, url: (/page and API on (http:\/\/[\d.:]+)/.exec(out) as RegExpExecArray)[1] as string };
}

export async function stopServer(child: Child, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill(signal);
  await child.exited;
}
