/**
 * Comparisons (design.md § Series and rankings): one body over several years, the change between
 * two years, and the bodies of a place ranked or totalled. Every figure is one report's own cited
 * fact, read by the same code as a single-figure answer; a change or a total is a derived fact
 * whose inputs are those facts. Figures are compared only cell for cell: the same table, row and
 * column of the template (a 2019 上一年项目数量 is never set against a 2021 本年处理决定数量), and
 * never from the prose (two sentences in two reports need not mean the same thing).
 */

import type { BodyRow, FactRow, ReportRow, Store } from "../ports.js";
import { aliasCandidates } from "../question/find-body.js";
import { findBodies } from "../question/find-body-hits.js";
import type { Comparison } from "../question/find-comparison.js";
import { findMetrics } from "../question/find-metric.js";
import { findYears, type YearMention } from "../question/find-year.js";
import { type Answer, addressOf, type FactCitation } from "./answer-types.js";
import { differenceOf, ratioOf, sumAcross } from "./derive.js";
import { figureText } from "./render-text.js";
import { bar, sparkline } from "./text-chart.js";

export interface CompareDeps {
  store: Store;
  now: Date;
  /** One report's figures for a clause, as a single-figure answer reads them. */
  figures(r: ReportRow, clause: string, notes: string[], problems: string[]): Promise<FactCitation[]>;
  /** The best reading among copies of one report (same body and year). */
  best(reports: ReportRow[]): ReportRow;
  finish(status: Answer["status"], facts: FactCitation[], notes: string[], lines: string[], head?: string[]): Answer;
}

/** What a fact is, cell for cell, across reports: table, item, row and column ids (a sum: its inputs'). */
function keyOf(f: FactCitation): string | null {
  if (f.derived) {
    const keys = f.derived.inputs.map(keyOf);
    return keys.every((k) => k !== null) ? `${f.derived.op}(${keys.join("+")})` : null;
  }
  const at = addressOf(f);
  return at ? `${at.table}|${at.item ?? ""}|${at.rowId}|${at.colId}` : null;
}

function label(f: FactCitation): string {
  const row = f.row.replace(/^[一二三四]、|（[一二三四五六七]）|^\d\./g, "");
  return `“${row}”${f.column && f.column !== "总计" ? `·${f.column}` : ""}`;
}

/** A figure in a one-line summary: the number, or in a word what the cell holds instead (never 0). */
function figure(f: FactCitation): string {
  if (f.value !== null) return figureText(f);
  if (addressOf(f)?.state === "ambiguous") return "无法确定";
  return f.raw.trim() === "" ? "空白" : `“${f.raw.trim()}”`;
}

/** The figures of one report, table facts only; a prose-only answer is noted. */
async function tableFigures(deps: CompareDeps, r: ReportRow, clause: string, notes: string[], problems: string[]): Promise<FactCitation[]> {
  const facts = await deps.figures(r, clause, notes, problems);
  const table = facts.filter((f) => keyOf(f) !== null);
  if (facts.length > 0 && table.length === 0)
    problems.push(`${r.body}${r.year}年的这个数字只在报告正文中，正文数字不做跨年或跨机关比较（两份报告的句子未必指同一件事）`);
  return table;
}

/** The reply when a comparison names no table figure: ask which one, or say why a prose figure is not compared. */
function noMetric(clause: string, whose: string): string {
  const words = clause.replace(/多少|几|是|有|的|了|吗|呢|年度?|情况|数据|数字|报告|[件条篇项次个场]|[\s，。？?！!、]/g, "");
  if (/[\u4e00-\u9fff]{2,}/.test(words))
    return `“${words}”不是统一表格中的一项：比较只在表格的同一格之间进行（正文中的数字不做跨年或跨机关比较），请逐年分别提问`;
  return `请说明要比较${whose}的哪一项数字，例如：行政复议、收到多少申请、行政处罚`;
}

