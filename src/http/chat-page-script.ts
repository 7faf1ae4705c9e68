/**
 * The chat page's script, as text for an inline <script nonce>. Answer cards come from
 * /api/ask?format=card as a VNode tree (html.ts, built by answer-card.ts, the same tree the server
 * renders for /?q=) and are turned into DOM nodes with createElement/createElementNS and
 * createTextNode (never innerHTML), so a question or an answer can hold any characters; links
 * are kept only to this host's paths or http(s) pages. Each question asked updates the address
 * to its permalink /?q=….
 */

import { MAX_QUESTION } from "../core/answer/answer-question.js";

export const CHAT_PAGE_SCRIPT = `
"use strict";
const MAX = ${MAX_QUESTION};
const SVG = "http://www.w3.org/2000/svg";
const log = document.getElementById("log");
const form = document.getElementById("ask");
const input = document.getElementById("q");
const hint = document.getElementById("hint");
const button = form.querySelector("button");
const HINT = hint.textContent;

function build(n, inSvg) {
  if (typeof n === "string") return document.createTextNode(n);
  if (n.t === "script" || n.t === "style") return document.createTextNode("");
  const svg = inSvg || n.t === "svg";
  const el = svg ? document.createElementNS(SVG, n.t) : document.createElement(n.t);
  for (const [k, v] of Object.entries(n.a || {})) {
    if (/^on/i.test(k)) continue;
    if (k === "href" && !/^(\\/(?!\\/)|https?:\\/\\/)/i.test(v)) continue;
    el.setAttribute(k, v);
  }
  (n.c || []).forEach((c) => el.appendChild(build(c, svg)));
  return el;
}

// An answer takes the place of its pending bubble, so answers stay beside their questions.
function show(el, instead) {
  if (instead) instead.replaceWith(el);
  else log.appendChild(el);
  el.scrollIntoView({ block: "end" });
  return el;
}

function bubble(who, text, instead) {
  const div = document.createElement("div");
  div.className = "msg " + who;
  div.appendChild(document.createTextNode(String(text)));
  return show(div, instead);
}

function say(text) {
  hint.textContent = text;
}

async function ask(q, push) {
  say(HINT);
  bubble("user", q);
  const wait = bubble("bot pending", "查询中…");
  button.disabled = true;
  if (push) history.pushState({ q: q }, "", "/?q=" + encodeURIComponent(q));
  document.title = q.slice(0, 60) + " — 政府信息公开年报问答";
  try {
    const res = await fetch("/api/ask?format=card&q=" + encodeURIComponent(q), { headers: { accept: "application/json" } });
    // 503: the index cannot be read just now; the body says so in words (src/http/unavailable.ts).
    const a = res.ok || res.status === 503 ? await res.json().catch(() => null) : null;
    if (a && a.card) {
      const card = show(build(a.card, false), wait);
      card.dataset.status = a.answer.status;
    } else if (a && typeof a.reply === "string") {
      bubble("bot " + a.status, a.reply, wait).dataset.status = a.status;
    } else throw new Error("HTTP " + res.status);
  } catch (e) {
    bubble("bot error", "出错了，请稍后再试（" + e.message + "）", wait.isConnected ? wait : null);
  } finally {
    button.disabled = false;
    input.focus();
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = input.value.trim();
  if (!q) {
    say("请先输入一个问题，例如：" + input.placeholder.replace(/^例如：/, ""));
    input.focus();
    return;
  }
  const n = Array.from(q).length;
  if (n > MAX) {
    say("问题太长（" + n + "字），请控制在" + MAX + "字以内。");
    input.focus();
    return;
  }
  input.value = "";
  ask(q, true);
});
input.addEventListener("input", () => {
  const n = Array.from(input.value).length;
  say(n > MAX ? "问题太长（" + n + "字），请控制在" + MAX + "字以内。" : HINT);
});
document.querySelectorAll("[data-example]").forEach((el) => {
  el.addEventListener("click", () => ask(el.textContent, true));
});
window.addEventListener("popstate", () => {
  const q = new URL(location.href).searchParams.get("q");
  if (q) ask(q, false);
});
if (!new URL(location.href).searchParams.has("q")) input.focus();
`;
