/**
 * The index as D1 needs it: the schema as a migration, and the data as SQL statements that
 * `wrangler d1 execute DB --file` loads. A D1 statement is at most 100 KB, so rows are grouped
 * into multi-row INSERTs below that size, and a row too long for one statement (a large report's
 * MiniSearch JSON) is inserted with its longest texts empty, which are then appended piece by piece
 * with UPDATE … SET col = col || '…'. The stored rows are identical to index.sqlite's.
 */

import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SCHEMA_SQL } from "../core/schema.js";

/** Tables copied to D1, in load order. seen_updates is live state in D1 and is never overwritten. */
export const D1_TABLES = ["meta", "reports", "bodies", "aliases", "alias_heads", "facts", "passages", "search"] as const;

/** D1 refuses statements over 100 KB. */
export const D1_MAX_STATEMENT_BYTES = 100_000;
/** Target size of one statement, well under D1's limit. */
export const MAX_STATEMENT_BYTES = 90_000;
/** Longest piece of one value per statement. */
export const MAX_PIECE_BYTES = 60_000;

export const D1_DATA_FILE = "data.sql";
export const D1_MIGRATION_FILE = "0001_schema.sql";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`export-d1: cannot write ${v} as SQL`);
    return String(v);
  }
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string") return `'${v.replace(/'/g, "''")}'`;
  throw new Error(`export-d1: cannot write a ${typeof v} value as SQL`);
}

/** Split a string into pieces whose SQL literals hold at most maxBytes (UTF-8, quotes doubled), never inside a code point. */
export function pieces(s: string, maxBytes = MAX_PIECE_BYTES): string[] {
  const out: string[] = [];
  let cur = "";
  let n = 0;
  for (const ch of s) {
    const b = ch === "'" ? 2 : ch.length === 2 ? 4 : ch.charCodeAt(0) < 0x80 ? 1 : ch.charCodeAt(0) < 0x800 ? 2 : 3;
    if (n + b > maxBytes) {
      out.push(cur);
      cur = "";
      n = 0;
    }
    cur += ch;
    n += b;
  }
  out.push(cur);
  return out;
}

/** The schema as D1's first migration. */
export function schemaMigration(): string {
  return `-- The index schema (src/core/schema.ts SCHEMA_SQL), the same for index.sqlite and D1.\n${SCHEMA_SQL.trim()}\n`;
}

export interface StatementLimits {
  maxStatementBytes: number;
  maxPieceBytes: number;
}

/** Every statement (without its trailing semicolon) that replaces D1's data with this index's. */
export function d1Statements(db: Database.Database, limits?: StatementLimits): string[] {
  return [...d1StatementStream(db, limits)];
}

/**
 * The same statements one at a time, so the data file is written without holding the index in
 * memory (at 100 000 reports it is several GB). Throws on a statement over D1's limit.
 */
export function* d1StatementStream(
  db: Database.Database,
  limits: StatementLimits = { maxStatementBytes: MAX_STATEMENT_BYTES, maxPieceBytes: MAX_PIECE_BYTES },
): Generator<string> {
  const { maxStatementBytes, maxPieceBytes } = limits;
  const checked = (s: string): string => {
    if (bytes(s) > D1_MAX_STATEMENT_BYTES) throw new Error(`export-d1: a statement of ${bytes(s)} bytes is over D1's limit`);
    return s;
  };
  for (const t of D1_TABLES) yield `DELETE FROM ${t}`;
  for (const table of D1_TABLES) {
    const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[];
    const cols = info.map((c) => c.name);
    const keys = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const head = `INSERT INTO ${table} (${cols.join(", ")}) VALUES `;
    // aliases and alias_heads are WITHOUT ROWID tables: they are read in primary-key order.
    const tableSql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
    const order = /WITHOUT ROWID/i.test(tableSql) ? keys.join(", ") : "rowid";
    let values: string[] = [];
    let size = bytes(head);
    /** The INSERT of the rows gathered so far, if any. */
    const take = (): string | null => {
      const stmt = values.length > 0 ? checked(head + values.join(",")) : null;
      values = [];
      size = bytes(head);
      return stmt;
    };
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate() as Iterable<Record<string, unknown>>) {
      const lits = cols.map((c) => literal(row[c]));
      const tupleBytes = () => lits.reduce((n, l) => n + bytes(l) + 1, 2);
      // A row too large for one statement: insert its longest texts empty, then append them piece by piece.
      const deferred: string[] = [];
      while (bytes(head) + tupleBytes() > maxStatementBytes) {
        const i = cols.reduce((best, c, j) => {
          const v = row[c];
          return typeof v === "string" && !deferred.includes(c) && (best < 0 || bytes(lits[j] as string) > bytes(lits[best] as string))
            ? j
            : best;
        }, -1);
        if (i < 0 || keys.length === 0) throw new Error(`export-d1: a ${table} row is over ${maxStatementBytes} bytes and cannot be split`);
        deferred.push(cols[i] as string);
        lits[i] = "''";
      }
      const tuple = `(${lits.join(",")})`;
      const n = bytes(tuple) + 1;
      if (size + n > maxStatementBytes) {
        const stmt = take();
        if (stmt) yield stmt;
      }
      values.push(tuple);
      size += n;
      if (deferred.length > 0) {
        const stmt = take();
        if (stmt) yield stmt;
        const where = keys.map((k) => `${k} = ${literal(row[k])}`).join(" AND ");
        for (const c of deferred)
          for (const p of pieces(row[c] as string, maxPieceBytes))
            yield checked(`UPDATE ${table} SET ${c} = ${c} || ${literal(p)} WHERE ${where}`);
      }
    }
    const stmt = take();
    if (stmt) yield stmt;
  }
}

/** Write DIR/data.sql from an index.sqlite file; returns its path and statement count. */
export function writeD1Data(sqliteFile: string, outDir: string): { file: string; statements: number; bytes: number } {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, D1_DATA_FILE);
    // Written statement by statement into a temporary file, renamed when complete: a failed export leaves no partial data.sql.
    const tmp = `${file}.tmp-${process.pid}`;
    const fd = openSync(tmp, "w");
    let open = true;
    try {
      const reports = (db.prepare("SELECT COUNT(*) AS n FROM reports").get() as { n: number }).n;
      let size = 0;
      let statements = 0;
      const write = (text: string) => {
        writeSync(fd, text);
        size += bytes(text);
      };
      write(
        `-- D1 data for ${reports} reports, generated from index.sqlite by src/build/export-d1.ts.\n-- Load: wrangler d1 execute DB --local --file ${D1_DATA_FILE}  (after the migrations)\n`,
      );
      for (const s of d1StatementStream(db)) {
        write(`${s};\n`);
        statements++;
      }
      closeSync(fd);
      open = false;
      renameSync(tmp, file);
      return { file, statements, bytes: size };
    } catch (e) {
      if (open) closeSync(fd);
      rmSync(tmp, { force: true });
      throw e;
    }
  } finally {
    db.close();
  }
}
