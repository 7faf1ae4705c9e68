/**
 * npm run d1:export -- [--index DIR]
 * Writes DIR/d1/data.sql from DIR/index.sqlite (as `npm run index -- --d1` does) and
 * migrations/0001_schema.sql from the schema.
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { INDEX_FILE } from "../src/adapters/sqlite-store.js";
import { D1_DIR } from "../src/build/build-index.js";
import { D1_MIGRATION_FILE, schemaMigration, writeD1Data } from "../src/build/export-d1.js";
import { cliArgs } from "./cli-args.js";

const { values } = cliArgs("export-d1", { options: { index: { type: "string", default: process.env.INDEX_DIR ?? "index" } } });
const dir = values.index as string;
try {
  writeFileSync(join("migrations", D1_MIGRATION_FILE), schemaMigration());
  const r = writeD1Data(join(dir, INDEX_FILE), join(dir, D1_DIR));
  console.log(`d1: ${r.statements} statements, ${(r.bytes / 1024).toFixed(0)} KB → ${r.file}`);
} catch (e) {
  console.error(`export-d1: ${(e as Error).message}`);
  process.exit(1);
}
