import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDEX_FILE } from "../../src/adapters/sqlite-store.js";
import { buildIndex, D1_DIR } from "../../src/build/build-index.js";
import { D1_DATA_FILE, D1_MAX_STATEMENT_BYTES, D1_TABLES, d1Statements, pieces } from "../../src/build/export-d1.js";
import { SCHEMA_SQL } from "../../src/core/schema.js";
import { indexFor, ROOT, SEED_CORPUS } from "../helpers/seed-index.js";

const MIGRATIONS = join(ROOT, "migrations");
const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

/** A fresh database with D1's migrations applied, as `wrangler d1 migrations apply` does. */
function migrated(): Database.Database {
  const db = new Database(":memory:");
  for (const f of readdirSync(MIGRATIONS).sort()) db.exec(readFileSync(join(MIGRATIONS, f), "utf8"));
  return db;
}

/** A table's rows in storage order: rowid, or the primary key of a WITHOUT ROWID table (aliases, alias_heads). */
const dump = (db: Database.Database, table: string) => {
  const keys = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0);
  const withoutRowid = table === "aliases" || table === "alias_heads";
  const order = withoutRowid
    ? keys
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
        .join(", ")
    : "rowid";
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
};

let dir: string;
let source: Database.Database;
beforeAll(async () => {
  dir = await indexFor(SEED_CORPUS);
  source = new Database(join(dir, INDEX_FILE), { readonly: true });
});
afterAll(() => source.close());

describe("export-d1", () => {
  it("the migrations build exactly the schema of index.sqlite", () => {
    const fromSchema = new Database(":memory:");
    fromSchema.exec(SCHEMA_SQL);
    const master = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
    expect(master(migrated())).toEqual(master(fromSchema));
  });

  it.each([
    ["D1's limits", undefined],
    ["tiny limits that force every split", { maxStatementBytes: 1500, maxPieceBytes: 400 }],
  ])("statements under %s load into D1's schema as an exact copy of the index", (_, limits) => {
    const stmts = d1Statements(source, limits);
    const copy = migrated();
    for (const s of stmts) copy.exec(s);
    for (const t of D1_TABLES) expect(dump(copy, t), t).toEqual(dump(source, t));
    for (const s of stmts) expect(utf8(s)).toBeLessThanOrEqual(limits ? limits.maxStatementBytes + 600 : D1_MAX_STATEMENT_BYTES);
    if (limits) expect(stmts.some((s) => s.startsWith("UPDATE search SET json = json || "))).toBe(true);
  });

  it("reloading replaces the data and keeps seen update ids", () => {
    const copy = migrated();
    copy.exec("INSERT INTO seen_updates (update_id, seen_at) VALUES (5, 1)");
    for (const s of [...d1Statements(source), ...d1Statements(source)]) copy.exec(s);
    expect(dump(copy, "facts")).toEqual(dump(source, "facts"));
    expect(dump(copy, "seen_updates")).toEqual([{ update_id: 5, seen_at: 1 }]);
  });

  it("splits text without breaking a character and counts doubled quotes", () => {
    const s = "灵丘'𠀀a".repeat(50);
    const ps = pieces(s, 20);
    expect(ps.join("")).toBe(s);
    for (const p of ps) expect(utf8(p) + (p.match(/'/g)?.length ?? 0)).toBeLessThanOrEqual(20);
  });

  it("a plain build writes no D1 data", () => {
    expect(existsSync(join(dir, D1_DIR))).toBe(false);
  });

  it("npm run index -- --d1 writes the data file beside index.sqlite", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gov-index-d1-")), "index");
    await buildIndex({ corpus: SEED_CORPUS, out, log: () => {}, d1: true });
    const text = readFileSync(join(out, D1_DIR, D1_DATA_FILE), "utf8");
    expect(text).toContain("DELETE FROM facts;\n");
    expect(text).not.toContain("seen_updates");
    expect(text).not.toMatch(/BEGIN|COMMIT/);
    // Each build has its own id (its time and content hash) in meta; the rest is the same data.
    const sameBut = (t: string) => t.replace(/'build_id', ?'[^']*'/g, "'build_id','…'");
    const statements = d1Statements(source).map((s) => `${s};\n`);
    expect(sameBut(text).endsWith(sameBut(statements.join("")))).toBe(true);
  });
});
