/**
 * The SQL text of every Store and UpdateLog query, shared by the better-sqlite3 and D1 adapters so
 * both read the index the same way. Lists are passed as one JSON parameter and expanded with
 * json_each(?): D1 allows at most 100 bound parameters per query, a question may name more.
 */

/**
 * The reports columns answering reads. The 勾稽 check results (about 10 KB of JSON per report)
 * stay out of it: reading them for every report of a body cost more than the rest of a question
 * (Store.checks reads them on demand).
 */
export const REPORT_COLUMNS = "id, file, title, body, body_key, region_path, year, published, url, template, form, warnings";

export const SQL = {
  // One row per (alias, body); body is null for a gazetteer place without a report (body_key '').
  aliases:
    "SELECT a.alias, a.body_key AS bodyKey, b.body, a.weight, a.note FROM aliases a LEFT JOIN bodies b ON b.body_key = a.body_key WHERE a.alias IN (SELECT value FROM json_each(?))",
  aliasHeads: "SELECT head, max_len AS maxLen FROM alias_heads",
  reports: `SELECT ${REPORT_COLUMNS} FROM reports WHERE id IN (SELECT value FROM json_each(?))`,
  reportsOfBody: `SELECT ${REPORT_COLUMNS} FROM reports WHERE body_key = ? ORDER BY year`,
  // Walks reports_name (body, year): the not-found reply reads 50 rows, not a sort of every report.
  listReports: `SELECT ${REPORT_COLUMNS} FROM reports ORDER BY body, year LIMIT ?`,
  reportByFile: `SELECT ${REPORT_COLUMNS} FROM reports WHERE file = ?`,
  // The bodies table is one row per body (far fewer than reports): a scan of it stays small.
  bodiesIn:
    "SELECT body_key AS bodyKey, body, region_path AS regionPath FROM bodies WHERE instr(coalesce(region_path, ''), ?) > 0 OR substr(body, 1, length(?)) = ? ORDER BY body",
  checks: "SELECT checks FROM reports WHERE id = ?",
  countReports: "SELECT COUNT(*) AS n FROM reports",
  // INDEXED BY: with no statistics, SQLite scanned the report's ~200 cells by primary key to save a
  // sort of a handful. Columns are filtered with instr over ",id,id," (ids are [a-z0-9_]): a second
  // json_each cost ten times the lookup itself (0.2 ms vs 0.015 ms for one cell).
  factsRows:
    "SELECT * FROM facts INDEXED BY facts_row WHERE report_id = ? AND tbl = ? AND row_id IN (SELECT value FROM json_each(?)) ORDER BY ord",
  factsCells:
    "SELECT * FROM facts INDEXED BY facts_row WHERE report_id = ? AND tbl = ? AND row_id IN (SELECT value FROM json_each(?)) AND instr(?, ',' || col_id || ',') > 0 ORDER BY ord",
  factsTable: "SELECT * FROM facts WHERE report_id = ? AND tbl = ? ORDER BY ord",
  factsAll: "SELECT * FROM facts WHERE report_id = ? ORDER BY ord",
  passages: "SELECT section, text, line FROM passages WHERE report_id = ? ORDER BY ord",
  search: "SELECT json, vocab FROM search WHERE report_id = ?",
  searchVocab: "SELECT vocab FROM search WHERE report_id = ?",
  schemaVersion: "SELECT value FROM meta WHERE key = 'schema_version'",
  seenTable: "CREATE TABLE IF NOT EXISTS seen_updates (update_id INTEGER PRIMARY KEY, seen_at INTEGER NOT NULL)",
  seenInsert: "INSERT INTO seen_updates (update_id, seen_at) VALUES (?, ?) ON CONFLICT(update_id) DO NOTHING",
  seenPurge: "DELETE FROM seen_updates WHERE seen_at < ?",
  // Claims: an update's state (busy | answered | failed) and when it was set. Its own table, which
  // index rebuilds (SQLite: its own file) and D1 reloads never touch.
  claimTable: "CREATE TABLE IF NOT EXISTS update_claims (update_id INTEGER PRIMARY KEY, state TEXT NOT NULL, at INTEGER NOT NULL)",
  claimTake:
    "INSERT INTO update_claims (update_id, state, at) VALUES (?, 'busy', ?) ON CONFLICT(update_id) DO UPDATE SET state = 'busy', at = excluded.at WHERE update_claims.state = 'failed' OR (update_claims.state = 'busy' AND update_claims.at < ?) RETURNING update_id",
  claimState: "SELECT state FROM update_claims WHERE update_id = ?",
  claimSettle: "UPDATE update_claims SET state = ?, at = ? WHERE update_id = ?",
  claimPurge: "DELETE FROM update_claims WHERE at < ?",
} as const;

/** How long a Telegram update id is remembered: Telegram keeps undelivered updates for 24 h. */
export const SEEN_KEEP_MS = 24 * 3600 * 1000;

/** Purge expired update ids on one update in this many (a cheap, amortised cleanup). */
export const SEEN_PURGE_EVERY = 100;

/**
 * The candidates worth looking up: those starting with the two-character head of some alias
 * (alias_heads holds a few thousand, however large the corpus) and no longer than the longest
 * alias with that head. Of a question's ~300 substrings about a dozen remain. With no heads (an
 * empty table) nothing is filtered.
 */
export function withAliasHead(candidates: string[], heads: ReadonlyMap<string, number> | null): string[] {
  if (!heads || heads.size === 0) return candidates;
  return candidates.filter((c) => c.length <= (heads.get(c.slice(0, 2)) ?? 0));
}

/** The factsCells parameter for a list of column ids: ",a,b,". */
export const colList = (ids: string[]): string => `,${ids.join(",")},`;
