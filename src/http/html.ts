/**
 * Markup as data: a view is a tree of VNodes built by pure functions, serialised here for the
 * server's pages and turned into DOM nodes by the chat page's script (createElement/textContent,
 * never innerHTML), so the server's and the browser's rendering of an answer are the same tree.
 * Every text and attribute value is escaped on output; tag and attribute names come from code.
 */

export type VNode = string | VElement;

export interface VElement {
  t: string;
  a?: Record<string, string>;
  c?: VNode[];
}

/** An element; children that are null/false are dropped (conditional parts). */
export function h(t: string, a: Record<string, string> | null, ...c: (VNode | null | false | undefined)[]): VElement {
  const kids = c.filter((x): x is VNode => x !== null && x !== false && x !== undefined && x !== "");
  return { t, ...(a ? { a } : {}), ...(kids.length ? { c: kids } : {}) };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Links only to this host's paths or to http(s) pages: a report's url can hold anything. */
export function safeHref(href: string): string | null {
  return /^\/(?!\/)/.test(href) || /^https?:\/\//i.test(href) ? href : null;
}

const VOID = new Set(["br", "hr", "input", "meta", "link", "img"]);

export function toHtml(n: VNode): string {
  if (typeof n === "string") return escapeHtml(n);
  let attrs = "";
  for (const [k, v] of Object.entries(n.a ?? {})) {
    const value = k === "href" ? safeHref(v) : v;
    if (value !== null) attrs += ` ${k}="${escapeHtml(value)}"`;
  }
  if (VOID.has(n.t)) return `<${n.t}${attrs}>`;
  return `<${n.t}${attrs}>${(n.c ?? []).map(toHtml).join("")}</${n.t}>`;
}
