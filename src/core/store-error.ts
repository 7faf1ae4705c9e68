/**
 * Failures of the storage behind the Store and UpdateLog ports, made recognisable: every adapter
 * wraps its methods with `guarded`, so whatever D1 or SQLite throws reaches the HTTP layer as a
 * StoreError, which answers 503 + Retry-After (Telegram redelivers later) instead of a raw 500.
 */

import type { Store, UpdateLog } from "./ports.js";
import { SCHEMA_VERSION } from "./schema.js";

/** missing: no database at all (no D1 binding); no_index: a database without a usable index (no tables, another schema version, a corrupt file); failed: anything else (a transient D1 error). */
export type StoreProblem = "missing" | "no_index" | "failed";

export class StoreError extends Error {
  readonly problem: StoreProblem;
  constructor(problem: StoreProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
    this.problem = problem;
  }
}

/** Where the index lives, for the messages: e.g. { name: "D1", fix: "load it with `npm run d1:load`" }. */
export interface StoreSource {
  name: string;
  /** What an operator does when the database holds no usable index. */
  fix: string;
}

const NO_INDEX = /no such table|schema version|malformed|not a database|file is encrypted/i;

/** A raw storage failure as a StoreError that says what is wrong and what to do. */
export function storeError(e: unknown, src: StoreSource): StoreError {
  if (e instanceof StoreError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (NO_INDEX.test(msg)) return new StoreError("no_index", `${src.name} holds no usable index (${msg}): ${src.fix}`, { cause: e });
  return new StoreError("failed", `${src.name} failed: ${msg}`, { cause: e });
}

/** Throws (a plain Error, classified by storeError) unless `value` is this code's schema version. */
export function checkSchemaVersion(value: string | undefined | null): void {
  if (value === undefined || value === null || Number(value) !== SCHEMA_VERSION)
    throw new Error(`schema version ${value ?? "missing"}, expected ${SCHEMA_VERSION}`);
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === "function";

/** `port` with every method's failure, thrown or rejected, turned into a StoreError; synchronous results stay synchronous. */
export function guarded<T extends object>(port: T, src: StoreSource): T {
  const out: Record<string, unknown> = {};
  for (const [key, fn] of Object.entries(port)) {
    if (typeof fn !== "function") {
      out[key] = fn;
      continue;
    }
    out[key] = (...args: unknown[]) => {
      let r: unknown;
      try {
        r = fn(...args);
      } catch (e) {
        throw storeError(e, src);
      }
      return isThenable(r)
        ? Promise.resolve(r).catch((e: unknown) => {
            throw storeError(e, src);
          })
        : r;
    };
  }
  return out as T;
}

/** A Store and an UpdateLog that fail every call with `error`: the Worker without its D1 binding still serves the page and says why it cannot answer. */
export function unavailable(error: StoreError): { store: Store; updates: UpdateLog } {
  const fail = (): Promise<never> => Promise.reject(error);
  return {
    store: {
      ready: fail,
      findAliases: fail,
      reports: fail,
      reportsOfBody: fail,
      listReports: fail,
      reportByFile: fail,
      countReports: fail,
      bodiesIn: fail,
      facts: fail,
      passages: fail,
      searchIndex: fail,
      searchVocab: fail,
      checks: fail,
    },
    updates: { firstSeen: fail, claim: fail, settle: fail },
  };
}
