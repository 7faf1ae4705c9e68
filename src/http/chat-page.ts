/**
 * GET /: a small chat page over /api/ask, so the product works before anyone creates a bot.
 * GET /?q=…: the permalink of a question: the same page with its answer card rendered by the server
 * (readable without JavaScript; the form itself asks by GET /?q= when scripts are off).
 * Self-contained (no external assets), CJK fonts first, strict CSP with a per-response nonce.
 */

import { type Context, Hono, type MiddlewareHandler } from "hono";
import { NONCE, type SecureHeadersVariables, secureHeaders } from "hono/secure-headers";
import { type Engine, MAX_QUESTION } from "../core/answer/answer-question.js";
import { REPORT_PATH } from "../core/answer/permalink.js";
import type { StoreError } from "../core/store-error.js";
import { EXAMPLES } from "../examples.js";
import { answerCard } from "./answer-card.js";
import { CHAT_PAGE_SCRIPT } from "./chat-page-script.js";
import { escapeHtml, toHtml } from "./html.js";
import { RETRY_AFTER_SECONDS, unavailableReply } from "./unavailable.js";

export const STYLE = `
:root { color-scheme: light dark; --bg: #f5f6f8; --card: #fff; --ink: #1d2430; --muted: #4f5968; --accent: #1558c8; --me: #dcecff;
  --warn-bg: #fff6dd; --warn: #6b4400; --line: #c9ced6; --bar: #1558c8; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --card: #1b2027; --ink: #e6e9ee; --muted: #a9b2bf; --accent: #7cb2ff;
  --me: #1d3557; --warn-bg: #3a2f12; --warn: #ffd98a; --line: #3a424d; --bar: #7cb2ff; } }
* { box-sizing: border-box; }
html { scroll-padding-bottom: 112px; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 16px/1.6 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif; }
main { max-width: 820px; margin: 0 auto; padding: 16px; min-height: 100vh; display: flex; flex-direction: column; gap: 12px; }
h1 { font-size: 1.25rem; margin: 8px 0 0; }
h2 { font-size: 1.1rem; margin: 16px 0 4px; }
nav { display: flex; gap: 16px; font-size: .95rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
p.lead, .muted { margin: 0; color: var(--muted); font-size: .95rem; }
.examples { display: flex; flex-wrap: wrap; gap: 8px; }
.examples button { border: 1px solid var(--accent); color: var(--accent); background: transparent; border-radius: 999px; padding: 4px 12px; font: inherit; font-size: .9rem; cursor: pointer; }
#log { flex: 1; display: flex; flex-direction: column; gap: 10px; padding-bottom: 8px; }
.msg { overflow-wrap: anywhere; padding: 10px 14px; border-radius: 12px; max-width: 100%; background: var(--card); box-shadow: 0 1px 2px #0002; }
.msg.user, .reply { white-space: pre-wrap; }
.msg.user { align-self: flex-end; background: var(--me); }
.msg.pending { color: var(--muted); }
.msg.not_found, .msg.invalid, .msg.unavailable, .msg.error, .msg.ambiguous { border-left: 4px solid #b07800; }
.card p { margin: 4px 0; }
.figs { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.fig { min-width: 0; }
.fig .num { margin: 0; line-height: 1.2; }
.fig .value { font-size: 2.25rem; font-weight: 700; }
.fig .unit { font-size: 1.1rem; margin-left: 4px; }
.fig .what { font-weight: 600; }
.fig .meaning, .fig .formula, .more, .notes { color: var(--muted); font-size: .92rem; }
.quote { margin: 8px 0; overflow-x: auto; }
table { border-collapse: collapse; font-size: .92rem; }
caption { text-align: left; color: var(--muted); font-size: .88rem; padding-bottom: 2px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: center; }
th { font-weight: 600; }
tbody th { text-align: left; }
.src { font-size: .92rem; }
q.exact { white-space: pre-wrap; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--line); }
.warnings, .warn { background: var(--warn-bg); color: var(--warn); border-radius: 8px; padding: 6px 10px 6px 24px; margin: 6px 0; font-size: .92rem; }
p.warn { padding-left: 10px; }
.cites .h { font-weight: 600; margin-bottom: 0; }
.cites ul, .notes { margin: 2px 0; padding-left: 20px; }
.nolink { color: var(--muted); }
details { margin-top: 6px; font-size: .92rem; }
.links { font-size: .92rem; }
svg.chart { display: block; width: 100%; max-width: 420px; height: auto; margin: 6px 0; }
figcaption { color: var(--muted); font-size: .88rem; }
svg.chart .bar { fill: var(--bar); }
svg.chart .neg { fill: #b3261e; }
svg.chart text { fill: var(--ink); font-size: 14px; }
mark { background: #ffe066; color: #1d2430; padding: 0 2px; }
td.marked { outline: 3px solid #b07800; scroll-margin: 40vh 24px; }
tr.rehead th { color: var(--muted); font-weight: 400; font-size: .85rem; }
form { position: sticky; bottom: 0; display: flex; gap: 8px; padding: 8px 0; background: var(--bg); }
input { flex: 1; min-width: 0; font: inherit; padding: 10px 12px; border-radius: 10px; border: 1px solid var(--muted); background: var(--card); color: var(--ink); }
form button { font: inherit; padding: 10px 18px; border: 0; border-radius: 10px; background: var(--accent); color: #fff; cursor: pointer; }
@media (prefers-color-scheme: dark) { form button { color: #0b1220; } }
form button:disabled { opacity: .6; }
#hint { margin: 0; min-height: 1.2em; color: var(--warn); font-size: .92rem; }
.scroll { overflow-x: auto; max-width: 100%; }
main > * { min-width: 0; max-width: 100%; }
p, dd, li, h1, blockquote { overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; min-width: 0; }
`;

