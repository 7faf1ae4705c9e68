/**
 * ask(question) → Answer: understand (year, body, metric), resolve against the store, and
 * compose cited facts. Pure core: everything it reads comes through the Store port, so the
 * same code answers on Node (better-sqlite3) and on Workers (D1).
 */

import type { FactRow, ReportRow, Store } from "../ports.js";
import { coverage } from "../question/coverage.js";
import { findBodies } from "../question/find-body-hits.js";
import { findComparison } from "../question/find-comparison.js";
import { findMetrics, type MetricAsk } from "../question/find-metric.js";
import { findYears } from "../question/find-year.js";
import { normalizeQuestion } from "../question/normalize-question.js";
import { pickColumns } from "../question/pick-columns.js";
import { splitClauses } from "../question/split-clauses.js";
import { blocksOf, type TemplateVersion } from "../template.js";
import { type Answer, addressOf, type FactCitation, withAddress } from "./answer-types.js";
import { askComparison } from "./compare.js";
import { sumOf } from "./derive.js";
import { answerFromProse } from "./from-prose.js";
import { cellPermalink } from "./permalink.js";
import { renderReply } from "./render-text.js";

export const MAX_QUESTION = 500;

export interface EngineDeps {
  store: Store;
  /** The clock that 去年/今年 are read against. */
  now?: () => Date;
}

export interface Engine {
  ask(question: string): Promise<Answer>;
}

function citation(f: FactRow, r: ReportRow): FactCitation {
  const warnings = [...f.warnings];
  // Why the source admits several readings: digits glued together, or cells missing from the row.
  const why = f.warnings.some((w) => w.includes("缺少单元格")) ? "源文本中该行缺少单元格" : "源文本中该行数字粘连";
  // A cell that explains its own ambiguity (e.g. a PDF row whose blank cell cannot be placed) keeps that explanation.
  if (f.state === "ambiguous" && !f.warnings.some((w) => w.includes("无法确定"))) {
    warnings.unshift(
      f.candidates && f.candidates.length > 0
        ? `${why}（${f.raw}），按模板和勾稽关系仍有多种读法，此格可能为：${f.candidates.join("、")}，无法确定`
        : `${why}（${f.raw}），无法按模板读出此格，无法确定`,
    );
  }
  if (f.decidedBy === "rules" && f.state === "number" && !f.warnings.some((w) => w.includes("确定此格")))
    warnings.push(`${why}（见原文），按模板列数和勾稽关系只有一种读法，据此读出${f.raw}`);
  return {
    value: f.state === "number" ? f.value : null,
    raw: f.raw,
    unit: f.unit,
    body: r.body,
    year: r.year as number,
    table: f.table,
    item: f.item,
    row: f.row,
    column: f.column,
    quote: f.quote,
    report: { title: r.title, file: r.file, url: r.url, published: r.published },
    warnings,
    permalink: cellPermalink(r.file, f),
  };
}

function finish(
  question: string,
  status: Answer["status"],
  facts: FactCitation[],
  notes: string[],
  lines: string[] = [],
  head: string[] = [],
): Answer {
  const answer: Answer = { question, status, facts, notes, reply: "" };
  answer.reply = renderReply(answer, lines, head);
  return answer;
}

