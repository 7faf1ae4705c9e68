/**
 * The index a running Node server answers from, swapped live when a rebuild completes. A build
 * writes a temp directory and renames it over the index directory (build-index.ts), so the file
 * index.sqlite at the same path becomes another file (another inode). Every `pollMs` the server
 * looks; on a change it opens the new file, checks it (schema version, PRAGMA quick_check) and
 * swaps it in behind stable `store` and `engine` objects. A question already being answered
 * finishes on the index it started with; the old one is closed once none is left and `graceMs`
 * have passed (on Linux an open file outlives its deletion, so the build may remove the old
 * directory at once). A new index that fails its check is not served: the old one stays, and the
 * log says why. Each server process (each cluster worker) does this on its own.
 */

import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { INDEX_FILE, openIndex, type SqliteIndex } from "./adapters/sqlite-store.js";
import { readBuildInfo } from "./build/build-index.js";
import { createEngine, type Engine } from "./core/answer/answer-question.js";
import type { Store } from "./core/ports.js";
import { StoreError } from "./core/store-error.js";

/** How long an integrity check's result is trusted by /healthz. */
export const HEALTH_CHECK_TTL_MS = 30_000;

/**
 * quick_check reads the whole file (~3–10 ms a MB): up to this size it runs at start before serving;
 * a larger index is checked in a worker thread, as /healthz's checks always are, so a 7 GB index
 * neither delays start-up by a minute nor blocks answering.
 */
export const SYNC_CHECK_MAX_BYTES = 256 * 1024 * 1024;

