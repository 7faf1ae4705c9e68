/**
 * The report pages, read through the Store port only (shared by Node and Workers):
 *
 *   GET /report/:file?t=&row=&col=[&item=]#cell  a report: its metadata, tables 二/三/四 with the
 *        template's row and column labels, the named cell wrapped in <mark id="cell">, that row's
 *        quote, the 勾稽 check results, warnings and the prose sections. The permalink of every
 *        table fact (core/answer/permalink.ts) opens here.
 *   GET /reports  what the corpus holds, by region, body and year.
 */

import { Hono } from "hono";
import type { SecureHeadersVariables } from "hono/secure-headers";
import { type CellRef, parseCellPermalink, REPORT_PATH } from "../core/answer/permalink.js";
import { cellKey } from "../core/model.js";
import type { FactRow, ReportRow, Store } from "../core/ports.js";
import { type BlockDef, blocksOf, SECTIONS, type TableId } from "../core/template.js";
import { layout, pageHeaders } from "./chat-page.js";
import { h, toHtml, type VElement, type VNode } from "./html.js";

/** The browser lists at most this many reports (the whole country is many thousands: a list, not a page, beyond this). */
export const MAX_LISTED = 5000;

const TABLE_TITLES: Record<TableId, string> = {
  二: "二、主动公开政府信息情况",
  三: "三、收到和处理政府信息公开申请情况",
  四: "四、政府信息公开行政复议、行政诉讼情况",
};

export const reportHref = (file: string): string => `${REPORT_PATH}${encodeURIComponent(file)}`;

/** The blocks to draw: the template's when the report's version is known, else the blocks its cells name. */
function blocksFor(r: ReportRow, cells: FactRow[]): BlockDef[] {
  if (r.template === "2019" || r.template === "2021") return blocksOf(r.template);
  const out = new Map<string, BlockDef>();
  for (const c of cells) {
    const k = `${c.table}|${c.item ?? ""}`;
    const b = out.get(k) ?? { table: c.table, item: c.item, title: c.item ?? "", columns: [], rows: [] };
    out.set(k, b);
    if (!b.columns.some((x) => x.id === c.colId))
      b.columns.push({ id: c.colId, label: c.column, keys: [], unit: c.unit, meaning: "", words: [] });
    if (!b.rows.some((x) => x.id === c.rowId)) b.rows.push({ id: c.rowId, label: c.row, keys: [], meaning: "", words: [] });
  }
  return [...out.values()];
}

const sameCell = (c: FactRow, at: CellRef) =>
  c.table === at.table && (c.item ?? null) === (at.item ?? null) && c.rowId === at.rowId && c.colId === at.colId;

function cellText(c: FactRow | undefined): string {
  if (!c) return "—";
  if (c.state === "ambiguous") return `${c.raw}？`;
  return c.raw.trim() === "" ? "" : c.raw;
}

function blockTable(b: BlockDef, cells: Map<string, FactRow>, at: CellRef | null): VNode | null {
  const key = (rowId: string, colId: string) => cellKey({ table: b.table, item: b.item, rowId, colId });
  if (!b.rows.some((r) => b.columns.some((c) => cells.has(key(r.id, c.id))))) return null;
  const caption = b.table === "二" ? `第二十条第${b.item}项` : TABLE_TITLES[b.table];
  return h(
    "div",
    { class: "scroll", role: "region", "aria-label": `表${b.table} ${caption}`, tabindex: "0" },
    h(
      "table",
      null,
      h("caption", null, `表${b.table} ${caption}`),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "项目"), ...b.columns.map((c) => h("th", { scope: "col" }, c.label)))),
      h(
        "tbody",
        null,
        ...b.rows
          .flatMap((r, i) => [
            // The column labels again just above a marked row far from the head: in view beside the cell #cell scrolls to.
            at &&
            i > 2 &&
            b.columns.some((c) => {
              const cell = cells.get(key(r.id, c.id));
              return cell !== undefined && sameCell(cell, at);
            })
              ? h(
                  "tr",
                  { class: "rehead" },
                  h("th", { scope: "row" }, "（列）"),
                  ...b.columns.map((c) => h("th", { scope: "col" }, c.label)),
                )
              : null,
            h(
              "tr",
              null,
              h("th", { scope: "row" }, r.label),
              ...b.columns.map((c) => {
                const cell = cells.get(key(r.id, c.id));
                const text = cellText(cell);
                if (cell && at && sameCell(cell, at))
                  return h("td", { id: "cell", class: "marked" }, h("mark", null, text === "" ? "（空白）" : text));
                return h("td", cell?.state === "ambiguous" ? { title: `多种读法：${(cell.candidates ?? []).join("、")}` } : null, text);
              }),
            ),
          ])
          .filter((x): x is VElement => x !== null),
      ),
    ),
  );
}

