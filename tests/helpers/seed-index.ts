/** Builds a real index (nodejieba + better-sqlite3) from a corpus directory into a temp dir, once per corpus. */

import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openIndex, type SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { buildIndex } from "../../src/build/build-index.js";
import { createEngine, type Engine } from "../../src/core/answer/answer-question.js";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The seed report alone (corpus/ also holds the real reports; most tests are written against the seed). */
export const SEED_CORPUS = mkdtempSync(join(tmpdir(), "seed-corpus-"));
for (const f of ["lingqiu-2019.txt", "lingqiu-2019.meta.json"]) copyFileSync(join(ROOT, "corpus", f), join(SEED_CORPUS, f));
/** The whole corpus/ folder as shipped: the seed and the real reports. */
export const FULL_CORPUS = join(ROOT, "corpus");

const built = new Map<string, Promise<string>>();

/** Index directory for a corpus (built once per test process). */
export function indexFor(corpus: string): Promise<string> {
  let p = built.get(corpus);
  if (!p) {
    const out = join(mkdtempSync(join(tmpdir(), "gov-index-")), "index");
    p = buildIndex({ corpus, out, log: () => {} }).then(() => out);
    built.set(corpus, p);
  }
  return p;
}

export async function engineFor(corpus: string, now = new Date("2026-11-27T00:00:00Z")): Promise<{ engine: Engine; index: SqliteIndex }> {
  const index = openIndex(await indexFor(corpus), { readonly: true });
  return { engine: createEngine({ store: index.store, now: () => now }), index };
}