const SQLITE = createRequire(import.meta.url).resolve("better-sqlite3");
const CHECK_THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
let out = null;
try {
  const db = new (require(workerData.sqlite))(workerData.file, { readonly: true, fileMustExist: true });
  const found = db.pragma("quick_check(5)").map((r) => r.quick_check).filter((r) => r !== "ok");
  db.close();
  out = found.length ? found.join("; ") : null;
} catch (e) {
  out = e.message;
}
parentPort.postMessage(out);`;

/** integrityProblem of a file, in a worker thread (its own read-only connection): the event loop goes on. */
export function integrityProblemInThread(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    const w = new Worker(CHECK_THREAD, { eval: true, workerData: { file, sqlite: SQLITE } });
    w.unref();
    w.once("message", (m: string | null) => resolve(m));
    w.once("error", (e) => resolve(e.message));
  });
}

/** PRAGMA quick_check (every page and index entry readable, O(file size)): null when sound, else what it found. */
export function integrityProblem(db: Database.Database): string | null {
  try {
    const rows = db.pragma("quick_check(5)", { simple: false }) as { quick_check: string }[];
    const found = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
    return found.length ? found.join("; ") : null;
  } catch (e) {
    return (e as Error).message;
  }
}

export interface LiveIndex {
  /** Stable across swaps: each call goes to the index being served. */
  store: Store;
  engine: Engine;
  /** The build being served (build.json's id), null for an index built before builds had ids. */
  build(): string | null;
  /** Throws a StoreError when the served index fails its integrity check (cached HEALTH_CHECK_TTL_MS). */
  check(): void;
  /** Look for a new build now (the poller calls it); true when it swapped. */
  poll(): boolean;
  close(): void;
}

interface Generation {
  index: SqliteIndex;
  engine: Engine;
  build: string | null;
  file: string;
  inFlight: number;
  retiredAt: number | null;
  checkedAt: number;
  problem: string | null;
  checking: boolean;
}

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** The file's identity: a build renames a new file into place (a new inode); "none" while it is absent. */
const signature = (file: string): string => {
  try {
    return String(statSync(file).ino);
  } catch {
    return "none";
  }
};

export function liveIndex(
  dir: string,
  first: SqliteIndex,
  opts: { pollMs?: number; graceMs?: number; log?: (line: string) => void; now?: () => Date } = {},
): LiveIndex {
  const log = opts.log ?? console.log;
  const graceMs = opts.graceMs ?? 10_000;
  const file = join(dir, INDEX_FILE);
  const generation = (index: SqliteIndex): Generation => ({
    index,
    engine: createEngine({ store: index.store, ...(opts.now ? { now: opts.now } : {}) }),
    build: readBuildInfo(dir)?.build ?? null,
    file: signature(file),
    inFlight: 0,
    retiredAt: null,
    // A small index was checked before it was served (prepareIndex, poll); a large one is checked now, in a thread.
    checkedAt: sizeOf(file) <= SYNC_CHECK_MAX_BYTES ? Date.now() : 0,
    problem: null,
    checking: false,
  });
  const recheck = (g: Generation) => {
    if (g.checking) return;
    g.checking = true;
    void integrityProblemInThread(file).then((problem) => {
      g.checking = false;
      g.checkedAt = Date.now();
      // The file may have been replaced meanwhile: the result counts only for the generation still served from it.
      if (g !== cur || signature(file) !== g.file) return;
      if (problem && !g.problem) log(`index: ${file} fails its integrity check: ${problem}; rebuild it with \`npm run index\``);
      g.problem = problem;
    });
  };
  let cur = generation(first);
  if (cur.checkedAt === 0) recheck(cur);
  const retired = new Set<Generation>();
  let refused = "";
  const reap = () => {
    for (const g of retired)
      if (g.inFlight === 0 && g.retiredAt !== null && Date.now() - g.retiredAt >= graceMs) {
        retired.delete(g);
        g.index.close();
      }
  };
  const poll = (): boolean => {
    reap();
    const sig = signature(file);
    if (sig === cur.file || sig === "none" || sig === refused) return false;
    let next: SqliteIndex;
    try {
      next = openIndex(dir, { readonly: true });
    } catch (e) {
      refused = sig;
      log(`index: a new build in ${dir} cannot be opened (${(e as Error).message}); still serving build ${cur.build ?? "unknown"}`);
      return false;
    }
    const problem = sizeOf(file) <= SYNC_CHECK_MAX_BYTES ? integrityProblem(next.db) : null;
    if (problem) {
      next.close();
      refused = sig;
      log(`index: a new build in ${dir} fails its integrity check (${problem}); still serving build ${cur.build ?? "unknown"}`);
      return false;
    }
    const old = cur;
    cur = generation(next);
    if (cur.checkedAt === 0) recheck(cur);
    old.retiredAt = Date.now();
    retired.add(old);
    log(`index: serving build ${cur.build ?? "unknown"} (${cur.index.store.countReports()} reports), was ${old.build ?? "unknown"}`);
    return true;
  };
  const timer = setInterval(() => {
    try {
      poll();
    } catch (e) {
      log(`index: looking for a new build failed: ${(e as Error).message}`);
    }
  }, opts.pollMs ?? 1000);
  timer.unref();
  const store = Object.fromEntries(
    Object.keys(first.store).map((k) => [
      k,
      (...args: unknown[]) => (cur.index.store as unknown as Record<string, (...a: unknown[]) => unknown>)[k]?.(...args),
    ]),
  ) as unknown as Store;
  return {
    store,
    engine: {
      async ask(question) {
        const g = cur;
        g.inFlight++;
        try {
          return await g.engine.ask(question);
        } finally {
          g.inFlight--;
        }
      },
    },
    build: () => cur.build,
    check() {
      const g = cur;
      // The last result answers at once; a stale one is refreshed in a thread for the next call.
      if (Date.now() - g.checkedAt > HEALTH_CHECK_TTL_MS) recheck(g);
      if (g.problem) throw new StoreError("no_index", `index fails its integrity check: ${g.problem}`);
    },
    poll,
    close() {
      clearInterval(timer);
      for (const g of retired) g.index.close();
      retired.clear();
      cur.index.close();
    },
  };
}
