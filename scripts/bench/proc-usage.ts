/** CPU time and RSS of a set of processes, from Linux's /proc (the bench's servers, one or a cluster). */

import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

export interface ProcUsage {
  cpuMs: number;
  rssMB: number;
}

export function procUsage(pids: number[]): ProcUsage {
  let cpuMs = 0;
  let rssMB = 0;
  for (const pid of pids) {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    cpuMs += ((Number(f[11]) + Number(f[12])) * 1000) / TICKS;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    rssMB += Number(rss?.[1] ?? 0) / 1024;
  }
  return { cpuMs, rssMB };
}