async function factsFor(
  store: Store,
  r: ReportRow,
  m: MetricAsk,
  text: string,
  notes: string[],
  problems: string[],
): Promise<FactCitation[]> {
  const version = r.template as TemplateVersion;
  if (version !== "2019" && version !== "2021") {
    problems.push(`《${r.title}》的表格未能按国家模板读出，无法回答“${m.label}”`);
    return [];
  }
  const blocks = blocksOf(version, m.table).filter(
    (b) => (m.item === null || b.item === m.item) && b.rows.some((row) => m.rowIds.includes(row.id)),
  );
  if (blocks.length === 0) {
    problems.push(`${r.body}${r.year}年报告使用${version}版模板，该版没有“${m.label}”一项`);
    return [];
  }
  const picks = blocks.map((block) => ({ block, pick: pickColumns(block, text) }));
  // A column the other template version has for this row ("收费金额" of a 2019 report): this report has no such cell.
  const absent = picks.every((p) => p.pick.note !== null) ? otherVersionColumn(version, m, text) : null;
  if (absent) {
    problems.push(`${r.body}${r.year}年报告使用${version}版模板，“${m.label}”一行没有“${absent}”一栏，报告中没有这个数字`);
    return [];
  }
  const colIds = [...new Set(picks.flatMap((p) => p.pick.columns.map((c) => c.id)))];
  const rows = await store.facts(r.id, { table: m.table, rowIds: m.rowIds, colIds });
  const out: FactCitation[] = [];
  for (const { block, pick } of picks) {
    if (pick.note && !notes.includes(pick.note)) notes.push(pick.note);
    for (const row of block.rows.filter((x) => m.rowIds.includes(x.id))) {
      const cells: FactCitation[] = [];
      for (const col of pick.columns) {
        const f = rows.find((x) => x.rowId === row.id && x.colId === col.id && (m.item === null || x.item === m.item));
        if (f)
          cells.push(
            withAddress(citation(f, r), { reportId: r.id, table: f.table, item: f.item, rowId: f.rowId, colId: f.colId, state: f.state }),
          );
      }
      // Columns asked for as one whole (法人或其他组织): their sum, calculated, every cell cited.
      const whole = pick.whole ? sumOf(cells, row.label, pick.whole) : null;
      out.push(...(whole ? [whole] : cells));
    }
  }
  if (out.length === 0) problems.push(`《${r.title}》中没有读到“${m.label}”这一行`);
  return out;
}

/** Whether a year of the question stands after 比/较/同 (a year compared with, not asked about). */
function isReferenceYear(yearText: string, text: string): boolean {
  return /(?:比|较|相比|同比|对比)\s*$/.test(text.slice(0, Math.max(0, text.indexOf(yearText))));
}

/** Words that ask for one total over several figures ("被复议、被起诉一共几次"), unless 各/分别 asks for each. */
const SUM_WORDS = /一共|共计|总共|合计|加起来|加在一起|共/;
const EACH_WORDS = /各|分别|每/;

/** Whether a clause names a column of the previous clause's rows ("现行有效几件？" after "新制发几件行政规范性文件"). */
function namesColumn(metrics: MetricAsk[], clause: string, version: TemplateVersion): boolean {
  return metrics.some((m) =>
    blocksOf(version, m.table).some(
      (b) =>
        (m.item === null || b.item === m.item) &&
        b.rows.some((row) => m.rowIds.includes(row.id)) &&
        b.columns.length > 1 &&
        pickColumns(b, clause).note === null,
    ),
  );
}

/** A column of the asked row that only the other template version has, named in the question (or null). */
function otherVersionColumn(version: TemplateVersion, m: MetricAsk, text: string): string | null {
  const other: TemplateVersion = version === "2019" ? "2021" : "2019";
  const here = new Set(
    blocksOf(version, m.table)
      .filter((b) => b.rows.some((row) => m.rowIds.includes(row.id)))
      .flatMap((b) => b.columns.map((c) => c.label)),
  );
  for (const b of blocksOf(other, m.table)) {
    if (!b.rows.some((row) => m.rowIds.includes(row.id))) continue;
    for (const c of b.columns) {
      if (here.has(c.label)) continue;
      if ([c.label, ...c.keys, ...c.words].some((w) => w.length >= 2 && !/^(?:多少|几)/.test(w) && text.includes(w))) return c.label;
    }
  }
  return null;
}

/**
 * The template's parts summed where the question asks for a whole the report does not print:
 * 行政诉讼 (two groups), a 三 group without a subtotal row, or several rows asked "一共".
 */