/** Security headers for every HTML page: nothing loads but this host's own, scripts and styles by nonce. */
export function pageHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: [NONCE],
      styleSrc: [NONCE],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
}

/** An HTML page of this site: head, style, nav, the given body markup and an optional script. */
export function layout(nonce: string, title: string, body: string, script?: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
<nav aria-label="站内导航"><a href="/">问答</a><a href="/reports">报告目录</a></nav>
${body}
</main>
${script ? `<script nonce="${nonce}">${script}</script>` : ""}
</body>
</html>`;
}

/** The HTML pages (the chat page, the report pages): a 503 there is a page in words, not JSON. */
export const isPage = (path: string): boolean => path === "/" || path === "/reports" || path.startsWith(REPORT_PATH);

export function unavailablePage(c: Context, e: StoreError): Response {
  const nonce = (c.get("secureHeadersNonce") as string | undefined) ?? "";
  const body = `<h1>暂时无法查询</h1><p role="alert">${escapeHtml(unavailableReply(e))}</p>`;
  return c.html(layout(nonce, "暂时无法查询 — 政府信息公开年报问答", body), 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
}

function chatBody(log: string): string {
  const examples = EXAMPLES.map((e) => `<button type="button" data-example>${escapeHtml(e)}</button>`).join("");
  return `<h1>政府信息公开年报问答</h1>
<p class="lead">问一个数字，得到报告里公布的原数、含义和出处（报告、表格、行、列、原文、发布日期）。</p>
<div class="examples">${examples}</div>
<div id="log" aria-live="polite">${log}</div>
<form id="ask" action="/" method="get" role="search" autocomplete="off">
<label for="q" class="sr-only">问题</label>
<input id="q" name="q" placeholder="例如：2019年灵丘行政处罚多少" aria-describedby="hint">
<button type="submit">提问</button>
</form>
<p id="hint" role="status">最多${MAX_QUESTION}字</p>`;
}

export function chatPage(engine?: Engine): Hono<{ Variables: SecureHeadersVariables }> {
  const app = new Hono<{ Variables: SecureHeadersVariables }>();
  app.use("/", pageHeaders());
  app.get("/", async (c) => {
    const nonce = c.get("secureHeadersNonce") ?? "";
    const q = c.req.query("q");
    let log = "";
    let title = "政府信息公开年报问答";
    if (q !== undefined && engine) {
      const a = await engine.ask(q);
      log = `<div class="msg user">${escapeHtml(q)}</div>${toHtml(answerCard(a))}`;
      if (q.trim()) title = `${[...q].slice(0, 60).join("")} — ${title}`;
    }
    return c.html(layout(nonce, title, chatBody(log), CHAT_PAGE_SCRIPT));
  });
  app.get("/favicon.ico", (c) => c.body(null, 204));
  return app;
}
