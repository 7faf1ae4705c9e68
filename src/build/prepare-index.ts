/**
 * Open an index directory, building it from the corpus first when it is missing, corrupt or of
 * an older schema version (the build replaces it atomically). Shared by `npm start`, its cluster
 * primary and `npm run d1:load`, so all of them treat a stale index the same way.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { INDEX_FILE, IndexError, openIndex, type SqliteIndex } from "../adapters/sqlite-store.js";
import { buildIndex } from "./build-index.js";

export interface PrepareOptions {
  /** Default "corpus". */
  corpusDir?: string;
  log?: (line: string) => void;
  readonly?: boolean;
}

export async function prepareIndex(indexDir: string, opts: PrepareOptions = {}): Promise<SqliteIndex> {
  const log = opts.log ?? console.log;
  const corpus = opts.corpusDir ?? "corpus";
  if (!existsSync(join(indexDir, INDEX_FILE))) {
    log(`no index in ${indexDir}: building it from ${corpus}`);
    await buildIndex({ corpus, out: indexDir, log });
  }
  try {
    return openIndex(indexDir, { readonly: opts.readonly ?? false });
  } catch (e) {
    if (!(e instanceof IndexError)) throw e;
    log(`${e.message}: rebuilding it from ${corpus}`);
    await buildIndex({ corpus, out: indexDir, log });
    return openIndex(indexDir, { readonly: opts.readonly ?? false });
  }
}
