/**
 * The answer card: one pure function from an Answer to a VNode tree (html.ts), rendered by the
 * server for GET /?q=… and by the chat page's script from /api/ask?format=card, so both show the
 * same card. The figure comes first and large with its meaning in one line; the quoted cells sit
 * under their column headers; warnings are visible; each citation links to its cell in its table
 * (the permalink) and to the original page when one was recorded.
 */

import type { Answer, FactCitation } from "../core/answer/answer-types.js";
import { formulaOf } from "../core/answer/derive.js";
import { TEMPLATES } from "../core/template.js";
import { h, type VElement, type VNode } from "./html.js";

/** Large figures shown at the top of a card; the rest of the facts are in its cell tables. */
const MAX_FIGURES = 4;

export function askLinks(question: string): { page: string; json: string; csv: string } {
  const q = encodeURIComponent(question);
  return { page: `/?q=${q}`, json: `/api/ask?q=${q}`, csv: `/api/ask?q=${q}&format=csv` };
}

/** The template's plain-words meaning of a fact's column (or row, for one-column blocks). */
export function meaningOf(f: FactCitation): string | null {
  if (f.table === "prose") return null;
  for (const t of Object.values(TEMPLATES))
    for (const b of t.blocks) {
      if (b.table !== f.table || (b.item ?? null) !== (f.item ?? null)) continue;
      const row = b.rows.find((r) => r.label === f.row);
      const col = b.columns.find((c) => c.label === f.column);
      if (row && col) return b.columns.length === 1 ? row.meaning : col.meaning;
    }
  return null;
}

/** A quote's line breaks as spaces, as the text reply shows it (the report view keeps them). */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, " ").trim();

const tableName = (f: FactCitation): string => (f.table === "prose" ? "正文" : `表${f.table}${f.item ? ` 第二十条第${f.item}项` : ""}`);

/** What a fact is, in one line: body, year, row, column. */
export function factLabel(f: FactCitation): string {
  const where = f.table === "prose" ? f.row : `${f.row}${f.column && f.column !== f.row ? ` · ${f.column}` : ""}`;
  return `${f.body} ${f.year}年 · ${where}`;
}

function figureText(f: FactCitation): string {
  if (f.value === null && f.raw.trim() === "") return "空白";
  return f.raw.trim() === "" ? String(f.value) : f.raw;
}

function figure(f: FactCitation): VElement {
  const meaning = meaningOf(f);
  const blank = f.value === null && f.raw.trim() === "";
  return h(
    "div",
    { class: "fig" },
    h("p", { class: "num" }, h("span", { class: "value" }, figureText(f)), f.unit && !blank ? h("span", { class: "unit" }, f.unit) : null),
    h("p", { class: "what" }, factLabel(f)),
    blank ? h("p", { class: "meaning" }, "报告中此格未填写（不等于0）") : null,
    meaning ? h("p", { class: "meaning" }, meaning) : null,
    f.derived ? h("p", { class: "formula" }, `计算：${formulaOf(f)}（报告未直接公布，由下列引用的数字算出）`) : null,
  );
}

