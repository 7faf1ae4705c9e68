/**
 * The Store and UpdateLog ports on Cloudflare D1 (Workers): the same schema and the same SQL as
 * sqlite-store.ts (src/core/queries.ts), asynchronous. Update ids are deduplicated in D1 with
 * INSERT … ON CONFLICT DO NOTHING, never in isolate memory: isolates come and go and do not share.
 */

import type { CheckResult, Passage } from "../core/model.js";
import type { AliasHit, BodyRow, FactQuery, FactRow, ReportRow, SearchIndexRow, Store, UpdateLog } from "../core/ports.js";
import { colList, SEEN_KEEP_MS, SEEN_PURGE_EVERY, SQL } from "../core/queries.js";
import { toFact, toReport } from "../core/rows.js";
import type { FactDbRow, ReportDbRow } from "../core/schema.js";
import { checkSchemaVersion, guarded, type StoreSource } from "../core/store-error.js";

/** D1's errors become StoreErrors with this name and remedy (a 503 + Retry-After at the HTTP layer). */
export const D1_SOURCE: StoreSource = { name: "D1", fix: "load the index with `npm run d1:load` (README: Deploy on Cloudflare Workers)" };

/** The part of D1's prepared statement this adapter uses (D1PreparedStatement satisfies it). */
export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  run(): Promise<{ meta: { changes: number } }>;
}

/** The part of D1Database this adapter uses; declared here so Node code typechecks without workers-types. */
export interface D1Like {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<{ meta: { changes: number } }[]>;
}

export function d1Store(db: D1Like): Store {
  const rows = async <T>(sql: string, ...args: unknown[]): Promise<T[]> =>
    (
      await db
        .prepare(sql)
        .bind(...args)
        .all<T>()
    ).results;
  return guarded<Store>(
    {
      ready: async () => checkSchemaVersion((await db.prepare(SQL.schemaVersion).first<{ value: string }>())?.value),
      // No alias_heads filter here, unlike sqlite-store: a D1 query costs its round trip, not its ~130
      // index probes, and heads cached in a long-lived isolate would go stale when `npm run d1:load`
      // replaces the data (a new body's questions would then find nothing).
      findAliases: async (cands): Promise<AliasHit[]> => (cands.length === 0 ? [] : rows<AliasHit>(SQL.aliases, JSON.stringify(cands))),
      reports: async (ids): Promise<ReportRow[]> =>
        ids.length === 0 ? [] : (await rows<ReportDbRow>(SQL.reports, JSON.stringify(ids))).map(toReport),
      reportsOfBody: async (key) => (await rows<ReportDbRow>(SQL.reportsOfBody, key)).map(toReport),
      listReports: async (limit) => (await rows<ReportDbRow>(SQL.listReports, limit)).map(toReport),
      reportByFile: async (file) => {
        const r = await db.prepare(SQL.reportByFile).bind(file).first<ReportDbRow>();
        return r ? toReport(r) : null;
      },
      bodiesIn: (place) => rows<BodyRow>(SQL.bodiesIn, place, place, place),
      countReports: async () => (await db.prepare(SQL.countReports).first<{ n: number }>())?.n ?? 0,
      facts: async (id: number, f: FactQuery): Promise<FactRow[]> => {
        const found = f.table
          ? f.rowIds
            ? f.colIds
              ? await rows<FactDbRow>(SQL.factsCells, id, f.table, JSON.stringify(f.rowIds), colList(f.colIds))
              : await rows<FactDbRow>(SQL.factsRows, id, f.table, JSON.stringify(f.rowIds))
            : await rows<FactDbRow>(SQL.factsTable, id, f.table)
          : await rows<FactDbRow>(SQL.factsAll, id);
        return found.map(toFact);
      },
      passages: (id) => rows<Passage>(SQL.passages, id),
      checks: async (id): Promise<CheckResult[]> => {
        const r = await db.prepare(SQL.checks).bind(id).first<{ checks: string }>();
        return r ? (JSON.parse(r.checks) as CheckResult[]) : [];
      },
      searchIndex: async (id): Promise<SearchIndexRow | null> => {
        const r = await db.prepare(SQL.search).bind(id).first<{ json: string; vocab: string }>();
        return r ? { json: r.json, vocab: JSON.parse(r.vocab) } : null;
      },
      searchVocab: async (id): Promise<string[] | null> => {
        const r = await db.prepare(SQL.searchVocab).bind(id).first<{ vocab: string }>();
        return r ? (JSON.parse(r.vocab) as string[]) : null;
      },
    },
    D1_SOURCE,
  );
}

/** Seen Telegram update ids, kept a day, in D1: global across isolates and locations. */
/** A table created on first use, once per isolate; a failed attempt is tried again next time. */
function lazyTable(db: D1Like, sql: string): () => Promise<unknown> {
  let ready: Promise<unknown> | null = null;
  return () =>
    (ready ??= db
      .prepare(sql)
      .run()
      .catch((e) => {
        ready = null;
        throw e;
      }));
}

export function d1UpdateLog(db: D1Like, keepMs = SEEN_KEEP_MS): UpdateLog {
  const seenTable = lazyTable(db, SQL.seenTable);
  const claimTable = lazyTable(db, SQL.claimTable);
  return guarded<UpdateLog>(
    {
      async firstSeen(updateId, nowMs) {
        await seenTable();
        const insert = db.prepare(SQL.seenInsert).bind(updateId, nowMs);
        if (updateId % SEEN_PURGE_EVERY !== 0) return (await insert.run()).meta.changes === 1;
        const [, inserted] = await db.batch([db.prepare(SQL.seenPurge).bind(nowMs - keepMs), insert]);
        return inserted?.meta.changes === 1;
      },
      async claim(updateId, nowMs, leaseMs) {
        await claimTable();
        if (updateId % SEEN_PURGE_EVERY === 0)
          await db
            .prepare(SQL.claimPurge)
            .bind(nowMs - keepMs)
            .run();
        const taken = await db
          .prepare(SQL.claimTake)
          .bind(updateId, nowMs, nowMs - leaseMs)
          .all();
        if ((taken.results ?? []).length > 0) return "new";
        const row = await db.prepare(SQL.claimState).bind(updateId).first<{ state: string }>();
        return row?.state === "answered" ? "done" : "busy";
      },
      async settle(updateId, answered, nowMs) {
        await db
          .prepare(SQL.claimSettle)
          .bind(answered ? "answered" : "failed", nowMs, updateId)
          .run();
      },
    },
    D1_SOURCE,
  );
}
