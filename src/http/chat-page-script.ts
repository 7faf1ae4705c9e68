/**
 * The chat page's script, as text for an inline <script nonce>. It builds every bubble with
 * textContent (never innerHTML), so a question or an answer can hold any characters; links are
 * made only from http(s) URLs in the answer, as <a> elements whose text is set with textContent.
 */

export const CHAT_PAGE_SCRIPT = `
"use strict";
const log = document.getElementById("log");
const form = document.getElementById("ask");
const input = document.getElementById("q");
const button = form.querySelector("button");

function bubble(who, text) {
  const div = document.createElement("div");
  div.className = "msg " + who;
  const parts = String(text).split(/(https?:\\/\\/[^\\s，。；）]+)/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const a = document.createElement("a");
      a.href = part;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      a.textContent = part;
      div.appendChild(a);
    } else if (part) div.appendChild(document.createTextNode(part));
  });
  log.appendChild(div);
  div.scrollIntoView({ block: "end" });
  return div;
}

async function ask(q) {
  bubble("user", q);
  const wait = bubble("bot pending", "查询中…");
  button.disabled = true;
  try {
    const res = await fetch("/api/ask?q=" + encodeURIComponent(q), { headers: { accept: "application/json" } });
    // 503: the index cannot be read just now; the body says so in words (src/http/unavailable.ts).
    const a = res.ok || res.status === 503 ? await res.json().catch(() => null) : null;
    if (!a || typeof a.reply !== "string") throw new Error("HTTP " + res.status);
    wait.remove();
    const b = bubble("bot " + a.status, a.reply);
    b.dataset.status = a.status;
  } catch (e) {
    wait.remove();
    bubble("bot error", "出错了，请稍后再试（" + e.message + "）");
  } finally {
    button.disabled = false;
    input.focus();
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = input.value.trim();
  if (!q) return;
  input.value = "";
  ask(q);
});
document.querySelectorAll("[data-example]").forEach((el) => {
  el.addEventListener("click", () => ask(el.textContent));
});
input.focus();
`;
