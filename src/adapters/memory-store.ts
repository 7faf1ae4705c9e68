/**
 * The Store and UpdateLog ports in plain JS objects, for tests: built from parsed reports
 * (parse-report.ts) and their bodies' identities (build/aliases.ts `identify`) into the rows the
 * index build writes (rows.ts), so core answer tests run without better-sqlite3 or nodejieba.
 * Imports nothing native and nothing from node:*.
 *
 * Approximate in one part, the passage index: the build segments passages with jieba, this store
 * with `approximateTokens` (runs between punctuation plus character bigrams). Reports, facts,
 * passages, checks and aliases are the build's rows; the vocabulary (which question words count
 * as the report's own) and MiniSearch's ranking of passages are close to the index's, not equal.
 * A test through this store must not depend on ranking subtleties.
 */

import MiniSearch from "minisearch";
import type { CheckResult, ParsedReport, Passage } from "../core/model.js";
import type { AliasHit, BodyRow, FactQuery, FactRow, ReportRow, SearchIndexRow, Store, UpdateLog } from "../core/ports.js";
import { SEEN_KEEP_MS, SEEN_PURGE_EVERY } from "../core/queries.js";
import { fromFact, toFact, toReport } from "../core/rows.js";
import type { FactDbRow, ReportDbRow } from "../core/schema.js";
import { type PassageDoc, processTerm, SEARCH_OPTIONS } from "../core/search-options.js";
import { guarded } from "../core/store-error.js";

/** A body's key, region and aliases; build/aliases.ts `BodyIdentity` fits, a note per alias may be added. */
export interface MemoryIdentity {
  bodyKey: string;
  regionPath: string | null;
  aliases: { alias: string; weight: number; note?: string | null }[];
}

/** One report as the build would index it. */
export interface MemoryReport {
  file: string;
  report: ParsedReport;
  identity: MemoryIdentity;
  /** The body name indexed when it is not report.meta.body (an OCR correction, build/ocr-names.ts). */
  body?: string;
}

export interface MemoryStoreOptions {
  /** Gazetteer places as [alias, note] (build/aliases.ts `placeAliases()`): aliases of body "", weight 0. */
  places?: Iterable<readonly [string, string]>;
}

type StoredReport = Omit<ReportDbRow, "sha256" | "extras">;

const SOURCE = { name: "memory store", fix: "check the reports the test built it from" };

/**
 * The passage tokens this store indexes instead of jieba's: each run of CJK characters between
 * punctuation, spaces and digits, then its character bigrams; digit runs and Latin words whole.
 */
