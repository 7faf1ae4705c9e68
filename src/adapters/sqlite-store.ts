/** The Store port on better-sqlite3: the index directory's index.sqlite, opened read-mostly. */

import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { CheckResult, Passage } from "../core/model.js";
import type { AliasHit, FactQuery, FactRow, ReportRow, SearchIndexRow, Store, UpdateLog } from "../core/ports.js";
import { REPORT_COLUMNS, toFact, toReport } from "../core/rows.js";
import { type FactDbRow, type ReportDbRow, SCHEMA_SQL, SCHEMA_VERSION } from "../core/schema.js";

export const INDEX_FILE = "index.sqlite";

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
    const v = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    if (!v || Number(v.value) !== SCHEMA_VERSION) throw new Error(`schema version ${v?.value ?? "missing"}, expected ${SCHEMA_VERSION}`);
    if (!opts.readonly) db.pragma("journal_mode = WAL");
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
    aliases: db.prepare(
      "SELECT a.alias, a.body_key AS bodyKey, b.body, a.weight, a.note FROM aliases a LEFT JOIN bodies b ON b.body_key = a.body_key WHERE a.alias IN (SELECT value FROM json_each(?))",
    ),
    reports: db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id IN (SELECT value FROM json_each(?))`),
    ofBody: db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE body_key = ? ORDER BY year`),
    list: db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY body, year LIMIT ?`),
    checks: db.prepare("SELECT checks FROM reports WHERE id = ?"),
    count: db.prepare("SELECT COUNT(*) AS n FROM reports"),
    factsRows: db.prepare(
      "SELECT * FROM facts WHERE report_id = ? AND tbl = ? AND row_id IN (SELECT value FROM json_each(?)) ORDER BY ord",
    ),
    factsTable: db.prepare("SELECT * FROM facts WHERE report_id = ? AND tbl = ? ORDER BY ord"),
    factsAll: db.prepare("SELECT * FROM facts WHERE report_id = ? ORDER BY ord"),
    passages: db.prepare("SELECT section, text, line FROM passages WHERE report_id = ? ORDER BY ord"),
    search: db.prepare("SELECT json, vocab FROM search WHERE report_id = ?"),
  };
  // Two-character heads of every alias (a few thousand, however large the corpus): most of a
  // question's ~130 substrings start with no alias's head and need no lookup. Read on first use.
  let heads: Set<string> | null | undefined;
  const headsOf = (): Set<string> | null => {
    if (heads !== undefined) return heads;
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alias_heads'").get();
    heads = has ? new Set((db.prepare("SELECT head FROM alias_heads").all() as { head: string }[]).map((r) => r.head)) : null;
    return heads;
  };
  return {
    findAliases: (all) => {
      const h = headsOf();
      const cands = h ? all.filter((c) => h.has(c.slice(0, 2))) : all;
      return cands.length === 0 ? [] : (q.aliases.all(JSON.stringify(cands)) as AliasHit[]);
    },
    reports: (ids) => (ids.length === 0 ? [] : (q.reports.all(JSON.stringify(ids)) as ReportDbRow[]).map(toReport)),
    reportsOfBody: (key) => (q.ofBody.all(key) as ReportDbRow[]).map(toReport),
    listReports: (limit) => (q.list.all(limit) as ReportDbRow[]).map(toReport),
    countReports: () => (q.count.get() as { n: number }).n,
    facts: (id: number, f: FactQuery): FactRow[] => {
      const rows = f.table
        ? f.rowIds
          ? q.factsRows.all(id, f.table, JSON.stringify(f.rowIds))
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
  } satisfies Store as Store & { reports: (ids: number[]) => ReportRow[] };
}

/** Seen Telegram update ids, kept a day, in the index's database. */
export function sqliteUpdateLog(db: Database.Database, keepMs = 24 * 3600 * 1000): UpdateLog {
  let ready = false;
  let ins: Database.Statement | null = null;
  let purge: Database.Statement | null = null;
  return {
    firstSeen(updateId, nowMs) {
      if (!ready) {
        db.exec("CREATE TABLE IF NOT EXISTS seen_updates (update_id INTEGER PRIMARY KEY, seen_at INTEGER NOT NULL)");
        ins = db.prepare("INSERT INTO seen_updates (update_id, seen_at) VALUES (?, ?) ON CONFLICT(update_id) DO NOTHING");
        purge = db.prepare("DELETE FROM seen_updates WHERE seen_at < ?");
        ready = true;
      }
      if (updateId % 100 === 0) purge?.run(nowMs - keepMs);
      return (ins as Database.Statement).run(updateId, nowMs).changes === 1;
    },
  };
}
