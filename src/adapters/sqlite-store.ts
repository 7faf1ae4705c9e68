/** The Store port on better-sqlite3: the index directory's index.sqlite, opened read-mostly. */

import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { CheckResult, Passage } from "../core/model.js";
import type { AliasHit, BodyRow, FactQuery, FactRow, ReportRow, SearchIndexRow, Store, UpdateLog } from "../core/ports.js";
import { colList, SEEN_KEEP_MS, SEEN_PURGE_EVERY, SQL, withAliasHead } from "../core/queries.js";
import { toFact, toReport } from "../core/rows.js";
import { type FactDbRow, type ReportDbRow, SCHEMA_SQL, SCHEMA_VERSION } from "../core/schema.js";
import { checkSchemaVersion, guarded, type StoreSource } from "../core/store-error.js";

/** SQLite's errors at run time (a file replaced or corrupted under the server) become StoreErrors naming the file. */
const sourceOf = (db: Database.Database): StoreSource => ({ name: db.name, fix: "rebuild it with `npm run index` and restart" });

export const INDEX_FILE = "index.sqlite";

/** Alias look-ups kept per store (the index file it reads never changes under it); emptied when full. */
const MAX_CACHED_ALIASES = 50_000;

export class IndexError extends Error {
  constructor(message: string) {
    super(`index: ${message}`);
    this.name = "IndexError";
  }
}

export interface SqliteIndex {
  store: Store;
  updates: UpdateLog;
  db: Database.Database;
  close(): void;
}

/** Open an index directory; throws IndexError with a clear message when it is missing or corrupt. */
export function openIndex(dir: string, opts: { readonly?: boolean } = {}): SqliteIndex {
  const file = join(dir, INDEX_FILE);
  if (!existsSync(file)) throw new IndexError(`${file} does not exist; build it with \`npm run index\``);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: true });
    const v = db.prepare(SQL.schemaVersion).get() as { value: string } | undefined;
    if (!v || Number(v.value) !== SCHEMA_VERSION) throw new Error(`schema version ${v?.value ?? "missing"}, expected ${SCHEMA_VERSION}`);
    if (!opts.readonly) {
      db.pragma("journal_mode = WAL");
      // The only writes are seen update ids. In WAL mode NORMAL keeps every commit through a crash of
      // the process and skips the fsync per commit (FULL cost ~1 ms of blocked event loop per update);
      // a power cut may forget the last ids, and then an update redelivered after it is answered twice.
      db.pragma("synchronous = NORMAL");
    }
  } catch (e) {
    throw new IndexError(`${file} cannot be read (${(e as Error).message}); rebuild it with \`npm run index\``);
  }
  return { store: sqliteStore(db), updates: sqliteUpdateLog(db), db, close: () => db.close() };
}

/** Create the schema in a fresh database. */
export function createSchema(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
}