function meta(r: ReportRow): VElement {
  const dd = (k: string, v: VNode) => [h("dt", null, k), h("dd", null, v)];
  return h(
    "dl",
    { class: "meta" },
    ...dd("机关", r.body),
    ...dd("地区", r.regionPath ?? "未识别"),
    ...dd("年度", r.year === null ? "未识别" : `${r.year}年`),
    ...dd("发布日期", r.published ?? "未记录"),
    ...dd(
      "原文链接",
      r.url
        ? h("a", { href: r.url, rel: "noopener noreferrer", target: "_blank" }, r.url)
        : "本库未记录这份报告的原文链接，无法链接到发布机关的原页面。",
    ),
    ...dd("模板", r.template === "unknown" ? "未识别" : `${r.template}版`),
    ...dd("索引文件", r.file),
  );
}

async function reportPage(store: Store, r: ReportRow, at: CellRef | null): Promise<string> {
  const [cells, checks, passages] = await Promise.all([store.facts(r.id, {}), store.checks(r.id), store.passages(r.id)]);
  const byKey = new Map(cells.map((c) => [cellKey(c), c]));
  const marked = at ? cells.find((c) => sameCell(c, at)) : undefined;
  const markedKey = marked ? cellKey(marked) : null;
  const tables = blocksFor(r, cells)
    .map((b) => blockTable(b, byKey, at))
    .filter((x): x is VNode => x !== null);
  const failed = checks.filter((c) => !c.ok);
  const involving = markedKey ? checks.filter((c) => c.cells.includes(markedKey)) : [];
  const check = (c: (typeof checks)[number]) =>
    h(
      "li",
      { class: c.ok ? "ok" : "failed" },
      `${c.ok ? "✓ 通过" : "✗ 不符"} ${c.rule}（${c.severity === "hard" ? "硬性" : "提示"}）：${c.detail}`,
    );
  const sections = SECTIONS.map((s) => ({ s, ps: passages.filter((p) => p.section === s.id) }));
  const preface = passages.filter((p) => !SECTIONS.some((s) => s.id === p.section));
  const body: VNode[] = [
    h("h1", null, r.title),
    meta(r),
    at && !marked ? h("p", { class: "warn" }, "这份报告没有链接所指的这一格（表、行或列不在其中）。") : null,
    marked
      ? h(
          "section",
          { class: "marked-cell", "aria-label": "所引的格" },
          h("h2", null, "所引的格"),
          h(
            "p",
            null,
            h(
              "a",
              { href: "#cell" },
              `表${marked.table}${marked.item ? ` 第二十条第${marked.item}项` : ""} “${marked.row}”行 “${marked.column}”列`,
            ),
            `：${marked.raw.trim() === "" ? "空白（报告中此格未填写，不等于0）" : marked.raw}${marked.unit && marked.raw.trim() ? ` ${marked.unit}` : ""}`,
          ),
          h("p", { class: "src" }, `原文（第${marked.line}行）：`, h("q", { class: "exact" }, marked.quote)),
          marked.warnings.length ? h("ul", { class: "warnings" }, ...marked.warnings.map((w) => h("li", null, `⚠ ${w}`))) : null,
          involving.length ? h("p", null, "涉及此格的勾稽检查：") : null,
          involving.length ? h("ul", { class: "checks" }, ...involving.map(check)) : null,
        )
      : null,
    r.warnings.length
      ? h("section", null, h("h2", null, "读取时的提示"), h("ul", { class: "warnings" }, ...r.warnings.map((w) => h("li", null, `⚠ ${w}`))))
      : null,
    h("h2", null, "表格"),
    tables.length ? null : h("p", null, "这份报告的表格未能读出。"),
    ...tables,
    h(
      "section",
      null,
      h("h2", null, "勾稽检查"),
      checks.length
        ? h("p", null, `共 ${checks.length} 项，${failed.length ? `${failed.length} 项不符（报告所印数字按原样引用）` : "全部通过"}。`)
        : h("p", null, "没有可做的勾稽检查。"),
      checks.length ? h("ul", { class: "checks" }, ...[...failed, ...checks.filter((c) => c.ok)].map(check)) : null,
    ),
    h(
      "section",
      null,
      h("h2", null, "正文"),
      ...(preface.length ? [h("div", null, ...preface.map((p) => h("p", null, p.text)))] : []),
      ...sections.filter((x) => x.ps.length).flatMap((x) => [h("h3", null, x.s.title), ...x.ps.map((p) => h("p", null, p.text))]),
      passages.length ? null : h("p", null, "没有读出正文段落。"),
    ),
  ].filter((x): x is VNode => x !== null);
  return body.map(toHtml).join("\n");
}