function strip(text: string, aliases: string[]): string {
  let t = text;
  for (const a of aliases) t = t.split(a).join(" ".repeat(a.length));
  return t;
}

/** The keys every figure set has, in the first set's order. */
function commonKeys(sets: FactCitation[][]): string[] {
  const [first, ...others] = sets;
  if (!first) return [];
  const keys = [...new Set(first.map((f) => keyOf(f) as string))];
  return keys.filter((k) => others.every((s) => s.some((f) => keyOf(f) === k)));
}

/** Why two years' figures cannot be set side by side: what each year's report has. */
function templateChange(per: { year: number; r: ReportRow; facts: FactCitation[] }[]): string {
  const parts = per.map((p) => `${p.year}年报告（${p.r.template}版模板）为${[...new Set(p.facts.map(label))].join("、")}`);
  return `${parts.join("；")}：两版模板的这些栏目含义不同，不能相减或并列比较（2019版“上一年项目数量”是事项种类数，2021版“本年处理决定数量”是办件量）`;
}

// ---------- cross-year checks (report-format.md §6.4), as warnings with their figures ----------

function cellText(c: FactRow): string {
  return c.state === "number" ? c.raw : c.raw.trim() === "" ? "空白" : `“${c.raw}”`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** X-1 (结转) and X-3 (2019 template 事项数), between two consecutive years of one body. */
async function crossYear(store: Store, prev: ReportRow, next: ReportRow): Promise<string[]> {
  const out: string[] = [];
  const [a3, b3] = await Promise.all([
    store.facts(prev.id, { table: "三", rowIds: ["carried_out"], colIds: ["tot"] }),
    store.facts(next.id, { table: "三", rowIds: ["carried_in"], colIds: ["tot"] }),
  ]);
  const out3 = a3[0];
  const in3 = b3[0];
  if (out3 && in3 && out3.state === "number" && in3.state === "number" && out3.value !== in3.value)
    out.push(
      `跨年核对：${prev.year}年报告“结转下年度继续办理”总计为 ${cellText(out3)}，${next.year}年报告“上年结转”总计为 ${cellText(in3)}，两者应相等而不符（原文：${oneLine(out3.quote)}；${oneLine(in3.quote)}）`,
    );
  if (prev.template === "2019" && next.template === "2019" && next.year === (prev.year as number) + 1) {
    const rows = ["license", "penalty", "coercion", "fees"];
    const [a2, b2] = await Promise.all([
      store.facts(prev.id, { table: "二", rowIds: rows, colIds: ["prev_items", "change"] }),
      store.facts(next.id, { table: "二", rowIds: rows, colIds: ["prev_items"] }),
    ]);
    for (const id of rows) {
      const p = a2.find((c) => c.rowId === id && c.colId === "prev_items");
      const d = a2.find((c) => c.rowId === id && c.colId === "change");
      const n = b2.find((c) => c.rowId === id && c.colId === "prev_items");
      if (!p || !d || !n || p.state !== "number" || d.state !== "number" || n.state !== "number") continue;
      if ((p.value as number) + (d.value as number) === n.value) continue;
      out.push(
        `跨年核对：${prev.year}年报告“${p.row}”上一年项目数量 ${p.raw} 加本年增/减 ${d.raw}，应等于${next.year}年报告的上一年项目数量 ${n.raw}，两者不符（原文：${oneLine(p.quote)}；${oneLine(n.quote)}）`,
      );
    }
  }
  return out;
}

// ---------- one body over years ----------

async function oneBody(deps: CompareDeps, text: string, years: YearMention[]) {
  const found = await findBodies(
    deps.store,
    text,
    years.map((y) => y.year),
  );
  if (found.kind !== "ok" || found.bodies.length !== 1) return null;
  const body = found.bodies[0] as (typeof found.bodies)[0];
  const all = (await deps.store.reportsOfBody(body.bodyKey)).filter((r) => r.year !== null);
  return { body, notes: found.notes, all, clause: strip(text, [body.alias]) };
}

async function series(deps: CompareDeps, c: Extract<Comparison, { kind: "series" }>, text: string, years: YearMention[], notes: string[]) {
  const one = await oneBody(deps, text, years);
  if (!one) return null;
  notes.push(...one.notes);
  const { body, all, clause } = one;
  const have = [...new Set(all.map((r) => r.year as number))].sort((a, b) => a - b);
  if (findMetrics(clause).length === 0) return deps.finish("not_found", [], notes, [noMetric(clause, `${body.body}历年`)]);
  const latest = have[have.length - 1] as number;
  let wanted: number[];
  if (c.from !== null && c.to !== null) wanted = Array.from({ length: c.to - c.from + 1 }, (_, i) => (c.from as number) + i);
  else if (c.last !== null) {
    const n = c.last;
    wanted = Array.from({ length: n }, (_, i) => latest - n + 1 + i);
  } else if (years.length >= 2) wanted = years.map((y) => y.year).sort((a, b) => a - b);
  else wanted = have;
  if (c.last !== null) notes.push(`“近${c.last}年”按本库收录的${body.body}最新一年（${latest}年）往前数：${wanted[0]}—${latest}年`);
  const missing = wanted.filter((y) => !have.includes(y));
  const problems: string[] = [];
  const per: { year: number; r: ReportRow; facts: FactCitation[] }[] = [];
  for (const year of wanted.filter((y) => have.includes(y))) {
    const r = deps.best(all.filter((x) => x.year === year));
    const facts = await tableFigures(deps, r, clause, notes, problems);
    if (facts.length > 0) per.push({ year, r, facts });
  }
  if (missing.length > 0) notes.push(`未收录：${body.body}${missing.map((y) => `${y}年`).join("、")}的报告（已收录：${have.join("、")}）`);
  for (const p of problems) notes.push(p);
  if (per.length === 0) return deps.finish("not_found", [], notes, [`没有读到${body.body}这些年份的这个数字`]);
  const keys = commonKeys(per.map((p) => p.facts));
  if (keys.length === 0) return deps.finish("not_found", [], notes, [`无法比较${body.body}历年的这个数字：${templateChange(per)}`]);
  for (const p of per) {
    const dropped = p.facts.filter((f) => !keys.includes(keyOf(f) as string));
    if (dropped.length > 0)
      notes.push(
        `${p.year}年报告（${p.r.template}版模板）的${[...new Set(dropped.map(label))].join("、")}在其他年份的模板中没有含义相同的栏目，未列入`,
      );
  }
  // Consecutive years: the cross-year checks, on the later year's figures.
  for (let i = 1; i < per.length; i++) {
    const a = per[i - 1] as (typeof per)[0];
    const b = per[i] as (typeof per)[0];
    if (b.year !== a.year + 1) continue;
    const warns = await crossYear(deps.store, a.r, b.r);
    for (const f of b.facts) for (const w of warns) if (!f.warnings.includes(w)) f.warnings.push(w);
  }
  const facts: FactCitation[] = [];
  const head: string[] = [];
  for (const k of keys) {
    const row = per.map((p) => p.facts.find((f) => keyOf(f) === k) as FactCitation);
    facts.push(...row);
    const f0 = row[0] as FactCitation;
    head.push(`${body.body}${label(f0)}历年：${row.map((f) => `${f.year}年 ${figure(f)}`).join(" · ")}`);
    head.push(`走势（${row.map((f) => f.year).join("→")}）：${sparkline(row.map((f) => f.value))}`);
  }
  head.push("");
  return deps.finish(statusOf(facts), facts, notes, [], head);
}

function statusOf(facts: FactCitation[]): Answer["status"] {
  const flat = facts.flatMap((f) => (f.derived ? f.derived.inputs.flatMap((x) => (x.derived ? x.derived.inputs : [x])) : [f]));
  if (flat.some((f) => f.value === null && addressOf(f)?.state === "ambiguous")) return "ambiguous";
  return facts.every((f) => f.value === null) ? "not_found" : "answered";
}

// ---------- change between two years ----------

async function change(deps: CompareDeps, c: Extract<Comparison, { kind: "change" }>, text: string, years: YearMention[], notes: string[]) {
  const one = await oneBody(deps, text, years);
  if (!one) return null;
  const { body, all, clause } = one;
  const have = [...new Set(all.map((r) => r.year as number))].sort((a, b) => a - b);
  const fixed = years.filter((y) => !y.relative).map((y) => y.year);
  let pair: number[];
  const relNotes: string[] = [];
  if (fixed.length >= 2) pair = fixed.slice(0, 2);
  else if (fixed.length === 1) {
    // "2023年比去年": 去年 is the year before the year asked about, not before today.
    pair = [fixed[0] as number, (fixed[0] as number) - 1];
    if (years.some((y) => y.relative)) relNotes.push(`“${years.find((y) => y.relative)?.text}”按问题所问年份的前一年理解为${pair[1]}年`);
  } else if (years.length >= 1) {
    const y = years[0] as YearMention;
    pair = years.length >= 2 ? years.slice(0, 2).map((x) => x.year) : [y.year, y.year - 1];
  } else {
    const latest = have[have.length - 1] as number;
    pair = [latest, latest - 1];
    relNotes.push(`问题未指明年份，按本库收录的最新一年（${latest}年）与上一年比较`);
  }
  const [earlier, later] = [Math.min(...pair), Math.max(...pair)] as [number, number];
  // A year the corpus lacks: the asked year's own report may state the change in its prose.
  if (earlier === later || !have.includes(earlier) || !have.includes(later)) return null;
  if (findMetrics(clause).length === 0) return null;
  notes.push(...one.notes, ...relNotes);
  const problems: string[] = [];
  const per: { year: number; r: ReportRow; facts: FactCitation[] }[] = [];
  for (const year of [earlier, later]) {
    const r = deps.best(all.filter((x) => x.year === year));
    per.push({ year, r, facts: await tableFigures(deps, r, clause, notes, problems) });
  }
  for (const p of problems) notes.push(p);
  if (per.some((p) => p.facts.length === 0))
    return deps.finish("not_found", [], notes, [`没有读到${body.body}${earlier}年和${later}年都有的这个数字，无法比较`]);
  const keys = commonKeys(per.map((p) => p.facts));
  if (keys.length === 0)
    return deps.finish("not_found", [], notes, [`无法比较${body.body}${later}年与${earlier}年：${templateChange(per)}`]);
  const [a, b] = per as [(typeof per)[0], (typeof per)[0]];
  const warns = later === earlier + 1 ? await crossYear(deps.store, a.r, b.r) : [];
  const facts: FactCitation[] = [];
  const lines: string[] = [];
  for (const k of keys) {
    const e = a.facts.find((f) => keyOf(f) === k) as FactCitation;
    const l = b.facts.find((f) => keyOf(f) === k) as FactCitation;
    const name = `${label(l).replace(/^“|”.*$/g, "")}（${later}年比${earlier}年增减）`;
    const diff = differenceOf(l, e, name);
    if (!diff) {
      lines.push(
        `无法计算${label(l)}的变化：${earlier}年为${figureText(e)}，${later}年为${figureText(l)}，只有两年都是报告所填的数字才相减`,
      );
      facts.push(e, l);
      continue;
    }
    diff.warnings.push(...warns);
    if (c.ratio) {
      const ratio = ratioOf(diff, e, `${label(l).replace(/^“|”.*$/g, "")}（${later}年比${earlier}年增长率）`);
      if (ratio) {
        facts.push(ratio);
        continue;
      }
      lines.push(`${earlier}年的数字为 0，无法计算增长率，只给出增减`);
    }
    facts.push(diff);
  }
  const status = facts.some((f) => f.derived) ? statusOf(facts) : "not_found";
  return deps.finish(status, facts, notes, lines);
}

// ---------- the bodies of a place ----------

function organOf(b: BodyRow): string {
  return b.bodyKey.slice(b.bodyKey.indexOf("|") + 1);
}

/** The place a question names and its bodies: the longest name that is a place of the gazetteer or the shared start of bodies' names. */
async function placeOf(store: Store, text: string): Promise<{ name: string; alias: string; bodies: BodyRow[] } | null> {
  const hits = await store.findAliases(aliasCandidates(text));
  const aliases = [...new Set(hits.map((h) => h.alias))].sort((a, b) => b.length - a.length);
  for (const alias of aliases) {
    const mine = hits.filter((h) => h.alias === alias);
    const places = [...new Set([alias, ...mine.filter((h) => h.bodyKey === "" && h.note).map((h) => h.note as string)])];
    const seen = new Map<string, BodyRow>();
    for (const p of places) for (const b of await store.bodiesIn(p)) seen.set(b.bodyKey, b);
    // An organ's own name (公安局) shared by bodies of several places is not a place.
    if (seen.size === 0 || mine.every((h) => h.bodyKey !== "" && h.weight >= 3 && !seen.has(h.bodyKey))) continue;
    // As the bodies print it ("某某综合实验区" rather than the gazetteer's county), else the gazetteer's name.
    const names = [...seen.values()].map((b) => b.body);
    let common = names[0] ?? "";
    for (const n of names) while (!n.startsWith(common)) common = common.slice(0, -1);
    const printed = /^(.*[省市县区州盟旗])/.exec(common)?.[1] ?? "";
    const name = printed.startsWith(alias) && names.length > 1 ? printed : (mine.find((h) => h.bodyKey === "" && h.note)?.note ?? alias);
    return { name, alias, bodies: [...seen.values()] };
  }
  return null;
}

async function ranking(
  deps: CompareDeps,
  c: Extract<Comparison, { kind: "ranking" }>,
  text: string,
  years: YearMention[],
  notes: string[],
) {
  const place = await placeOf(deps.store, text);
  if (!place) return deps.finish("not_found", [], notes, ["请指明地区，例如“某某县各部门2023年收到申请排名”"]);
  const clause = strip(text, [place.alias]);
  if (findMetrics(clause).length === 0) return deps.finish("not_found", [], notes, [noMetric(clause, `${place.name}各机关`)]);
  // The place's own report (a county government's consolidated report) is never one of its parts.
  const own = place.bodies.filter((b) => organOf(b) === "" && (b.body.startsWith(place.alias) || b.body.startsWith(place.name)));
  const departments = place.bodies.filter((b) => organOf(b) !== "");
  const subPlaces = place.bodies.filter((b) => organOf(b) === "" && !own.includes(b));
  const scope = c.scope === "any" ? (departments.length > 0 ? "departments" : "places") : c.scope;
  const members = scope === "departments" ? departments : subPlaces;
  const kind = scope === "departments" ? "各部门" : "各区县";
  if (own.length > 0) notes.push(`${own.map((b) => b.body).join("、")}本级的报告（汇总报告）不计入${place.name}${kind}`);
  if (members.length === 0) return deps.finish("not_found", [], notes, [`本库未收录${place.name}${kind}的报告`]);
  const reports = new Map<string, ReportRow[]>();
  for (const b of members)
    reports.set(
      b.bodyKey,
      (await deps.store.reportsOfBody(b.bodyKey)).filter((r) => r.year !== null),
    );
  let year = years[0]?.year ?? null;
  if (year === null) {
    year = Math.max(...[...reports.values()].flatMap((rs) => rs.map((r) => r.year as number)));
    notes.push(`问题未指明年份，按本库收录的${place.name}${kind}最新一年（${year}年）比较`);
  }
  const problems: string[] = [];
  const got: { b: BodyRow; facts: FactCitation[] }[] = [];
  const lacking: string[] = [];
  for (const b of members) {
    const rs = (reports.get(b.bodyKey) ?? []).filter((r) => r.year === year);
    if (rs.length === 0) {
      lacking.push(b.body);
      continue;
    }
    const facts = await tableFigures(deps, deps.best(rs), clause, notes, problems);
    if (facts.length > 0) got.push({ b, facts });
  }
  if (lacking.length > 0) notes.push(`未收录：${lacking.join("、")}${year}年的报告`);
  for (const p of problems) notes.push(p);
  if (got.length === 0) return deps.finish("not_found", [], notes, [`本库没有${place.name}${kind}${year}年的这个数字`]);
  const keys = commonKeys(got.map((g) => g.facts));
  if (keys.length === 0)
    return deps.finish("not_found", [], notes, [`${place.name}${kind}${year}年的报告中这个数字的栏目不一致，无法比较`]);
  // A row of several columns (2019's 上一年项目数量 | 本年增/减 | 处理决定数量): ranked by its last, the
  // template's count or total column; the others are named.
  const key = keys[keys.length - 1] as string;
  const row = got.map((g) => g.facts.find((f) => keyOf(f) === key) as FactCitation);
  const f0 = row[0] as FactCitation;
  if (keys.length > 1) {
    const others = keys.slice(0, -1).map((k) => label(got[0]?.facts.find((f) => keyOf(f) === k) as FactCitation));
    notes.push(`按${label(f0)}比较；该行的${others.join("、")}未参与比较`);
  }
  if (c.total) {
    const sum = sumAcross(
      row,
      place.name,
      `${label(f0).replace(/^“|”.*$/g, "")}（${place.name}${kind}合计：${row.map((f) => f.body).join("、")}）`,
    );
    if (!sum)
      return deps.finish("not_found", [], notes, [
        `无法合计：${row
          .filter((f) => f.value === null)
          .map((f) => `${f.body}为${figureText(f)}`)
          .join("；")}，只有各机关都填了数字才相加`,
      ]);
    sum.year = year;
    return deps.finish("answered", [sum], notes, []);
  }
  const sign = c.order === "asc" ? 1 : -1;
  const ordered = [...row].sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : sign * (a.value - b.value)));
  const shown = c.top !== null ? ordered.slice(0, c.top) : ordered;
  if (shown.length < ordered.length) notes.push(`只列出前${c.top}名，另有${ordered.length - shown.length}个机关未列出`);
  const max = Math.max(0, ...shown.map((f) => f.value ?? 0));
  const head = [`${place.name}${kind}${year}年${label(f0)}${c.order === "asc" ? "由少到多" : "由多到少"}：`];
  shown.forEach((f, i) => {
    head.push(`${i + 1}. ${f.body} ${figure(f)} ${bar(f.value, max)}`.trimEnd());
  });
  head.push("");
  return deps.finish(statusOf(shown), shown, notes, [], head);
}

/**
 * The answer to a comparison, or null when the question is better answered the ordinary way
 * (a body the comparison cannot settle, a year the corpus lacks whose change the prose may state).
 */
export async function askComparison(c: Comparison, text: string, notes: string[], deps: CompareDeps): Promise<Answer | null> {
  const { years, rest } = findYears(text, deps.now);
  const mine = [...notes];
  if (c.kind !== "change") for (const y of years.filter((y) => y.relative)) mine.push(`“${y.text}”按当前日期理解为${y.year}年`);
  if (c.kind === "series") return series(deps, c, rest, years, mine);
  if (c.kind === "change") return change(deps, c, rest, years, mine);
  return ranking(deps, c, rest, years, mine);
}