function withTotals(metrics: MetricAsk[], got: FactCitation[][], clause: string): FactCitation[] {
  const out: FactCitation[] = [];
  metrics.forEach((m, i) => {
    const fs = got[i] ?? [];
    if (m.kind === "row" || fs.length < 2) {
      out.push(...fs);
      return;
    }
    // One total per column asked: the parts of that column summed.
    const byColumn = new Map<string, FactCitation[]>();
    for (const f of fs) byColumn.set(f.column ?? "", [...(byColumn.get(f.column ?? "") ?? []), f]);
    for (const [column, parts] of byColumn) {
      const sum = sumOf(parts, m.label, column || null);
      out.push(...(sum ? [sum] : parts));
    }
  });
  if (metrics.length > 1 && SUM_WORDS.test(clause) && !EACH_WORDS.test(clause)) {
    const sum = sumOf(out, metrics.map((m) => m.label).join("+"), out[0]?.column ?? null);
    if (sum) return [sum];
  }
  return out;
}

interface ClauseResult {
  facts: FactCitation[];
  /** Another copy of the same report (same body and year) prints a different figure for a cell asked. */
  conflicts?: boolean;
  /** The table rows the clause asked about (what a following "现行有效几件？" refers to). */
  metrics: MetricAsk[];
}

/**
 * One asked figure of one report: from the table when the template's words cover the whole
 * clause, else from the prose, else nothing (and `problems` says what was not found).
 */
async function answerClause(
  store: Store,
  r: ReportRow,
  clause: string,
  prev: MetricAsk[],
  notes: string[],
  problems: string[],
  others: ReportRow[] = [],
): Promise<ClauseResult> {
  let metrics = findMetrics(clause);
  let conflicts = false;
  const version = r.template as TemplateVersion;
  const known = version === "2019" || version === "2021";
  if (metrics.length === 0 && prev.length > 0 && known && namesColumn(prev, clause, version)) metrics = prev;
  const cov = coverage(clause);
  if (metrics.length > 0 && cov.uncovered === "" && cov.measure === null) {
    const got: FactCitation[][] = [];
    for (const m of metrics) {
      const fs = await factsFor(store, r, m, clause, notes, problems);
      const differ = others.length > 0 ? await compareCopies(store, others, m, fs) : false;
      got.push(fs);
      if (differ) conflicts = true;
    }
    return { facts: withTotals(metrics, got, clause), metrics, conflicts };
  }
  const res = await answerFromProse(clause, {
    vocab: () => store.searchVocab(r.id),
    passages: () => store.passages(r.id),
    index: async () => (await store.searchIndex(r.id))?.json ?? null,
  });
  if (res.kind === "miss") {
    const words = [...new Set([...res.missing, ...(metrics.length > 0 && cov.uncovered ? [cov.uncovered] : [])])];
    const missing = words.length > 0 ? `（报告中没有与“${words.join("、")}”相符的表格单元格或正文数字）` : "";
    problems.push(`${r.body}${r.year}年报告的表格和正文中都没有找到与“${clause.trim()}”相符的数字${missing}`);
    return { facts: [], metrics };
  }
  const hit = res.hit;
  const fact: FactCitation = {
    value: hit.value,
    raw: hit.raw,
    unit: hit.unit,
    body: r.body,
    year: r.year as number,
    table: "prose",
    item: null,
    row: `${hit.section === "前言" ? "前言" : `第${hit.section}部分`}（正文）`,
    column: null,
    quote: hit.quote,
    report: { title: r.title, file: r.file, url: r.url, published: r.published },
    warnings: ["此数字出自报告正文，不在统一表格中，未经勾稽核对"],
  };
  return { facts: [fact], metrics };
}

/**
 * Two copies of one report (report-format.md §12 item 12: a page and a PDF, an original and a
 * 更正): each cell answered is compared with the same cell of every other copy; where they
 * differ, the fact says so and cites the other copy's figure and source text. Returns whether any differ.
 */
