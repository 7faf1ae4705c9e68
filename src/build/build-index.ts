/**
 * Build an index directory from a corpus directory: parse every report file, store its cells,
 * passages and body aliases in SQLite, and a MiniSearch index of its passages. Writes into a
 * temporary directory and renames it over the old index only when done, so a failed build never
 * leaves a half-written index. A file that cannot be read is reported and skipped. With `d1`
 * (`npm run index -- --d1`) the same directory also gets d1/data.sql, the data for D1
 * (export-d1.ts); otherwise `npm run d1:export` or `npm run d1:load` writes it when it is wanted.
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import MiniSearch from "minisearch";
import { cut } from "../adapters/nodejieba-segmenter.js";
import { createSchema, INDEX_FILE } from "../adapters/sqlite-store.js";
import type { ParsedReport, Passage, ReportMeta } from "../core/model.js";
import { parseReport } from "../core/parse/parse-report.js";
import { fromFact } from "../core/rows.js";
import { type PassageDoc, processTerm, SEARCH_OPTIONS } from "../core/search-options.js";
import { cellCount } from "../core/template.js";
import { identify, placeAliases } from "./aliases.js";
import { D1_DATA_FILE, writeD1Data } from "./export-d1.js";
import { correctBodyName } from "./ocr-names.js";
import { readReportFile } from "./read-file.js";
import { FOLLOWS_SEARCH_OPTIONS, indexedTokens, searchJson } from "./search-json.js";

/** Where the index directory keeps what D1 needs (see export-d1.ts). */
export const D1_DIR = "d1";

/** Reports written in one SQLite transaction. */
const REPORTS_PER_TRANSACTION = 100;

/** Report files larger than this are skipped unread (a report is well under a megabyte of text; a PDF a few). */
export const DEFAULT_MAX_REPORT_BYTES = 20 * 1024 * 1024;

/**
 * A report's text is tens of thousands of characters (the largest real one ~96 000, a whole saved
 * page included); a file whose text runs past this is no report, and parsing it would cost memory
 * in proportion (a 19 MB text file took over a gigabyte and more than 5 minutes), so it is skipped before parsing.
 */
export const MAX_REPORT_CHARS = 500_000;

/** Written beside index.sqlite: which build this is and the corpus it was built from (read without opening the database). */
export const BUILD_FILE = "build.json";

export interface BuildInfo {
  /** Build time and a hash of the indexed files' contents, e.g. 20261203T110512Z-3f9a1c2b. */
  build: string;
  /** The absolute corpus directory the index was built from: the only folder it is ever rebuilt from. */
  corpus: string;
  reports: number;
  builtAt: string;
}

