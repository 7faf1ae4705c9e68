/**
 * A saved web page (report-format.md §12 item 1) → text lines: each data table row becomes
 * one "| a | b | c |" line (cells as printed, <br/> inside a cell joined, &nbsp; → empty),
 * every other block becomes its own line. Layout tables that hold other tables are walked
 * as plain blocks. A page embedded as an escaped string in a script or JSON is unwrapped.
 */

import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";

const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "center",
  "blockquote",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "caption",
  "form",
  "figure",
  "figcaption",
  "address",
  "hr",
  "title",
  "body",
  "html",
]);
const SKIP = new Set(["script", "style", "noscript", "head", "template", "svg", "iframe", "select", "button"]);

/** Does this text look like HTML markup rather than extracted text? */
export function looksLikeHtml(text: string): boolean {
  return /<(table|html|body|div|p|td)\b[^>]*>/i.test(text) || /\\u003c(table|td|tr)|&lt;(table|td|tr)\b|\\x3c(table|td)/i.test(text);
}

/** Undo one level of JS/JSON string escaping or HTML-entity escaping around embedded markup. */
export function unwrapEmbedded(text: string): string {
  let s = text;
  if (!/<table\b/i.test(s) && /&lt;table\b/i.test(s)) {
    s = s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  }
  const escaped = (s.match(/\\"|\\n|\\u[0-9a-f]{4}|\\x3c|\\\//gi) ?? []).length;
  if (escaped > 10) {
    s = s
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      .replace(/\\r\\n|\\n|\\r/g, "\n")
      .replace(/\\t/g, " ")
      .replace(/\\(["'/\\])/g, "$1");
  }
  return s;
}

function isElement(n: ChildNode): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function hasTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (c.name === "table" || hasTable(c)));
}

function cellText(n: ChildNode): string {
  if (n.type === "text") return (n as unknown as { data: string }).data;
  if (!isElement(n) || SKIP.has(n.name)) return "";
  if (n.name === "br") return "";
  return n.children.map(cellText).join("");
}

function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === "tr") out.push(c);
      else if (c.name !== "table") walk(c);
    }
  };
  walk(table);
  return out;
}

/** The page's <title>, which may be the only place the report's title is printed. */
function pageTitle(n: ChildNode): string {
  if (!isElement(n)) return "";
  if (n.name === "title") return n.children.map(cellText).join("").replace(/\s+/g, " ").trim();
  for (const c of n.children) {
    const t = pageTitle(c);
    if (t) return t;
  }
  return "";
}

/** Convert a page to lines; the page's <title>, if any, is the first line. */
export function htmlToLines(html: string): string[] {
  const doc = parseDocument(unwrapEmbedded(html), { decodeEntities: true });
  const lines: string[] = [];
  const title = doc.children.map(pageTitle).find(Boolean);
  if (title) lines.push(title);
  let buf = "";
  const flush = () => {
    const t = buf.replace(/[ \t\u00a0\u3000]+/g, " ").trim();
    if (t) lines.push(t);
    buf = "";
  };
  const walk = (n: ChildNode) => {
    if (n.type === "text") {
      buf += (n as unknown as { data: string }).data.replace(/\s*\n\s*/g, " ");
      return;
    }
    if (!isElement(n) || SKIP.has(n.name)) return;
    if (n.name === "br") return flush();
    if (n.name === "table" && !hasTable(n)) {
      flush();
      for (const tr of rowsOf(n)) {
        const cells = tr.children
          .filter((c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"))
          .map((td) => cellText(td).replace(/\s+/g, " ").replace(/\|/g, "｜").trim());
        if (cells.length > 0) lines.push(`| ${cells.join(" | ")} |`);
      }
      return;
    }
    const block = BLOCK.has(n.name);
    if (block) flush();
    for (const c of n.children) walk(c);
    if (block) flush();
  };
  for (const c of doc.children) walk(c);
  flush();
  return lines;
}
