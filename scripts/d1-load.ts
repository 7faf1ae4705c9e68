/**
 * npm run d1:load -- [--remote] [--index DIR] [--persist-to DIR]
 * Loads the current index into D1: builds the index if there is none (or it is of an older schema), writes its D1 data if it is
 * missing or older than index.sqlite (`npm run index` alone does not write it), applies the
 * migrations, then executes the data file.
 * Local (wrangler dev's D1) by default; --remote loads the database named in wrangler.toml.
 */

import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { INDEX_FILE } from "../src/adapters/sqlite-store.js";
import { D1_DIR } from "../src/build/build-index.js";
import { D1_DATA_FILE, writeD1Data } from "../src/build/export-d1.js";
import { prepareIndex } from "../src/build/prepare-index.js";
import { cliArgs } from "./cli-args.js";
import { ROOT, wrangler } from "./wrangler.js";

export interface LoadOptions {
  index: string;
  remote?: boolean;
  persistTo?: string;
}

export async function loadD1(opts: LoadOptions): Promise<void> {
  const dir = resolve(ROOT, opts.index);
  const sqlite = join(dir, INDEX_FILE);
  const data = join(dir, D1_DIR, D1_DATA_FILE);
  // Built first when missing or of an older schema, as `npm start` does; data.sql is then written below.
  (await prepareIndex(dir, { corpusDir: process.env.CORPUS_DIR ?? join(ROOT, "corpus"), readonly: true })).close();
  if (!existsSync(data) || statSync(data).mtimeMs < statSync(sqlite).mtimeMs) writeD1Data(sqlite, join(dir, D1_DIR));
  const where = opts.remote ? ["--remote"] : ["--local", ...(opts.persistTo ? ["--persist-to", opts.persistTo] : [])];
  wrangler(["d1", "migrations", "apply", "DB", ...where]);
  wrangler(["d1", "execute", "DB", ...where, "--yes", "--file", data]);
}

if (import.meta.filename === process.argv[1]) {
  const { values } = cliArgs("d1-load", {
    options: {
      remote: { type: "boolean", default: false },
      index: { type: "string", default: process.env.INDEX_DIR ?? "index" },
      "persist-to": { type: "string" },
    },
  });
  try {
    await loadD1({ index: values.index as string, remote: values.remote, persistTo: values["persist-to"] });
  } catch (e) {
    console.error(`d1-load: ${(e as Error).message}`);
    process.exit(1);
  }
}
