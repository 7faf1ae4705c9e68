/**
 * Open an index directory, building it first when it is missing, corrupt or of an older schema
 * version (the build replaces it atomically). Shared by `npm start`, its cluster primary and
 * `npm run d1:load`, so all of them treat a stale index the same way.
 *
 * Which corpus: an index directory that does not exist yet is built from the configured corpus
 * (CORPUS_DIR, default corpus/). An index that exists but cannot be served is rebuilt only from the
 * corpus it records (build.json, written by every build), never from another folder: an index of
 * a thousand reports is not silently replaced by the one report of a default folder. Without such
 * a record (or when that folder is gone), start-up stops with one line that says what to run.
 */

import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { INDEX_FILE, IndexError, openIndex, type SqliteIndex } from "../adapters/sqlite-store.js";
import { integrityProblem, SYNC_CHECK_MAX_BYTES } from "../live-index.node.js";
import { buildIndex, readBuildInfo } from "./build-index.js";

export interface PrepareOptions {
  /** Default "corpus". */
  corpusDir?: string;
  log?: (line: string) => void;
  readonly?: boolean;
}

/** An index directory that is absent or empty: nothing would be lost by building it from the configured corpus. */
const isNew = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;

function openChecked(indexDir: string, readonly: boolean): SqliteIndex {
  const index = openIndex(indexDir, { readonly });
  // A large index is checked in a thread once served (live-index.node.ts), not before.
  const problem = statSync(join(indexDir, INDEX_FILE)).size <= SYNC_CHECK_MAX_BYTES ? integrityProblem(index.db) : null;
  if (problem) {
    index.close();
    throw new IndexError(`${join(indexDir, INDEX_FILE)} fails its integrity check (${problem})`);
  }
  return index;
}

export async function prepareIndex(indexDir: string, opts: PrepareOptions = {}): Promise<SqliteIndex> {
  const log = opts.log ?? console.log;
  const readonly = opts.readonly ?? false;
  if (isNew(indexDir)) {
    const corpus = opts.corpusDir ?? "corpus";
    log(`no index in ${indexDir}: building it from ${corpus}`);
    await buildIndex({ corpus, out: indexDir, log });
  }
  try {
    return openChecked(indexDir, readonly);
  } catch (e) {
    if (!(e instanceof IndexError)) throw e;
    const recorded = readBuildInfo(indexDir)?.corpus;
    const what = e.message.replace(/^index: /, "").replace(/; rebuild it with `npm run index`$/, "");
    const how = `rebuild it with \`npm run index -- --corpus DIR --out ${indexDir}\``;
    if (!recorded) throw new IndexError(`${what}; it does not record the corpus it was built from: ${how}`);
    if (!existsSync(recorded)) throw new IndexError(`${what}; the corpus it was built from (${recorded}) is gone: ${how}`);
    log(`index: ${what}: rebuilding it from ${recorded}, the corpus it was built from`);
    await buildIndex({ corpus: recorded, out: indexDir, log });
    return openChecked(indexDir, readonly);
  }
}
