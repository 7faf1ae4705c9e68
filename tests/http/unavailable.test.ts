/**
 * When the index cannot be read at run time (Node: index.sqlite corrupted or replaced under the
 * running server), every route says so with 503 + Retry-After instead of a raw 500, Telegram's
 * update id is not spent, and a redelivery after the index is back is answered once. Plus the
 * webhook's background completion: an update still being handled after the timeout is
 * acknowledged with 200 and finished under the request's waitUntil when there is one.
 */

import { copyFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { INDEX_FILE, openIndex, type SqliteIndex } from "../../src/adapters/sqlite-store.js";
import { parseConfig } from "../../src/config.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import { createApp } from "../../src/http/app.js";
import { RETRY_AFTER_SECONDS } from "../../src/http/unavailable.js";
import type { Running } from "../../src/serve.node.js";
import { createBot } from "../../src/telegram/bot.js";
import { BOT_INFO, FakeTelegram, TOKEN } from "../helpers/fake-telegram.js";
import { copyOfSeedIndex, errors, postUpdate, SECRET, start, webhookVars } from "../helpers/node-server.js";
import { textUpdate } from "../helpers/updates.js";

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.calls = [];
  errors.length = 0;
});

describe("Node: the index file corrupted under the running server", () => {
  let running: Running;
  let indexDir: string;
  beforeEach(async () => {
    indexDir = await copyOfSeedIndex();
    running = await start(webhookVars(fake, indexDir));
    fake.calls = [];
  });
  afterEach(() => running.stop());

  const corrupt = () => {
    const file = join(indexDir, INDEX_FILE);
    const good = `${file}.good`;
    copyFileSync(file, good);
    writeFileSync(file, Buffer.alloc(statSync(file).size, 0x5a));
    return () => copyFileSync(good, file);
  };

  it("/healthz says what is wrong, /api/ask and the webhook answer 503 + Retry-After, and nothing is sent", async () => {
    corrupt();
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    const h = (await health.json()) as { ok: boolean; problem: string; error: string };
    expect(h).toMatchObject({ ok: false, problem: "no_index" });
    // No file path and no raw error text in a response: the log has them.
    expect(h.error).toBe("the database holds no usable index (missing, corrupt or of another schema version); the server log says which");
    expect(JSON.stringify(h)).not.toContain(indexDir);
    expect(errors.some((e) => e.includes("GET /healthz: index unavailable:") && e.includes("file is not a database"))).toBe(true);

    const ask = await fetch(`${running.url}/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`);
    expect(ask.status).toBe(503);
    expect(ask.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await ask.json()).toEqual({
      status: "unavailable",
      problem: "no_index",
      reply: "本库的索引尚未加载或正在更新，暂时无法查询。请稍后再试。",
      retryAfter: RETRY_AFTER_SECONDS,
    });

    const update = textUpdate("2019年灵丘行政处罚多少");
    expect((await postUpdate(running, update, "wrong")).status).toBe(401);
    const hook = await postUpdate(running, update);
    expect(hook.status).toBe(503);
    expect(hook.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(fake.calls).toEqual([]);
    expect(errors.some((e) => e.includes("index unavailable, answering 503"))).toBe(true);
  });

  it("an update refused with 503 is answered, once, when Telegram redelivers it after the index is back", async () => {
    const restore = corrupt();
    const update = textUpdate("2019年灵丘行政处罚多少");
    expect((await postUpdate(running, update)).status).toBe(503);
    restore();
    expect((await postUpdate(running, update)).status).toBe(200);
    expect((await postUpdate(running, update)).status).toBe(200);
    const sent = fake.sent("sendMessage");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain("1249");
  });
});

describe("webhook: an update that outlives the response", () => {
  let index: SqliteIndex;
  beforeEach(async () => {
    index = openIndex(await copyOfSeedIndex());
  });
  afterEach(() => index.close());

  const app = () => {
    const engine = createEngine({ store: index.store });
    const bot = createBot({ token: TOKEN, botInfo: BOT_INFO, apiRoot: fake.apiRoot, engine, store: index.store, log: () => {} });
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: "https://bot.example.org",
      BOT_INFO: JSON.stringify(BOT_INFO),
    });
    return createApp({ engine, store: index.store, config, bot, updates: index.updates, webhookTimeoutMs: 100, log: () => {} });
  };
  const post = (update: unknown) =>
    new Request("http://bot.test/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: JSON.stringify(update),
    });

  it("is acknowledged after the timeout and finishes under the request's waitUntil", async () => {
    fake.slowNext("sendMessage", 600);
    const pending: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException: () => {}, props: {} };
    const t0 = Date.now();
    const res = await app().fetch(post(textUpdate("2019年灵丘行政处罚多少")), {}, ctx);
    // 503: Telegram delivers it again later, and by then the claim says whether it was answered.
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, background: true });
    expect(Date.now() - t0).toBeLessThan(500);
    expect(fake.calls).toEqual([]);
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(fake.sent("sendMessage")).toHaveLength(1);
    expect(fake.sent("sendMessage")[0]?.text).toContain("1249");
  });

  it("is answered in the response when it is quick, with nothing left for waitUntil", async () => {
    const pending: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException: () => {}, props: {} };
    const res = await app().fetch(post(textUpdate("2019年灵丘行政强制多少")), {}, ctx);
    expect(res.status).toBe(200);
    expect(pending).toEqual([]);
    expect(fake.sent("sendMessage")[0]?.text).toContain("70");
  });

  it("on Node, without an ExecutionContext, still finishes in the background", async () => {
    fake.slowNext("sendMessage", 300);
    const res = await app().request(post(textUpdate("2019年灵丘行政处罚多少")));
    expect(await res.json()).toEqual({ ok: false, background: true });
    await fake.waitFor((calls) => calls.some((c) => c.method === "sendMessage"));
    expect(fake.sent("sendMessage")).toHaveLength(1);
  });
});