/** The facts an answer cites from tables, grouped by the printed row they come from. */
function rowGroups(facts: FactCitation[]): FactCitation[][] {
  const groups = new Map<string, FactCitation[]>();
  for (const f of facts) {
    const key = `${f.report.file}|${f.table}|${f.item ?? ""}|${f.row}|${f.table === "prose" ? f.quote : ""}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}

function cellsTable(g: FactCitation[]): VNode {
  const f = g[0] as FactCitation;
  if (f.table === "prose")
    return h("figure", { class: "quote" }, h("figcaption", null, `《${f.report.title}》正文`), h("blockquote", null, oneLine(f.quote)));
  return h(
    "figure",
    { class: "quote" },
    h("figcaption", null, `${f.body} ${f.year}年 ${tableName(f)} “${f.row}”行`),
    h(
      "table",
      { class: "cells" },
      h("thead", null, h("tr", null, ...g.map((x) => h("th", { scope: "col" }, x.column ?? "")))),
      h("tbody", null, h("tr", null, ...g.map((x) => h("td", null, x.raw.trim() === "" ? "空白" : x.raw)))),
    ),
    f.quote ? h("p", { class: "src" }, "原文：", h("q", null, oneLine(f.quote))) : null,
  );
}

function citation(f: FactCitation): VElement {
  const where = f.table === "prose" ? "正文" : `${tableName(f)} “${f.row}”行${f.column ? `“${f.column}”列` : ""}`;
  const title = `《${f.report.title}》${where}`;
  return h(
    "li",
    null,
    f.permalink ? h("a", { href: f.permalink }, title) : title,
    f.report.published ? `，发布日期 ${f.report.published}` : "，发布日期未记录",
    "，",
    f.report.url
      ? h("a", { href: f.report.url, rel: "noopener noreferrer", target: "_blank" }, "原文页面")
      : h("span", { class: "nolink" }, "未记录原文链接"),
  );
}

export interface ChartPoint {
  label: string;
  value: number | null;
  text: string;
}

/** The facts as a chart's points when they are a series (one cell over years) or a ranking (one cell across bodies). */
export function chartShape(facts: FactCitation[]): { kind: "series" | "ranking"; title: string; points: ChartPoint[] } | null {
  const fs = facts.filter((f) => !f.derived && f.table !== "prose");
  if (fs.length < 2 || fs.length !== facts.length) return null;
  const key = (f: FactCitation) => `${f.table}|${f.item ?? ""}|${f.row}|${f.column ?? ""}`;
  const first = fs[0] as FactCitation;
  if (!fs.every((f) => key(f) === key(first))) return null;
  if (!fs.some((f) => f.value !== null)) return null;
  const years = new Set(fs.map((f) => f.year));
  const bodies = new Set(fs.map((f) => f.body));
  const point = (label: string, f: FactCitation): ChartPoint => ({ label, value: f.value, text: figureText(f) });
  const what = `${first.row}${first.column && first.column !== first.row ? ` · ${first.column}` : ""}`;
  if (bodies.size === 1 && years.size === fs.length)
    return {
      kind: "series",
      title: `${first.body} ${what}（逐年）`,
      points: [...fs].sort((a, b) => a.year - b.year).map((f) => point(`${f.year}年`, f)),
    };
  if (years.size === 1 && bodies.size === fs.length)
    return { kind: "ranking", title: `${first.year}年 ${what}（各机关）`, points: fs.map((f) => point(f.body, f)) };
  return null;
}

/**
 * A bar chart as SVG (pure; the same markup on the server and in the browser): each point is a
 * label line with its bar and value under it, so long body names fit a phone's width.
 */
export function barChart(title: string, points: ChartPoint[]): VElement {
  const width = 360;
  const rowH = 42;
  const barMax = width - 70;
  const max = Math.max(1, ...points.map((p) => Math.abs(p.value ?? 0)));
  const height = 8 + rowH * points.length;
  return h(
    "svg",
    { class: "chart", role: "img", viewBox: `0 0 ${width} ${height}`, "aria-label": title },
    h("title", null, title),
    ...points.map((p, i) => {
      const y = 4 + i * rowH;
      const w = p.value === null ? 0 : Math.max(2, Math.round((Math.abs(p.value) / max) * barMax));
      return h(
        "g",
        null,
        h("title", null, `${p.label}：${p.text}`),
        h("text", { x: "0", y: String(y + 14), class: "lbl" }, p.label),
        h("rect", { x: "0", y: String(y + 20), width: String(w), height: "16", class: p.value !== null && p.value < 0 ? "neg" : "bar" }),
        h("text", { x: String(w + 6), y: String(y + 33), class: "val" }, p.text),
      );
    }),
  );
}

/** The whole card of an answer. */
export function answerCard(a: Answer): VElement {
  const links = askLinks(a.question);
  const shown = a.facts;
  const chart = chartShape(shown);
  const cited = shown.flatMap((f) => (f.derived ? f.derived.inputs : [f]));
  const seen = new Set<string>();
  const cites = cited.filter((f) => {
    const k = f.permalink ?? `${f.report.file}|${f.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const warnings = [...new Set(cited.flatMap((f) => f.warnings).concat(shown.flatMap((f) => (f.derived ? f.warnings : []))))];
  return h(
    "article",
    { class: `msg bot card ${a.status}`, "data-status": a.status },
    shown.length ? h("div", { class: "figs" }, ...shown.slice(0, MAX_FIGURES).map(figure)) : h("p", { class: "reply" }, a.reply),
    shown.length > MAX_FIGURES ? h("p", { class: "more" }, `共 ${shown.length} 个数字，见下表`) : null,
    chart ? barChart(chart.title, chart.points) : null,
    a.status === "ambiguous" ? h("p", { class: "warn" }, "⚠ 此数字有多种读法，报告原文无法确定，见下方文字说明") : null,
    ...rowGroups(cited).map(cellsTable),
    warnings.length ? h("ul", { class: "warnings", "aria-label": "注意" }, ...warnings.map((w) => h("li", null, `⚠ ${w}`))) : null,
    cites.length ? h("div", { class: "cites" }, h("p", { class: "h" }, "出处"), h("ul", null, ...cites.map(citation))) : null,
    a.notes.length ? h("ul", { class: "notes" }, ...a.notes.map((n) => h("li", null, n))) : null,
    shown.length ? h("details", null, h("summary", null, "文字版回答"), h("p", { class: "reply" }, a.reply)) : null,
    a.question.trim()
      ? h(
          "p",
          { class: "links" },
          h("a", { href: links.page }, "本答案的链接"),
          " · ",
          h("a", { href: links.json }, "JSON"),
          " · ",
          h("a", { href: links.csv, download: "answer.csv" }, "CSV（表格）"),
        )
      : null,
  );
}
