/**
 * GET /: a small chat page over /api/ask, so the product works before anyone creates a bot.
 * Self-contained (no external assets), CJK fonts first, strict CSP with a per-response nonce.
 */

import { Hono } from "hono";
import { NONCE, type SecureHeadersVariables, secureHeaders } from "hono/secure-headers";
import { EXAMPLES } from "../examples.js";
import { CHAT_PAGE_SCRIPT } from "./chat-page-script.js";

const STYLE = `
:root { color-scheme: light dark; --bg: #f5f6f8; --card: #fff; --ink: #1d2430; --muted: #5b6575; --accent: #1f6feb; --me: #dcecff; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --card: #1b2027; --ink: #e6e9ee; --muted: #9aa4b2; --me: #1d3557; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 16px/1.6 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif; }
main { max-width: 760px; margin: 0 auto; padding: 16px; min-height: 100vh; display: flex; flex-direction: column; gap: 12px; }
h1 { font-size: 1.25rem; margin: 8px 0 0; }
p.lead { margin: 0; color: var(--muted); font-size: .95rem; }
.examples { display: flex; flex-wrap: wrap; gap: 8px; }
.examples button { border: 1px solid var(--accent); color: var(--accent); background: transparent; border-radius: 999px; padding: 4px 12px; font: inherit; font-size: .9rem; cursor: pointer; }
#log { flex: 1; display: flex; flex-direction: column; gap: 10px; }
.msg { white-space: pre-wrap; overflow-wrap: anywhere; padding: 10px 14px; border-radius: 12px; max-width: 100%; background: var(--card); box-shadow: 0 1px 2px #0002; }
.msg.user { align-self: flex-end; background: var(--me); }
.msg.pending { color: var(--muted); }
.msg.not_found, .msg.invalid, .msg.unavailable, .msg.error { border-left: 4px solid #d29922; }
.msg a { color: var(--accent); }
form { position: sticky; bottom: 0; display: flex; gap: 8px; padding: 8px 0; background: var(--bg); }
input { flex: 1; min-width: 0; font: inherit; padding: 10px 12px; border-radius: 10px; border: 1px solid var(--muted); background: var(--card); color: var(--ink); }
form button { font: inherit; padding: 10px 18px; border: 0; border-radius: 10px; background: var(--accent); color: #fff; cursor: pointer; }
form button:disabled { opacity: .6; }
`;

function page(nonce: string): string {
  const examples = EXAMPLES.map((e) => `<button type="button" data-example>${e}</button>`).join("");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开年报问答</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
<h1>政府信息公开年报问答</h1>
<p class="lead">问一个数字，得到报告里公布的原数、含义和出处（报告、表格、行、列、原文、发布日期）。</p>
<div class="examples">${examples}</div>
<div id="log" aria-live="polite"></div>
<form id="ask" autocomplete="off">
<input id="q" name="q" maxlength="500" placeholder="例如：2019年灵丘行政处罚多少" aria-label="问题">
<button type="submit">提问</button>
</form>
</main>
<script nonce="${nonce}">${CHAT_PAGE_SCRIPT}</script>
</body>
</html>`;
}

export function chatPage(): Hono<{ Variables: SecureHeadersVariables }> {
  const app = new Hono<{ Variables: SecureHeadersVariables }>();
  app.use(
    "/",
    secureHeaders({
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
    }),
  );
  app.get("/", (c) => c.html(page(c.get("secureHeadersNonce") ?? "")));
  app.get("/favicon.ico", (c) => c.body(null, 204));
  return app;
}