export function sqliteStore(db: Database.Database): Store {
  const q = {
    aliases: db.prepare(SQL.aliases),
    reports: db.prepare(SQL.reports),
    ofBody: db.prepare(SQL.reportsOfBody),
    list: db.prepare(SQL.listReports),
    byFile: db.prepare(SQL.reportByFile),
    checks: db.prepare(SQL.checks),
    count: db.prepare(SQL.countReports),
    bodiesIn: db.prepare(SQL.bodiesIn),
    factsRows: db.prepare(SQL.factsRows),
    factsCells: db.prepare(SQL.factsCells),
    factsTable: db.prepare(SQL.factsTable),
    factsAll: db.prepare(SQL.factsAll),
    passages: db.prepare(SQL.passages),
    search: db.prepare(SQL.search),
    searchVocab: db.prepare(SQL.searchVocab),
    version: db.prepare(SQL.schemaVersion),
  };
  // The alias heads, read on first use and kept: this handle's data does not change under it
  // (a rebuild writes a new file and renames it into place).
  let heads: Map<string, number> | undefined;
  const aliasRows = new Map<string, AliasHit[]>();
  const headsOf = (): Map<string, number> =>
    (heads ??= new Map((db.prepare(SQL.aliasHeads).all() as { head: string; maxLen: number }[]).map((r) => [r.head, r.maxLen])));
  return guarded<Store>(
    {
      ready: () => checkSchemaVersion((q.version.get() as { value: string } | undefined)?.value),
      findAliases: (all) => {
        const cands = withAliasHead(all, headsOf());
        // Aliases recur from question to question (an organ shared by every county's department, a
        // county's own name): each candidate's rows, empty or not, are kept; only new ones are queried.
        const out: AliasHit[] = [];
        const fresh: string[] = [];
        for (const c of cands) {
          const known = aliasRows.get(c);
          if (known) for (const h of known) out.push(h);
          else fresh.push(c);
        }
        if (fresh.length === 0) return out;
        const rows = q.aliases.all(JSON.stringify(fresh)) as AliasHit[];
        if (aliasRows.size + fresh.length > MAX_CACHED_ALIASES) aliasRows.clear();
        for (const c of fresh) aliasRows.set(c, []);
        for (const h of rows) {
          (aliasRows.get(h.alias) as AliasHit[]).push(h);
          out.push(h);
        }
        return out;
      },
      reports: (ids) => (ids.length === 0 ? [] : (q.reports.all(JSON.stringify(ids)) as ReportDbRow[]).map(toReport)),
      reportsOfBody: (key) => (q.ofBody.all(key) as ReportDbRow[]).map(toReport),
      listReports: (limit) => (q.list.all(limit) as ReportDbRow[]).map(toReport),
      reportByFile: (file) => {
        const r = q.byFile.get(file) as ReportDbRow | undefined;
        return r ? toReport(r) : null;
      },
      countReports: () => (q.count.get() as { n: number }).n,
      bodiesIn: (place) => q.bodiesIn.all(place, place, place) as BodyRow[],
      facts: (id: number, f: FactQuery): FactRow[] => {
        const rows = f.table
          ? f.rowIds
            ? f.colIds
              ? q.factsCells.all(id, f.table, JSON.stringify(f.rowIds), colList(f.colIds))
              : q.factsRows.all(id, f.table, JSON.stringify(f.rowIds))
            : q.factsTable.all(id, f.table)
          : q.factsAll.all(id);
        return (rows as FactDbRow[]).map(toFact);
      },
      passages: (id) => q.passages.all(id) as Passage[],
      checks: (id) => {
        const r = q.checks.get(id) as { checks: string } | undefined;
        return r ? (JSON.parse(r.checks) as CheckResult[]) : [];
      },
      searchIndex: (id): SearchIndexRow | null => {
        const r = q.search.get(id) as { json: string; vocab: string } | undefined;
        return r ? { json: r.json, vocab: JSON.parse(r.vocab) } : null;
      },
      searchVocab: (id): string[] | null => {
        const r = q.searchVocab.get(id) as { vocab: string } | undefined;
        return r ? (JSON.parse(r.vocab) as string[]) : null;
      },
    } satisfies Store as Store & { reports: (ids: number[]) => ReportRow[] },
    sourceOf(db),
  );
}

/** Seen Telegram update ids, kept a day, in the index's database. */
export function sqliteUpdateLog(db: Database.Database, keepMs = SEEN_KEEP_MS): UpdateLog {
  let ready = false;
  let ins: Database.Statement | null = null;
  let purge: Database.Statement | null = null;
  let claimQ: { take: Database.Statement; state: Database.Statement; settle: Database.Statement; purge: Database.Statement } | null = null;
  const claims = () => {
    if (!claimQ) {
      db.exec(SQL.claimTable);
      claimQ = {
        take: db.prepare(SQL.claimTake),
        state: db.prepare(SQL.claimState),
        settle: db.prepare(SQL.claimSettle),
        purge: db.prepare(SQL.claimPurge),
      };
    }
    return claimQ;
  };
  return guarded<UpdateLog>(
    {
      firstSeen(updateId, nowMs) {
        if (!ready) {
          db.exec(SQL.seenTable);
          ins = db.prepare(SQL.seenInsert);
          purge = db.prepare(SQL.seenPurge);
          ready = true;
        }
        if (updateId % SEEN_PURGE_EVERY === 0) purge?.run(nowMs - keepMs);
        return (ins as Database.Statement).run(updateId, nowMs).changes === 1;
      },
      claim(updateId, nowMs, leaseMs) {
        const c = claims();
        if (updateId % SEEN_PURGE_EVERY === 0) c.purge.run(nowMs - keepMs);
        if (c.take.get(updateId, nowMs, nowMs - leaseMs)) return "new";
        const row = c.state.get(updateId) as { state: string } | undefined;
        return row?.state === "answered" ? "done" : "busy";
      },
      settle(updateId, answered, nowMs) {
        claims().settle.run(answered ? "answered" : "failed", nowMs, updateId);
      },
    },
    sourceOf(db),
  );
}

/**
 * The update log in a file of its own (beside the index directory), so rebuilding or replacing the
 * index never forgets which updates were answered. Several server processes may share it (WAL).
 */
export function openUpdateLog(file: string): { updates: UpdateLog; close(): void } {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 2000");
  return { updates: sqliteUpdateLog(db), close: () => db.close() };
}
