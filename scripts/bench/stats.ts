/** Small helpers for the benchmark: percentiles, the machine it ran on, and timing a child process. */

import { spawn } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";

/** The q-quantile (0…1) of a sample, nearest rank. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

export const median = (xs: number[]): number => quantile(xs, 0.5);

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  memGB: number;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine slows every wall-clock figure. */
  load: number;
}

export function machine(): Machine {
  const c = cpus();
  return {
    cores: c.length,
    cpu: (c[0]?.model ?? "?").trim(),
    node: process.version,
    memGB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
    load: Math.round((loadavg()[0] as number) * 10) / 10,
  };
}

export interface ChildRun {
  ms: number;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Run a command to completion and time it from spawn to exit. */
export function run(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { cwd: opts.cwd, stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    if (opts.input !== undefined) p.stdin?.end(opts.input);
    let stdout = "";
    let stderr = "";
    p.stdout?.on("data", (d) => {
      stdout += d;
    });
    p.stderr?.on("data", (d) => {
      stderr += d;
    });
    p.on("error", reject);
    p.on("close", (code) => resolve({ ms: performance.now() - t0, stdout, stderr, code }));
  });
}

/** The last line of a child's output, parsed as JSON (children report their figures that way). */
export function lastJson<T>(r: ChildRun): T {
  const line = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`bench: child exited ${r.code} without a JSON line: ${r.stderr.slice(-2000)}`);
  }
}
