/**
 * What the core needs from storage, declared here and implemented by adapters named for their
 * technology (sqlite-store.ts on Node, d1-store.ts on Workers, memory-store.ts for tests).
 * Results are MaybePromise: better-sqlite3 answers synchronously, D1 asynchronously. Adapters
 * report every storage failure as a StoreError (store-error.ts `guarded`).
 */

import type { Cell, CheckResult, Passage } from "./model.js";

export type MaybePromise<T> = T | Promise<T>;

/** One indexed report, without its cells and passages. */
export interface ReportRow {
  id: number;
  file: string;
  title: string;
  /** Body name as printed, e.g. "灵丘县". */
  body: string;
  /** Stable identity of the body across years: the GB/T 2260 code when known, plus the organ. */
  bodyKey: string;
  /** "山西省大同市灵丘县" when the gazetteer knows the place. */
  regionPath: string | null;
  year: number | null;
  published: string | null;
  url: string | null;
  template: string;
  form: string;
  warnings: string[];
}

/** One body of the index (the bodies table): its key, its printed name and its place. */
export interface BodyRow {
  bodyKey: string;
  body: string;
  regionPath: string | null;
}

export interface AliasHit {
  alias: string;
  /** The body the alias names; "" for a gazetteer place the corpus has no report of. */
  bodyKey: string;
  /** The body's name as its reports print it; null when bodyKey is "". */
  body: string | null;
  /** 3: the body's own name; 2: a regional short form of it; 1: a bare place name that reaches a department. */
  weight: number;
  /** How the alias was formed, e.g. "ocr" when a misread name was corrected; null otherwise. */
  note: string | null;
}

export interface FactRow extends Cell {
  reportId: number;
}

/** A report's passage search index: MiniSearch JSON and its vocabulary (see search-options.ts). */
export interface SearchIndexRow {
  json: string;
  vocab: string[];
}

export interface FactQuery {
  table?: string;
  item?: string | null;
  rowIds?: string[];
  /** With rowIds: only these columns (a question about one column of table 三 reads one cell, not seven). */
  colIds?: string[];
}

export interface Store {
  /** Resolves when the index is there and of this code's schema version (one row read); else throws a StoreError (store-error.ts). */
  ready(): MaybePromise<void>;
  /** Which of these strings are aliases of indexed bodies (or of known places), and of which bodies. */
  findAliases(candidates: string[]): MaybePromise<AliasHit[]>;
  /** Reports by id. */
  reports(ids: number[]): MaybePromise<ReportRow[]>;
  /** All reports of one body (every year). */
  reportsOfBody(bodyKey: string): MaybePromise<ReportRow[]>;
  /** The report indexed from this corpus file (the permalink's name for it), or null. */
  reportByFile(file: string): MaybePromise<ReportRow | null>;
  /** Every report (for /sources and one-body corpora); at most `limit`. */
  listReports(limit: number): MaybePromise<ReportRow[]>;
  countReports(): MaybePromise<number>;
  /**
   * The bodies of a place (comparisons across bodies): those whose gazetteer path contains `place`
   * or whose own name starts with it, ordered by name. Reads the bodies, never the reports.
   */
  bodiesIn(place: string): MaybePromise<BodyRow[]>;
  facts(reportId: number, q: FactQuery): MaybePromise<FactRow[]>;
  passages(reportId: number): MaybePromise<Passage[]>;
  searchIndex(reportId: number): MaybePromise<SearchIndexRow | null>;
  /** The passage index's vocabulary alone (its terms), without the index: null when the report has none. */
  searchVocab(reportId: number): MaybePromise<string[] | null>;
  /** The 勾稽 check results of one report (kept out of ReportRow: they are large and rarely needed). */
  checks(reportId: number): MaybePromise<CheckResult[]>;
}

/**
 * What claiming an update found: "new" (it is now recorded as in progress: never seen, or seen and
 * failed, or in progress past its lease, i.e. its handler died), "busy" (another handler holds it
 * within its lease), "done" (answered: Telegram accepted the reply).
 */
export type UpdateClaim = "new" | "busy" | "done";

/**
 * Remembers Telegram update ids so a redelivered update is answered once (at least once in,
 * exactly once out): an update is claimed (in progress) before it is handled and settled as
 * answered only after Telegram accepted the reply; a failed or abandoned one is handled again.
 */
export interface UpdateLog {
  /** True the first time an id is seen; false for a duplicate (the older, claim-free contract). */
  firstSeen(updateId: number, nowMs: number): MaybePromise<boolean>;
  /** Claim an update for handling; an in-progress claim older than `leaseMs` is taken over. */
  claim(updateId: number, nowMs: number, leaseMs: number): MaybePromise<UpdateClaim>;
  /** Record how handling ended: answered, or failed (a redelivery is then handled again). */
  settle(updateId: number, answered: boolean, nowMs: number): MaybePromise<void>;
}
