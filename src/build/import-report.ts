/**
 * `npm run import -- URL|FILE`: put a report into the corpus with its metadata sidecar. A web page
 * (fetched over HTTP or a saved file) is decoded in its declared charset and cut down to the
 * report itself (main-article.ts); a PDF or text file is copied as it is. The file is named for
 * the body and year its title names, and NAME.meta.json records title, url, published, publisher
 * and when it was fetched.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { findPublished, findTitle } from "../core/parse/metadata.js";
import { decodeHtml } from "./decode-html.js";
import { mainArticle } from "./main-article.js";

export interface ImportOptions {
  corpus: string;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface ImportMeta {
  title: string | null;
  url: string | null;
  published: string | null;
  publisher: string | null;
  fetched: string;
}

export interface Imported {
  file: string;
  meta: ImportMeta;
  charset: string | null;
}

const PAGE = new Set([".html", ".htm", ".shtml", ".xhtml", ".jsp", ".php", ".asp", ".aspx", ""]);

function looksPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
}

/** A file name for the report: body and year from its title, else the source's own name. */
function nameFor(title: string | null, source: string): string {
  const t = title ? findTitle([title]) : null;
  const base = t ? `${t.body}-${t.year}` : (title ?? basename(source, extname(source)));
  return base.replace(/[\\/:*?"<>|\s]+/g, "-").slice(0, 60) || "report";
}

function freeName(dir: string, base: string, ext: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}${ext}` : `${base}-${i}${ext}`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${i === 1 ? base : `${base}-${i}`}.meta.json`))) return name;
  }
}

async function load(
  source: string,
  opts: ImportOptions,
): Promise<{ bytes: Uint8Array; type: string | null; url: string | null; ext: string }> {
  if (/^https?:\/\//i.test(source)) {
    const get = () => (opts.fetch ?? fetch)(source, { redirect: "follow", headers: { "user-agent": "gov-report-qa import" } });
    // One retry on a network error: a kept-alive connection the server has since closed fails once.
    const res = await get().catch(get);
    if (!res.ok) throw new Error(`import: ${source}: HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      bytes,
      type: res.headers.get("content-type"),
      url: res.url || source,
      ext: extname(new URL(res.url || source).pathname).toLowerCase(),
    };
  }
  const path = resolve(source);
  if (!existsSync(path)) throw new Error(`import: ${source}: no such file`);
  return { bytes: new Uint8Array(readFileSync(path)), type: null, url: null, ext: extname(path).toLowerCase() };
}

/** Save one report (URL or file) into the corpus directory. */
export async function importReport(source: string, opts: ImportOptions): Promise<Imported> {
  const corpus = resolve(opts.corpus);
  mkdirSync(corpus, { recursive: true });
  const { bytes, type, url, ext } = await load(source, opts);
  const fetched = (opts.now ?? (() => new Date()))().toISOString();
  const isPdf = looksPdf(bytes) || /application\/pdf/i.test(type ?? "");
  const isPage = !isPdf && (/html/i.test(type ?? "") || (url !== null && PAGE.has(ext)) || ext === ".html" || ext === ".htm");
  let out: Uint8Array | string = bytes;
  let outExt = isPdf ? ".pdf" : ext || ".txt";
  let meta: ImportMeta = { title: null, url, published: null, publisher: null, fetched };
  let charset: string | null = null;
  if (isPage) {
    const page = decodeHtml(bytes, type);
    charset = page.charset;
    const a = mainArticle(page.text);
    out = a.html;
    outExt = ".html";
    meta = { title: a.title, url, published: a.published, publisher: a.publisher, fetched };
  } else if (isPdf) {
    // The title and date printed on the first page name the file and fill the sidecar.
    const { pdfToLines } = await import("../adapters/pdfjs-text.js");
    const lines = await pdfToLines(bytes).catch(() => [] as string[]);
    const t = findTitle(lines);
    meta.title = t?.title ?? null;
    meta.published = findPublished(lines, t?.year ?? null);
  } else {
    const t = findTitle(new TextDecoder("utf-8").decode(bytes.subarray(0, 20000)).split(/\r?\n/));
    meta.title = t?.title ?? null;
  }
  const file = freeName(corpus, nameFor(meta.title, url ?? source), outExt);
  writeFileSync(join(corpus, file), out);
  writeFileSync(join(corpus, `${basename(file, outExt)}.meta.json`), `${JSON.stringify(meta, null, 2)}\n`);
  return { file, meta, charset };
}