function browser(reports: ReportRow[], total: number): string {
  const regions = new Map<string, Map<string, ReportRow[]>>();
  for (const r of reports) {
    const region = r.regionPath ?? "地区未识别";
    const bodies = regions.get(region) ?? new Map<string, ReportRow[]>();
    regions.set(region, bodies);
    const list = bodies.get(r.body) ?? [];
    bodies.set(r.body, list);
    list.push(r);
  }
  const years = new Set(reports.map((r) => r.year).filter((y): y is number => y !== null));
  const span = years.size ? `${Math.min(...years)}–${Math.max(...years)}年` : "";
  const out: VNode[] = [
    h("h1", null, "报告目录"),
    h(
      "p",
      { class: "lead" },
      `本库收录 ${total} 份报告，${[...regions.values()].reduce((n, b) => n + b.size, 0)} 个机关${span ? `，${span}` : ""}。`,
      total > reports.length ? `以下列出前 ${reports.length} 份。` : "",
    ),
  ];
  for (const [region, bodies] of [...regions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(
      h(
        "section",
        null,
        h("h2", null, region),
        h(
          "ul",
          { class: "bodies" },
          ...[...bodies].map(([body, rs]) =>
            h(
              "li",
              null,
              `${body}：`,
              ...rs
                .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
                .flatMap((r, i) => [
                  i ? " " : null,
                  h("a", { href: reportHref(r.file), title: r.title }, r.year === null ? r.file : `${r.year}年`),
                ])
                .filter((x): x is VNode => x !== null),
            ),
          ),
        ),
      ),
    );
  }
  return out.map(toHtml).join("\n");
}

export function reportPages(store: Store): Hono<{ Variables: SecureHeadersVariables }> {
  const app = new Hono<{ Variables: SecureHeadersVariables }>();
  app.use("/reports", pageHeaders());
  app.use(`${REPORT_PATH}*`, pageHeaders());
  app.get("/reports", async (c) => {
    const [list, total] = await Promise.all([store.listReports(MAX_LISTED), store.countReports()]);
    return c.html(layout(c.get("secureHeadersNonce") ?? "", "报告目录 — 政府信息公开年报问答", browser(list, total)));
  });
  app.get(`${REPORT_PATH}:file`, async (c) => {
    const nonce = c.get("secureHeadersNonce") ?? "";
    const url = new URL(c.req.url);
    const parsed = parseCellPermalink(url.pathname + url.search);
    const r = parsed ? await store.reportByFile(parsed.file) : null;
    if (!parsed || !r) {
      const body = toHtml(
        h(
          "div",
          null,
          h("h1", null, "没有这份报告"),
          h("p", null, "本库未收录这个文件名的报告。"),
          h("p", null, h("a", { href: "/reports" }, "查看本库收录的报告")),
        ),
      );
      return c.html(layout(nonce, "没有这份报告 — 政府信息公开年报问答", body), 404);
    }
    return c.html(layout(nonce, `${r.title} — 政府信息公开年报问答`, await reportPage(store, r, parsed.cell)));
  });
  return app;
}
