/**
 * The SQL text of every Store and UpdateLog query, shared by the better-sqlite3 and D1 adapters so
 * both read the index the same way. Lists are passed as one JSON parameter and expanded with
 * json_each(?): D1 allows at most 100 bound parameters per query, a question may name more.
 */

export const SQL = {
  aliases: "SELECT alias, report_id AS reportId, weight, note FROM aliases WHERE alias IN (SELECT value FROM json_each(?))",
  reports: "SELECT * FROM reports WHERE id IN (SELECT value FROM json_each(?))",
  reportsOfBody: "SELECT * FROM reports WHERE body_key = ? ORDER BY year",
  listReports: "SELECT * FROM reports ORDER BY body, year LIMIT ?",
  countReports: "SELECT COUNT(*) AS n FROM reports",
  factsRows: "SELECT * FROM facts WHERE report_id = ? AND tbl = ? AND row_id IN (SELECT value FROM json_each(?)) ORDER BY ord",
  factsTable: "SELECT * FROM facts WHERE report_id = ? AND tbl = ? ORDER BY ord",
  factsAll: "SELECT * FROM facts WHERE report_id = ? ORDER BY ord",
  passages: "SELECT section, text, line FROM passages WHERE report_id = ? ORDER BY ord",
  search: "SELECT json, vocab FROM search WHERE report_id = ?",
  schemaVersion: "SELECT value FROM meta WHERE key = 'schema_version'",
  seenTable: "CREATE TABLE IF NOT EXISTS seen_updates (update_id INTEGER PRIMARY KEY, seen_at INTEGER NOT NULL)",
  seenInsert: "INSERT INTO seen_updates (update_id, seen_at) VALUES (?, ?) ON CONFLICT(update_id) DO NOTHING",
  seenPurge: "DELETE FROM seen_updates WHERE seen_at < ?",
} as const;

/** How long a Telegram update id is remembered: Telegram keeps undelivered updates for 24 h. */
export const SEEN_KEEP_MS = 24 * 3600 * 1000;

/** Purge expired update ids on one update in this many (a cheap, amortised cleanup). */
export const SEEN_PURGE_EVERY = 100;
