/**
 * The chat reply as plain text: the figure first, what the column means where it needs saying,
 * then where it stands (report, table, row, column, date, link) and the source text. Renderers
 * for Telegram and HTML start from the same Answer; this one is also the CLI's output.
 */

import { blocksOf, TEMPLATES, type TemplateVersion } from "../template.js";
import type { Answer, FactCitation } from "./answer-types.js";
import { formulaOf } from "./derive.js";

const TABLE_NAMES: Record<string, string> = {
  二: "表二“主动公开政府信息情况”",
  三: "表三“收到和处理政府信息公开申请情况”",
  四: "表四“政府信息公开行政复议、行政诉讼情况”",
};

/** The figure as a reader should see it; empty, "/" and "无" are never shown as 0. */
export function figureText(f: FactCitation): string {
  if (f.value !== null) return `${f.raw}${f.unit && !f.raw.endsWith(f.unit) ? ` ${f.unit}` : ""}`;
  if (f.warnings.some((w) => w.includes("粘连") || w.includes("无法确定"))) return "无法确定（见下方说明）";
  const raw = f.raw.trim();
  if (raw === "") return "空白——报告中此格未填写（不等于0）";
  if (raw === "无") return "“无”——报告中此格填写为“无”";
  if (/^[/／—–\-－]+$/.test(raw)) return `“${raw}”——报告中此格标为不适用（不等于0）`;
  return `“${raw}”（不是数字）`;
}

function meaning(f: FactCitation): string | null {
  if (f.table === "prose" || !f.column) return null;
  for (const v of Object.keys(TEMPLATES) as TemplateVersion[]) {
    for (const b of blocksOf(v, f.table)) {
      if (f.item !== null && b.item !== f.item) continue;
      const c = b.columns.find((x) => x.label === f.column);
      if (c && (f.table === "二" || f.table === "四")) return c.meaning;
    }
  }
  return null;
}

function where(f: FactCitation): string {
  if (f.table === "prose") return `正文${f.row.replace("（正文）", "")}`;
  const item = f.item ? `第二十条第${f.item}项 ` : "";
  return `${TABLE_NAMES[f.table]} ${item}“${f.row}”行`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** Facts of one report row together: the figure(s), their meaning, the citation and the quote. */
/** Marks around a figure line while rendering (stripped again; see renderFactsRich). */
const OPEN = "\u0001";
const CLOSE = "\u0002";
type Mark = (line: string) => string;
const plain: Mark = (l) => l;

function renderFacts(facts: FactCitation[], out: string[], mark: Mark = plain): void {
  const groups = new Map<string, FactCitation[]>();
  for (const f of facts) {
    if (f.derived) {
      // A calculated figure: the result with its formula, then every input with its own citation.
      const col = f.column && f.column !== "总计" ? `·${f.column}` : "";
      out.push(mark(`${f.body}${f.year}年 “${f.row}”${col}：${figureText(f)}`));
      out.push(`计算得出：${formulaOf(f)}，报告未单列此数；各项出处如下`);
      out.push("");
      renderFacts(f.derived.inputs, out, mark);
      continue;
    }
    const k = `${f.report.file}|${f.table}|${f.item}|${f.row}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const fs of groups.values()) {
    const f0 = fs[0] as FactCitation;
    const rowName = f0.row.replace(/^[一二三四]、|（[一二三四五六七]）|^\d\./g, "");
    const head = `${f0.body}${f0.year}年 ${f0.table === "prose" ? "" : `“${rowName === "总计" ? "办理结果总计" : rowName}”`}`;
    if (fs.length === 1 && f0.table === "prose") out.push(mark(`${f0.body}${f0.year}年：${figureText(f0)}`));
    else if (fs.length === 1) out.push(mark(`${head}${f0.column ? `·${f0.column}` : ""}：${figureText(f0)}`));
    else {
      out.push(mark(`${head}：`));
      for (const f of fs) out.push(mark(`· ${f.column ?? f.row}：${figureText(f)}`));
    }
    for (const f of fs) {
      const m = meaning(f);
      if (m) out.push(`  （${f.column}：${m}）`);
    }
    const date = f0.report.published ? `，发布日期 ${f0.report.published}` : "";
    const link = f0.report.url ? `\n链接：${f0.report.url}` : "";
    out.push(`出处：《${f0.report.title}》${where(f0)}${date}${link}`);
    out.push(`原文：${oneLine(f0.quote)}`);
    const warns = [...new Set(fs.flatMap((f) => f.warnings))];
    for (const w of warns) out.push(`⚠ ${w}`);
    out.push("");
  }
}

/** Lines as the reply joins them: blank runs collapsed to one blank line, trimmed. */
function joined(out: string[]): string {
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** `head`: lines before the facts (a series' figures in one line and its text chart, a ranking's order). */
export function renderReply(a: Answer, lines: string[], head: string[] = []): string {
  const out: string[] = [...head];
  renderFacts(a.facts, out);
  for (const l of lines) out.push(l);
  for (const n of a.notes) out.push(`说明：${n}`);
  return joined(out);
}

/**
 * The facts' part of the reply (what renderReply starts with) and where its figure lines stand,
 * in UTF-16 units: the faces that emphasise figures (Telegram entities, the page) take the places
 * from the structure they were rendered from, never by searching the reply's wording.
 */
export function renderFactsRich(facts: FactCitation[]): { text: string; figures: { offset: number; length: number }[] } {
  const out: string[] = [];
  renderFacts(facts, out, (l) => `${OPEN}${l}${CLOSE}`);
  const marked = joined(out);
  const figures: { offset: number; length: number }[] = [];
  let text = "";
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0 && text.length > open) figures.push({ offset: open, length: text.length - open });
      open = -1;
    } else text += ch;
  }
  return { text, figures };
}