export function approximateTokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(/\d+(?:\.\d+)?|[a-z]+|[\u3400-\u9fff\uf900-\ufaff]+/giu)) {
    out.push(run);
    if (/^\d|^[a-z]/i.test(run) || run.length <= 2) continue;
    for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** A report's MiniSearch index (SEARCH_OPTIONS, approximate tokens) as JSON, and its processed terms in first-use order. */
function searchRow(passages: Passage[]): SearchIndexRow {
  const docs: PassageDoc[] = passages.map((p, i) => ({
    id: i,
    seg: approximateTokens(p.text).join(" "),
    section: p.section,
    line: p.line,
    text: p.text,
  }));
  const ms = new MiniSearch<PassageDoc>(SEARCH_OPTIONS);
  ms.addAll(docs);
  const vocab = new Set<string>();
  for (const d of docs)
    for (const t of d.seg.split(" ")) {
      const p = processTerm(t);
      if (p) vocab.add(p);
    }
  return { json: JSON.stringify(ms), vocab: [...vocab] };
}

/** Why the build would skip this report, or null (build-index.ts skips it; here it is the test's mistake). */
function unindexable(r: ParsedReport): string | null {
  if (!r.meta.body) return "no body name in the title or metadata";
  if (r.meta.year === null) return "no reporting year found";
  if (r.cells.length === 0 && r.passages.length === 0) return "no table cells and no prose found";
  return null;
}

/**
 * A Store over these reports, numbered 1, 2… in the order given (as the build numbers files).
 * Throws `memory-store: FILE: reason` for a report the build would skip.
 */
export function memoryStore(input: MemoryReport[], opts: MemoryStoreOptions = {}): Store {
  const reports = new Map<number, StoredReport>();
  const facts = new Map<number, FactDbRow[]>();
  const passages = new Map<number, Passage[]>();
  const search = new Map<number, SearchIndexRow>();
  const bodies = new Map<string, string>();
  /** alias → body key → weight and note, merged as the build's INSERT … ON CONFLICT does (max weight, first note). */
  const aliases = new Map<string, Map<string, { weight: number; note: string | null }>>();
  const addAlias = (alias: string, bodyKey: string, weight: number, note: string | null) => {
    const byBody = aliases.get(alias) ?? new Map<string, { weight: number; note: string | null }>();
    aliases.set(alias, byBody);
    const had = byBody.get(bodyKey);
    byBody.set(bodyKey, had ? { weight: Math.max(had.weight, weight), note: had.note ?? note } : { weight, note });
  };
  input.forEach(({ file, report: r, identity, body = r.meta.body }, i) => {
    const why = unindexable(r);
    if (why) throw new Error(`memory-store: ${file}: ${why}`);
    const id = i + 1;
    reports.set(id, {
      id,
      file,
      title: r.meta.title,
      body,
      body_key: identity.bodyKey,
      region_path: identity.regionPath,
      year: r.meta.year,
      published: r.meta.published,
      url: r.meta.url,
      template: r.template,
      form: r.form,
      warnings: JSON.stringify(r.warnings),
      checks: JSON.stringify(r.checks),
    });
    if (!bodies.has(identity.bodyKey)) bodies.set(identity.bodyKey, body);
    for (const a of identity.aliases) addAlias(a.alias, identity.bodyKey, a.weight, a.note ?? null);
    facts.set(
      id,
      r.cells.map((c, ord) => fromFact(id, ord, c)),
    );
    passages.set(
      id,
      r.passages.map((p) => ({ section: p.section, text: p.text, line: p.line })),
    );
    search.set(id, searchRow(r.passages));
  });
  for (const [alias, note] of opts.places ?? []) addAlias(alias, "", 0, note);

  const rowsOf = (rs: StoredReport[]): ReportRow[] => rs.map(toReport);
  // The orders of SQLite's ORDER BY through its indexes: year (never NULL here), then id; body names
  // are BMP text, where comparing UTF-16 units orders as SQLite compares their bytes.
  const byYear = (a: StoredReport, b: StoredReport) => (a.year ?? 0) - (b.year ?? 0) || a.id - b.id;
  const byBody = (a: StoredReport, b: StoredReport) => (a.body < b.body ? -1 : a.body > b.body ? 1 : byYear(a, b));
  const all = () => [...reports.values()];
  return guarded<Store>(
    {
      // Built by this code from parsed reports: always there and of this code's schema.
      ready: () => undefined,
      findAliases: (cands): AliasHit[] =>
        [...new Set(cands)].flatMap((alias) =>
          [...(aliases.get(alias) ?? [])].map(([bodyKey, a]) => ({ alias, bodyKey, body: bodies.get(bodyKey) ?? null, ...a })),
        ),
      reports: (ids) => rowsOf([...new Set(ids)].sort((a, b) => a - b).flatMap((id) => reports.get(id) ?? [])),
      reportsOfBody: (key) =>
        rowsOf(
          all()
            .filter((r) => r.body_key === key)
            .sort(byYear),
        ),
      listReports: (limit) => rowsOf(all().sort(byBody).slice(0, Math.max(0, limit))),
      reportByFile: (file) => rowsOf(all().filter((r) => r.file === file))[0] ?? null,
      countReports: () => reports.size,
      bodiesIn: (place): BodyRow[] => {
        const out = new Map<string, BodyRow>();
        for (const r of all())
          if ((r.region_path ?? "").includes(place) || r.body.startsWith(place))
            out.set(
              r.body_key,
              out.get(r.body_key) ?? { bodyKey: r.body_key, body: bodies.get(r.body_key) ?? r.body, regionPath: r.region_path },
            );
        return [...out.values()].sort((a, b) => (a.body < b.body ? -1 : a.body > b.body ? 1 : 0));
      },
      facts: (id: number, q: FactQuery): FactRow[] => {
        // As sqlite-store.ts: rowIds only within a table, colIds only with rowIds.
        const wanted = (f: FactDbRow) =>
          !q.table || (f.tbl === q.table && (!q.rowIds || (q.rowIds.includes(f.row_id) && (!q.colIds || q.colIds.includes(f.col_id)))));
        return (facts.get(id) ?? []).filter(wanted).map(toFact);
      },
      passages: (id) => (passages.get(id) ?? []).map((p) => ({ ...p })),
      checks: (id) => JSON.parse(reports.get(id)?.checks ?? "[]") as CheckResult[],
      searchIndex: (id) => {
        const s = search.get(id);
        return s ? { json: s.json, vocab: [...s.vocab] } : null;
      },
      searchVocab: (id) => {
        const s = search.get(id);
        return s ? [...s.vocab] : null;
      },
    },
    SOURCE,
  );
}

/** Seen Telegram update ids in a Map, forgotten as sqlite-store.ts forgets them (on one id in SEEN_PURGE_EVERY). */
export function memoryUpdateLog(keepMs = SEEN_KEEP_MS): UpdateLog {
  const seen = new Map<number, number>();
  const claims = new Map<number, { state: "busy" | "answered" | "failed"; at: number }>();
  return {
    firstSeen(updateId, nowMs) {
      if (updateId % SEEN_PURGE_EVERY === 0) for (const [id, at] of seen) if (at < nowMs - keepMs) seen.delete(id);
      if (seen.has(updateId)) return false;
      seen.set(updateId, nowMs);
      return true;
    },
    claim(updateId, nowMs, leaseMs) {
      if (updateId % SEEN_PURGE_EVERY === 0) for (const [id, c] of claims) if (c.at < nowMs - keepMs) claims.delete(id);
      const c = claims.get(updateId);
      if (c?.state === "answered") return "done";
      if (c?.state === "busy" && c.at >= nowMs - leaseMs) return "busy";
      claims.set(updateId, { state: "busy", at: nowMs });
      return "new";
    },
    settle(updateId, answered, nowMs) {
      if (claims.has(updateId)) claims.set(updateId, { state: answered ? "answered" : "failed", at: nowMs });
    },
  };
}