/** Temp and old directories of a build are named after the process that made them, so a later build can tell a dead one's. */
const TMP_PREFIX = ".index-tmp-";
const OLD_INFIX = ".old-";

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove what killed builds left beside `out` (their temp dirs, an old index not yet deleted); returns the names removed. */
export function cleanStaleBuilds(out: string): string[] {
  const dir = dirname(out);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  const oldPrefix = `${basename(out)}${OLD_INFIX}`;
  for (const name of readdirSync(dir)) {
    const rest = name.startsWith(TMP_PREFIX)
      ? name.slice(TMP_PREFIX.length)
      : name.startsWith(oldPrefix)
        ? name.slice(oldPrefix.length)
        : null;
    if (rest === null) continue;
    const pid = Number(rest.split("-")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** The build record of an index directory, or null when it has none (or it cannot be read). */
export function readBuildInfo(indexDir: string): BuildInfo | null {
  try {
    const b = JSON.parse(readFileSync(join(indexDir, BUILD_FILE), "utf8")) as Partial<BuildInfo>;
    return typeof b.build === "string" && typeof b.corpus === "string" ? (b as BuildInfo) : null;
  } catch {
    return null;
  }
}

export const REPORT_EXTENSIONS = [".txt", ".html", ".htm", ".md", ".pdf", ".json", ".js"];

/** What the build read from one file. The parsed report itself is not kept: at 100 000 reports it would not fit in memory. */
export interface FileResult {
  file: string;
  ok: boolean;
  line: string;
}

/** Report files of a corpus directory (sidecar *.meta.json files excluded), sorted. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith(".meta.json") && !f.startsWith(".") && REPORT_EXTENSIONS.includes(extname(f).toLowerCase()))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

function sidecar(dir: string, file: string): Partial<ReportMeta> {
  for (const name of [`${file}.meta.json`, `${basename(file, extname(file))}.meta.json`]) {
    const p = join(dir, name);
    if (existsSync(p)) return JSON.parse(readFileSync(p, "utf8")) as Partial<ReportMeta>;
  }
  return {};
}

/** The cells of a report as one string, to tell two copies apart cheaply (compared cell by cell only when they differ). */
function cellSignature(r: ParsedReport): string {
  return createHash("sha1")
    .update(r.cells.map((c) => `${c.table}|${c.item ?? ""}|${c.rowId}|${c.colId}=${c.raw}`).join("\n"))
    .digest("hex");
}

interface CopyCell {
  tbl: string;
  item: string | null;
  row_id: string;
  col_id: string;
  row_label: string;
  col_label: string;
  raw: string;
}

/** How two copies of one report differ, cell by cell: how many, and the first few. */
function copyDifferences(first: CopyCell[], r: ParsedReport): string {
  const had = new Map(first.map((c) => [`${c.tbl}|${c.item ?? ""}|${c.row_id}|${c.col_id}`, c]));
  const diffs: string[] = [];
  let onlyOne = 0;
  for (const c of r.cells) {
    const o = had.get(`${c.table}|${c.item ?? ""}|${c.rowId}|${c.colId}`);
    if (!o) onlyOne++;
    else if (o.raw.trim() !== c.raw.trim()) diffs.push(`${c.table} ${c.row}·${c.column} ${o.raw || "blank"}→${c.raw || "blank"}`);
  }
  onlyOne += Math.max(0, first.length - (r.cells.length - onlyOne));
  const parts = [`${diffs.length} cells differ${diffs.length ? ` (${diffs.slice(0, 3).join("; ")}${diffs.length > 3 ? "; …" : ""})` : ""}`];
  if (onlyOne) parts.push(`${onlyOne} cells read in one copy only`);
  return `${parts.join(", ")}; answers about a differing cell cite both`;
}

function describe(file: string, r: ParsedReport): string {
  const seen = new Set<string>();
  let amb = 0;
  for (const c of r.cells) {
    seen.add(c.table);
    if (c.state === "ambiguous") amb++;
  }
  const tables = (["二", "三", "四"] as const).filter((t) => seen.has(t)).join("") || "none";
  const want = r.template === "unknown" ? "?" : String(cellCount(r.template));
  const failed = r.checks.filter((c) => !c.ok);
  const parts = [
    `${file}: ${r.meta.body || "?"} ${r.meta.year ?? "?"}`,
    `form ${r.form}`,
    `template ${r.template}`,
    `tables ${tables}`,
    `cells ${r.cells.length}/${want}`,
    `ambiguous ${amb}`,
    `checks failed ${failed.length}${failed.length ? ` (${[...new Set(failed.map((c) => c.rule))].join(",")})` : ""}`,
    `passages ${r.passages.length}`,
  ];
  const warn = r.warnings.filter((w) => !w.startsWith("read ") && !w.endsWith("cells ambiguous"));
  return parts.join(" · ") + (warn.length ? ` · warnings: ${warn.join("; ")}` : "");
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/** processTerm, remembered: it is pure, and the reports repeat their words. */
class Terms {
  private seen = new Map<string, string | null>();
  readonly process = (term: string): string | null => {
    let p = this.seen.get(term);
    if (p === undefined) {
      p = processTerm(term);
      // Bounded: a corpus's words are, but its figures (also terms) need not be.
      if (this.seen.size >= 100_000) this.seen.clear();
      this.seen.set(term, p);
    }
    return p;
  };
  /** The search options with this processTerm: the same index as SEARCH_OPTIONS builds. */
  readonly options = { ...SEARCH_OPTIONS, processTerm: this.process };
}

/** A report's MiniSearch index of its passages (jieba-segmented) as JSON, and its vocabulary in first-use order. */
function searchRow(passages: Passage[], terms: Terms): { json: string; vocab: string } {
  const tokens = passages.map((p) => cut(p.text));
  const docs: PassageDoc[] = passages.map((p, i) => ({
    id: i,
    seg: (tokens[i] as string[]).join(" "),
    section: p.section,
    line: p.line,
    text: p.text,
  }));
  if (!FOLLOWS_SEARCH_OPTIONS) {
    const ms = new MiniSearch<PassageDoc>(terms.options);
    ms.addAll(docs);
    return { json: JSON.stringify(ms), vocab: JSON.stringify(vocabulary(docs, terms)) };
  }
  // Usually the index and the vocabulary read jieba's tokens back from `seg` as they were (see
  // indexedTokens): then the index's terms, in first-use order, are the vocabulary.
  const streams = tokens.map(indexedTokens);
  const r = searchJson(docs, terms.process, streams);
  const exact = streams.every((s) => s !== null);
  return { json: r.json, vocab: JSON.stringify(exact ? r.terms : vocabulary(docs, terms)) };
}

/** The processed terms of the passages' space-separated tokens, in the order they first occur. */
function vocabulary(docs: PassageDoc[], terms: Terms): string[] {
  const vocab = new Set<string>();
  const seen = new Set<string>();
  for (const d of docs)
    for (const t of d.seg.split(" ")) {
      if (seen.has(t)) continue; // a repeated token adds nothing new
      seen.add(t);
      const p = terms.process(t);
      if (p) vocab.add(p);
    }
  return [...vocab];
}

export interface BuildOptions {
  corpus: string;
  out: string;
  log?: (line: string) => void;
  /**
   * Also write d1/data.sql for `wrangler d1 execute` (default false: it costs as much CPU as parsing
   * the reports, and only a D1 deploy needs it; `npm run d1:export` and `npm run d1:load` write it).
   */
  d1?: boolean;
  /** Report files larger than this many bytes are skipped (default DEFAULT_MAX_REPORT_BYTES; MAX_REPORT_BYTES, --max-bytes). */
  maxBytes?: number;
}

export interface BuildResult {
  files: FileResult[];
  indexed: number;
  skipped: number;
}

export async function buildIndex(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const corpus = resolve(opts.corpus);
  const out = resolve(opts.out);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory())
    throw new Error(`build-index: corpus directory ${opts.corpus} does not exist`);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  const stale = cleanStaleBuilds(out);
  if (stale.length) log(`index: removed what killed builds left behind: ${stale.join(", ")}`);
  const tmp = join(dirname(out), `${TMP_PREFIX}${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  const db = new Database(join(tmp, INDEX_FILE));
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  createSchema(db);
  const ins = {
    report: db.prepare(
      "INSERT INTO reports (id, file, sha256, title, body, body_key, region_path, year, published, url, template, form, checks, warnings, extras) VALUES (@id, @file, @sha256, @title, @body, @body_key, @region_path, @year, @published, @url, @template, @form, @checks, @warnings, @extras)",
    ),
    body: db.prepare("INSERT INTO bodies (body_key, body, region_path) VALUES (?, ?, ?) ON CONFLICT(body_key) DO NOTHING"),
    alias: db.prepare(
      "INSERT INTO aliases (alias, body_key, weight, note) VALUES (?, ?, ?, ?) ON CONFLICT(alias, body_key) DO UPDATE SET weight = max(weight, excluded.weight), note = coalesce(note, excluded.note)",
    ),
    // Positional parameters: binding 17 named ones per cell cost a third of the insert (~200 cells a report).
    fact: db.prepare(
      "INSERT INTO facts (report_id, ord, tbl, item, row_id, row_label, col_id, col_label, raw, state, value, unit, quote, line, candidates, decided_by, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    passage: db.prepare("INSERT INTO passages (report_id, ord, section, text, line) VALUES (?, ?, ?, ?, ?)"),
    search: db.prepare("INSERT INTO search (report_id, json, vocab) VALUES (?, ?, ?)"),
    copyCells: db.prepare("SELECT tbl, item, row_id, col_id, row_label, col_label, raw FROM facts WHERE report_id = ?"),
  };
  // Reports by body and year, to find two copies of one report (report-format.md §12 item 12).
  const copies = new Map<string, { id: number; file: string; sig: string }>();
  const results: FileResult[] = [];
  let id = 0;
  const files = corpusFiles(corpus);
  const identities = new Map<string, ReturnType<typeof identify>>();
  // Reports are written REPORTS_PER_TRANSACTION at a time: a commit per report cost as much CPU as
  // its passages' inserts. A failed insert fails the build, which then discards the whole index.
  let pending = 0;
  const terms = new Terms();
  const contents = createHash("sha256");
  try {
    for (const file of files) {
      let r: ParsedReport;
      let bytes: Buffer;
      try {
        const size = statSync(join(corpus, file)).size;
        if (size > maxBytes) {
          const line = `${file}: skipped: ${mb(size)} is over the ${mb(maxBytes)} limit for a report file (raise it with --max-bytes or MAX_REPORT_BYTES)`;
          results.push({ file, ok: false, line });
          log(line);
          continue;
        }
        bytes = readFileSync(join(corpus, file));
        const input = await readReportFile(file, bytes);
        if (input.text.length > MAX_REPORT_CHARS)
          throw new Error(
            `its text runs to ${input.text.length} characters, over the ${MAX_REPORT_CHARS} a report can have (no report is this long)`,
          );
        r = parseReport({ ...input, file, meta: { ...sidecar(corpus, file) } });
      } catch (e) {
        const line = `${file}: skipped: ${(e as Error).message}`;
        results.push({ file, ok: false, line });
        log(line);
        continue;
      }
      const why = !r.meta.body
        ? "no body name in the title or metadata"
        : r.meta.year === null
          ? "no reporting year found"
          : r.cells.length === 0 && r.passages.length === 0
            ? "no table cells and no prose found"
            : null;
      if (why) {
        const line = `${file}: skipped: ${why}`;
        results.push({ file, ok: false, line });
        log(line);
        continue;
      }
      id++;
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      contents.update(`${file}\0${sha256}\n`);
      // A body name one character from an official place name (an OCR misread) is read as that name, with a note.
      const fix = correctBodyName(r.meta.body, () => r.lines.join("\n"));
      if (fix) r.warnings.push(`body name ${fix.printed} read as ${fix.body} (one character from the gazetteer's name)`);
      const body = fix?.body ?? r.meta.body;
      const known = identities.get(body);
      const who = known ?? identify(body);
      identities.set(body, who);
      if (pending === 0) db.exec("BEGIN");
      ins.report.run({
        id,
        file,
        sha256,
        title: r.meta.title,
        body,
        body_key: who.bodyKey,
        region_path: who.regionPath,
        year: r.meta.year,
        published: r.meta.published,
        url: r.meta.url,
        template: r.template,
        form: r.form,
        checks: JSON.stringify(r.checks),
        warnings: JSON.stringify(r.warnings),
        extras: JSON.stringify(r.extras),
      });
      // Aliases name the body, once: a later year of the same body adds none, unless its name
      // was an OCR correction, whose note (and printed form) the aliases then carry.
      if (!known) ins.body.run(who.bodyKey, body, who.regionPath);
      if (!known || fix) for (const a of who.aliases) ins.alias.run(a.alias, who.bodyKey, a.weight, fix?.note ?? null);
      if (fix) ins.alias.run(fix.printed, who.bodyKey, 3, fix.note);
      r.cells.forEach((c, i) => {
        const f = fromFact(id, i, c);
        ins.fact.run(
          f.report_id,
          f.ord,
          f.tbl,
          f.item,
          f.row_id,
          f.row_label,
          f.col_id,
          f.col_label,
          f.raw,
          f.state,
          f.value,
          f.unit,
          f.quote,
          f.line,
          f.candidates,
          f.decided_by,
          f.warnings,
        );
      });
      r.passages.forEach((p, i) => {
        ins.passage.run(id, i, p.section, p.text, p.line);
      });
      const search = searchRow(r.passages, terms);
      ins.search.run(id, search.json, search.vocab);
      if (++pending === REPORTS_PER_TRANSACTION) {
        db.exec("COMMIT");
        pending = 0;
      }
      let line = describe(file, r);
      const copy = `${who.bodyKey}|${r.meta.year}`;
      const sig = cellSignature(r);
      const first = copies.get(copy);
      if (!first) copies.set(copy, { id, file, sig });
      else {
        // The same connection reads the first copy's cells, committed or not.
        const rows = ins.copyCells.all(first.id) as CopyCell[];
        line += ` · same body and year as ${first.file}: ${first.sig === sig ? "cells identical" : copyDifferences(rows, r)}`;
      }
      results.push({ file, ok: true, line });
      log(line);
    }
    if (pending > 0) db.exec("COMMIT");
    const now = new Date();
    const info: BuildInfo = {
      build: `${now.toISOString().replace(/[-:]|\.\d+/g, "")}-${contents.digest("hex").slice(0, 8)}`,
      corpus,
      reports: id,
      builtAt: now.toISOString(),
    };
    // The build id goes with the data (into D1 too); the corpus folder, a local path, stays in build.json.
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('build_id', ?)").run(info.build);
    writeFileSync(join(tmp, BUILD_FILE), `${JSON.stringify(info, null, 2)}\n`);
    // Every place the gazetteer knows, as body "": a question about a place with no report gets "not in the corpus".
    db.transaction(() => {
      for (const [alias, note] of placeAliases()) ins.alias.run(alias, "", 0, note);
      db.exec("INSERT INTO alias_heads SELECT substr(alias, 1, 2), max(length(alias)) FROM aliases GROUP BY 1");
    })();
    db.close();
    if (opts.d1) {
      const d1 = writeD1Data(join(tmp, INDEX_FILE), join(tmp, D1_DIR));
      log(`d1: ${d1.statements} statements, ${(d1.bytes / 1024).toFixed(0)} KB → ${join(out, D1_DIR, D1_DATA_FILE)}`);
    }
  } catch (e) {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = `${out}${OLD_INFIX}${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  if (existsSync(old)) rmSync(old, { recursive: true, force: true });
  const skipped = results.filter((r) => !r.ok).length;
  log(`index: ${id} reports indexed, ${skipped} skipped → ${out}`);
  return { files: results, indexed: id, skipped };
}
