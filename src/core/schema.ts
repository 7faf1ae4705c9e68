/**
 * The index schema, one text for better-sqlite3 (Node) and D1 (Workers): reports, the bodies
 * and their aliases, one row per published cell with its quote, prose passages with each report's
 * MiniSearch JSON, and the Telegram update ids already answered.
 */

/** 3: large columns stored after the small ones a question reads (reports.extras/checks last, search.vocab before json); alias_heads.max_len. */
export const SCHEMA_VERSION = 3;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  body_key TEXT NOT NULL,
  region_path TEXT,
  year INTEGER,
  published TEXT,
  url TEXT,
  template TEXT NOT NULL,
  form TEXT NOT NULL,
  warnings TEXT NOT NULL,
  -- Last, on purpose: the 勾稽 results (~10 KB of JSON) fill overflow pages, and SQLite reads a row's
  -- columns in order, so a column stored after them costs a walk through those pages on every read.
  extras TEXT NOT NULL,
  checks TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_body ON reports(body_key, year);
-- listReports (the "which bodies do you hold" reply) walks this instead of sorting every report.
CREATE INDEX IF NOT EXISTS reports_name ON reports(body, year);
CREATE TABLE IF NOT EXISTS bodies (
  body_key TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  region_path TEXT
);
-- One row per (alias, body), not per report: a question names a body, and the body's years
-- come from reports_body. body_key '' holds gazetteer places that have no report.
CREATE TABLE IF NOT EXISTS aliases (
  alias TEXT NOT NULL,
  body_key TEXT NOT NULL,
  weight INTEGER NOT NULL,
  note TEXT,
  PRIMARY KEY (alias, body_key)
) WITHOUT ROWID;
-- The first two characters of every alias, and the longest alias starting with them: a question's
-- substrings that start otherwise, or are longer, are not looked up.
CREATE TABLE IF NOT EXISTS alias_heads (head TEXT PRIMARY KEY, max_len INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS facts (
  report_id INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  item TEXT,
  row_id TEXT NOT NULL,
  row_label TEXT NOT NULL,
  col_id TEXT NOT NULL,
  col_label TEXT NOT NULL,
  raw TEXT NOT NULL,
  state TEXT NOT NULL,
  value REAL,
  unit TEXT,
  quote TEXT NOT NULL,
  line INTEGER NOT NULL,
  candidates TEXT,
  decided_by TEXT,
  warnings TEXT NOT NULL,
  PRIMARY KEY (report_id, ord)
);
CREATE INDEX IF NOT EXISTS facts_row ON facts(report_id, tbl, row_id);
CREATE TABLE IF NOT EXISTS passages (
  report_id INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  section TEXT NOT NULL,
  text TEXT NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (report_id, ord)
);
-- vocab before json: a prose question reads the vocabulary first, and the ~10 KB index only when
-- candidate sentences stand in several passages (see reports.checks on why the order matters).
CREATE TABLE IF NOT EXISTS search (
  report_id INTEGER PRIMARY KEY,
  vocab TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS seen_updates (
  update_id INTEGER PRIMARY KEY,
  seen_at INTEGER NOT NULL
);
`;

/** Row shapes as stored (snake_case), shared by the SQLite and D1 adapters. */
export interface ReportDbRow {
  id: number;
  file: string;
  sha256: string;
  title: string;
  body: string;
  body_key: string;
  region_path: string | null;
  year: number | null;
  published: string | null;
  url: string | null;
  template: string;
  form: string;
  checks: string;
  warnings: string;
  extras: string;
}

export interface FactDbRow {
  report_id: number;
  ord: number;
  tbl: string;
  item: string | null;
  row_id: string;
  row_label: string;
  col_id: string;
  col_label: string;
  raw: string;
  state: string;
  value: number | null;
  unit: string | null;
  quote: string;
  line: number;
  candidates: string | null;
  decided_by: string | null;
  warnings: string;
}