async function compareCopies(store: Store, others: ReportRow[], m: MetricAsk, facts: FactCitation[]): Promise<boolean> {
  let differ = false;
  for (const o of others) {
    const rows = await store.facts(o.id, { table: m.table, rowIds: m.rowIds });
    for (const f of facts) {
      const at = addressOf(f);
      if (!at) continue;
      const g = rows.find((x) => x.rowId === at.rowId && x.colId === at.colId && x.item === at.item);
      if (!g) continue;
      const gv = g.state === "number" ? g.value : null;
      if (gv === f.value && g.raw.trim() === f.raw.trim()) continue;
      differ = true;
      const shown = gv !== null ? g.raw : g.raw.trim() === "" ? "空白" : `“${g.raw}”`;
      f.warnings.push(
        `同一机关同一年度的另一份报告《${o.title}》（${o.file}）此格为 ${shown}，与本份不同，无法确定以哪份为准（原文：${g.quote.replace(/\s*\n\s*/g, " ")}）`,
      );
    }
  }
  return differ;
}

/** Lower is better: a recognised template first, then fewer read problems (cells missing, ambiguous). */
function readingScore(r: ReportRow): number {
  return (r.template === "2019" || r.template === "2021" ? 0 : 1000) + r.warnings.length;
}

/** The engine: one ask() over a store. */
export function createEngine(deps: EngineDeps): Engine {
  const now = deps.now ?? (() => new Date());
  return { ask: (q) => ask(q, deps.store, now()) };
}

