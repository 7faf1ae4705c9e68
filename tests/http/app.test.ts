/** createApp through app.request(): the JSON API, the page and its headers, /healthz, no webhook without a bot. */

import { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/core/answer/answer-question.js";
import type { Answer } from "../../src/core/answer/answer-types.js";
import { createApp } from "../../src/http/app.js";
import { CHAT_PAGE_SCRIPT } from "../../src/http/chat-page-script.js";
import { BOT_INFO, TOKEN } from "../helpers/fake-telegram.js";
import { engineFor, SEED_CORPUS } from "../helpers/seed-index.js";

let seed: { engine: Engine; index: SqliteIndex };
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  seed = await engineFor(SEED_CORPUS);
  app = createApp({ engine: seed.engine, store: seed.index.store, config: parseConfig({}) });
});
afterAll(() => seed.index.close());

describe("GET /api/ask", () => {
  it("returns the Answer JSON of design.md", async () => {
    const res = await app.request(`/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const a = (await res.json()) as Answer;
    expect(Object.keys(a)).toEqual(["question", "status", "facts", "notes", "reply"]);
    expect(a).toMatchObject({ question: "2019年灵丘行政处罚多少", status: "answered" });
    expect(a.facts[0]).toMatchObject({ value: 1249, table: "二", row: "行政处罚", column: "上一年项目数量" });
    expect(a).toEqual(await seed.engine.ask("2019年灵丘行政处罚多少"));
  });

  it("answers a missing or empty q as invalid, and a place the index lacks as not_found", async () => {
    const ask = async (path: string) => (await (await app.request(path)).json()) as Answer;
    expect((await ask("/api/ask")).status).toBe("invalid");
    expect((await ask("/api/ask?q=")).status).toBe("invalid");
    const a = await ask(`/api/ask?q=${encodeURIComponent("灵丘2020年行政处罚多少")}`);
    expect(a.status).toBe("not_found");
    expect(a.reply).toContain("本库未收录");
  });
});

describe("GET /", () => {
  it("serves a self-contained page under a strict CSP with a per-response nonce", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain("2019年灵丘行政处罚多少");
    // nothing loaded from elsewhere: no src at all, links only to this host's own paths
    expect(html).not.toMatch(/\ssrc=/);
    expect([...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1])).toEqual(["/", "/reports"]);
    const again = await app.request("/");
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("renders answers with textContent, never innerHTML", () => {
    expect(CHAT_PAGE_SCRIPT).toContain("textContent");
    expect(CHAT_PAGE_SCRIPT).toContain("createTextNode");
    expect(CHAT_PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(CHAT_PAGE_SCRIPT).toContain('fetch("/api/ask?format=card&q=" + encodeURIComponent(q)');
    expect(CHAT_PAGE_SCRIPT).toContain("createElementNS");
  });
});

describe("the rest", () => {
  it("GET /healthz reports the index", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ ok: true, reports: 1 });
  });

  it("has no webhook without a bot", async () => {
    expect((await app.request("/telegram/webhook", { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("refuses to build a webhook without a secret or without an update log", () => {
    const bot = new Bot(TOKEN, { botInfo: BOT_INFO });
    const deps = { engine: seed.engine, store: seed.index.store, bot };
    expect(() => createApp({ ...deps, config: parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN }) })).toThrow(
      "createApp: a webhook bot needs config.telegram.webhookSecret (TELEGRAM_WEBHOOK_SECRET)",
    );
    expect(() => createApp({ ...deps, config: parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: "s" }) })).toThrow(
      "createApp: a webhook bot needs `updates` (an UpdateLog) to answer each update once",
    );
  });
});
