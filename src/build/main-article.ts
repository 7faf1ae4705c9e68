/**
 * The report out of a whole web page: the smallest element that holds the report's title and all
 * its data tables, with navigation, page headers/footers, scripts and forms dropped; plus the
 * title, publication date and publisher the page states (CMS meta tags such as PubDate and
 * ContentSource, else the "发布日期：" / "来源：" lines).
 */

import type { AnyNode, Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { htmlToLines } from "../core/parse/html.js";
import { findPublished, findTitle } from "../core/parse/metadata.js";

export interface Article {
  /** A small UTF-8 HTML document holding the report. */
  html: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
}

const NOISE_TAGS = new Set([
  "nav",
  "header",
  "footer",
  "aside",
  "script",
  "style",
  "noscript",
  "iframe",
  "form",
  "button",
  "select",
  "link",
]);
const NOISE_NAME =
  /(^|[\s_-])(nav|navbar|menu|header|head|top|footer|foot|bottom|breadcrumb|crumb|position|share|sidebar|side|toolbar|login|search|copyright|links?|friendlink)([\s_\d-]|$)/i;
/** CMS meta tag names, most specific first. */
const PUBLISHED_META = [
  "pubdate",
  "publishdate",
  "firstpublishedtime",
  "articlepubdate",
  "article:published_time",
  "publish_date",
  "dc.date",
];
const PUBLISHER_META = ["contentsource", "source", "sitename", "og:site_name"];

const isTag = (n: AnyNode): n is Element => n.type === "tag";
const text = (n: AnyNode) => DomUtils.textContent(n).replace(/\s+/g, "");

/** Words only the report's own tables print (a footer's contact table has digits too). */
const TABLE_WORDS = [
  "第二十条",
  "信息内容",
  "规章",
  "行政许可",
  "行政处罚",
  "自然人",
  "申请人情况",
  "本年新收",
  "行政复议",
  "行政诉讼",
  "结果维持",
];

function isDataTable(el: Element): boolean {
  if (el.name !== "table" || DomUtils.findOne((x) => x.name === "table", el.children)) return false;
  const cells = DomUtils.findAll((x) => x.name === "td" || x.name === "th", el.children);
  const t = text(el);
  return cells.length >= 2 && /\d/.test(t) && TABLE_WORDS.some((w) => t.includes(w));
}

function ancestors(n: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (let p: AnyNode | null = n; p; p = p.parent) out.unshift(p);
  return out;
}

function commonAncestor(nodes: AnyNode[]): AnyNode | null {
  const chains = nodes.map(ancestors);
  let last: AnyNode | null = null;
  for (let i = 0; chains.every((c) => c[i] !== undefined && c[i] === chains[0]?.[i]); i++) last = chains[0]?.[i] ?? null;
  return last;
}

function metaContent(doc: AnyNode[], names: string[]): string | null {
  const metas = DomUtils.findAll((x) => x.name === "meta" && Boolean(x.attribs.content?.trim()), doc);
  for (const n of names) {
    const m = metas.find((x) => (x.attribs.name ?? x.attribs.property ?? "").toLowerCase() === n);
    if (m) return (m.attribs.content as string).trim();
  }
  return null;
}

/** Extract the report from a page's HTML. */
export function mainArticle(html: string): Article {
  const doc = parseDocument(html, { decodeEntities: true });
  const lines = htmlToLines(html);
  const heads = DomUtils.findAll(
    (x) => /^h[1-4]$/.test(x.name) || /title/i.test(`${x.attribs.class ?? ""} ${x.attribs.id ?? ""}`),
    doc.children,
  );
  const pageTitle = DomUtils.findOne((x) => x.name === "title", doc.children);
  const found = findTitle([
    ...heads.map((h) => DomUtils.textContent(h).trim()),
    ...lines,
    pageTitle ? DomUtils.textContent(pageTitle) : "",
  ]);
  const title = found ? found.title.replace(/(报告).*$/, "$1") : pageTitle ? DomUtils.textContent(pageTitle).trim() || null : null;

  const tables = DomUtils.findAll(isDataTable, doc.children);
  const key = title?.replace(/\s+/g, "") ?? "";
  const holders = key ? DomUtils.findAll((x) => x.name !== "title" && text(x).includes(key), doc.children) : [];
  const titleEl = holders.find((h) => !holders.some((o) => o !== h && ancestors(o).includes(h))) ?? null;
  const keep = [...tables, ...(titleEl ? [titleEl] : [])];
  const body = DomUtils.findOne((x) => x.name === "body", doc.children) ?? doc;
  let root: AnyNode = (tables.length > 0 ? commonAncestor(keep) : titleEl?.parent) ?? body;
  if (!isTag(root)) root = body;

  const guarded = (el: Element) => keep.some((k) => k === el || ancestors(k).includes(el));
  for (const el of DomUtils.findAll(() => true, [root])) {
    const name = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
    if ((NOISE_TAGS.has(el.name) || NOISE_NAME.test(name)) && !guarded(el) && el.parent) DomUtils.removeElement(el);
  }
  const titleInside = titleEl !== null && ancestors(titleEl).includes(root);
  const published = metaContent(doc.children, PUBLISHED_META)?.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? findPublished(lines, found?.year ?? null);
  const source = lines.map((l) => /来源[:：]\s*([^\s|:：]{2,30})/.exec(l)?.[1]).find(Boolean) ?? null;
  const publisher = metaContent(doc.children, PUBLISHER_META) ?? source;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const out = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${esc(title ?? "")}</title></head><body>`,
    titleInside || !title ? "" : `<h1>${esc(title)}</h1>`,
    published ? `<p>发布日期：${published}</p>` : "",
    DomUtils.getOuterHTML(root, { encodeEntities: "utf8" }),
    "</body></html>",
    "",
  ];
  return { html: out.filter((x) => x !== "").join("\n"), title, published, publisher };
}