export async function ask(question: string, store: Store, now: Date): Promise<Answer> {
  const q = typeof question === "string" ? question : "";
  if (q.trim() === "") return finish(q, "invalid", [], [], ["请输入一个问题，例如：2019年灵丘行政处罚多少"]);
  if ([...q].length > MAX_QUESTION)
    return finish(
      q,
      "invalid",
      [],
      [],
      [`问题太长（${[...q].length}字），请把问题控制在${MAX_QUESTION}字以内，例如：2019年灵丘行政处罚多少`],
    );
  const notes: string[] = [];
  const norm = normalizeQuestion(q);
  if (norm.traditional) notes.push("已将繁体字转换为简体字理解问题");
  // Several years, a change between two, or the bodies of a place (compare.ts); null: answer as usual.
  const cmp = findComparison(norm.text);
  if (cmp.comparison) {
    const compared = await askComparison(cmp.comparison, cmp.rest, notes, {
      store,
      now,
      figures: async (r, clause, ns, problems) => (await answerClause(store, r, clause, [], ns, problems)).facts,
      best: (reports) => [...reports].sort((a, b) => readingScore(a) - readingScore(b))[0] as ReportRow,
      finish: (status, facts, ns, lines, head) => finish(q, status, facts, ns, lines, head),
    });
    if (compared) return compared;
  }
  const { years, rest } = findYears(norm.text, now);
  for (const y of years.filter((y) => y.relative)) notes.push(`“${y.text}”按当前日期理解为${y.year}年`);
  let found = await findBodies(
    store,
    rest,
    years.map((y) => y.year),
  );
  let bodyText = rest;
  if (found.kind === "none" && norm.unconverted !== norm.text) {
    // A place name the converter changed (乾安 → 干安): look the body up in the text as typed.
    const typed = findYears(norm.unconverted, now).rest;
    const again = await findBodies(
      store,
      typed,
      years.map((y) => y.year),
    );
    if (again.kind !== "none") {
      found = again;
      bodyText = typed;
    }
  }
  if (found.kind === "none") return finish(q, "not_found", [], notes, found.lines);
  if (found.kind === "ambiguous") return finish(q, "ambiguous", [], notes, found.lines);
  notes.push(...found.notes);
  let text = rest;
  for (const b of found.bodies) {
    if (bodyText === rest || bodyText.length !== rest.length) text = text.split(b.alias).join(" ");
    // Found in the text as typed: blank the same span of the converted text (the conversion kept the length).
    else text = text.slice(0, b.at) + " ".repeat(b.alias.length) + text.slice(b.at + b.alias.length);
  }
  if (bodyText !== rest && norm.traditional) {
    // Only the body's name differed: nothing else was converted, so the note would mislead.
    let typed = bodyText;
    for (const b of found.bodies) typed = typed.slice(0, b.at) + " ".repeat(b.alias.length) + typed.slice(b.at + b.alias.length);
    if (typed === text) notes.splice(notes.indexOf("已将繁体字转换为简体字理解问题"), 1);
  }
  const clauses = splitClauses(text);
  // Only a body and a year: ask which figure, rather than searching the prose for nothing.
  if (
    clauses.length === 1 &&
    findMetrics(text).length === 0 &&
    !/[\u4e00-\u9fff]{2,}/.test(text.replace(/(多少|几|是|有|的|了|吗|呢|年度?|情况|数据|数字|报告)/g, ""))
  )
    return finish(q, "not_found", [], notes, [
      `请说明要查${found.bodies.map((b) => b.body).join("、")}的哪一项数字，例如：行政处罚、收到多少申请、行政复议、主动公开了多少条信息`,
    ]);
  const facts: FactCitation[] = [];
  const problems: string[] = [];
  let unanswered = 0;
  let copiesDiffer = false;
  for (const body of found.bodies) {
    const all = (await store.reportsOfBody(body.bodyKey))
      .filter((r) => r.year !== null)
      .sort((a, b) => (a.year as number) - (b.year as number));
    const have = [...new Set(all.map((r) => r.year))];
    // A year the question compares with ("比2018年上升了多少") that the corpus does not hold: the
    // asked year's own report may state the change; with both reports held, both are answered.
    const reference = new Set(years.filter((y) => isReferenceYear(y.text, norm.text) && !have.includes(y.year)).map((y) => y.year));
    let wanted = years.map((y) => y.year).filter((y) => !reference.has(y) || reference.size === years.length);
    if (wanted.length === 0) {
      const latest = have[have.length - 1] as number;
      wanted = [latest];
      notes.push(`问题未指明年份，按本库收录的最新一年（${latest}年）回答`);
    }
    for (const year of wanted) {
      const reports = all.filter((r) => r.year === year);
      if (reports.length === 0) {
        problems.push(`本库未收录${body.body}${year}年的报告；已收录：${have.join("、")}`);
        unanswered += clauses.length;
        continue;
      }
      // The same report indexed twice (say as a page and as a PDF): answer from the better reading.
      const [r, ...others] = [...reports].sort((a, b) => readingScore(a) - readingScore(b)) as [ReportRow, ...ReportRow[]];
      let prev: MetricAsk[] = [];
      for (const clause of clauses) {
        const got = await answerClause(store, r, clause, prev, notes, problems, others);
        prev = got.metrics.length > 0 ? got.metrics : prev;
        if (got.conflicts) copiesDiffer = true;
        if (got.facts.length === 0) unanswered++;
        facts.push(...got.facts);
      }
    }
  }
  if (facts.length === 0) return finish(q, "not_found", [], notes, problems);
  // Ambiguous when a figure asked for could not be read with certainty (never a guess in its place).
  const flat = facts.flatMap((f) => (f.derived ? f.derived.inputs : [f]));
  // Decided from the cells' stored state, never from the wording of a warning.
  const unsure = flat.some((f) => f.value === null && addressOf(f)?.state === "ambiguous");
  // A figure asked for and not found, or only blank / "/" cells: the reports do not hold the answer.
  const noFigure = facts.every((f) => f.value === null);
  const status = unsure || copiesDiffer ? "ambiguous" : unanswered > 0 || noFigure ? "not_found" : "answered";
  return finish(q, status, facts, notes, problems);
}
