/**
 * The Telegram webhook inside workerd, through the Worker's own entry over local D1. The Bot API
 * is the same fake as in the Node tests (tests/helpers/fake-bot-api.ts), reached through the
 * Worker's TELEGRAM_API_ROOT: the isolate's fetch is stubbed so requests to that origin are
 * answered by the fake in the isolate, and anything else would go to the real fetch (offline: fail).
 */

import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/http/app.js";
import worker, { type Env, workerDeps } from "../../src/worker.js";
import { FakeBotApi } from "../helpers/fake-bot-api.js";
import { textUpdate } from "../helpers/updates.js";
import { botEnv, SECRET, stubBotApi } from "./stub-bot-api.js";

const fake = new FakeBotApi();

beforeAll(() => {
  stubBotApi(fake);
});
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  fake.calls = [];
});

function update(body: unknown, secret: string | null = SECRET): Request {
  return new Request("https://bot.example.workers.dev/telegram/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === null ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
    body: JSON.stringify(body),
  });
}

async function call(e: Env, req: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(req, e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const replies = () => fake.sent("sendMessage").map((p) => p.text as string);

describe("the webhook in workerd", () => {
  it("refuses a wrong or missing secret with 401, calls nothing and records nothing", async () => {
    const e = botEnv();
    const u = textUpdate("2019年灵丘行政处罚多少");
    expect((await call(e, update(u, "wrong"))).status).toBe(401);
    expect((await call(e, update(u, null))).status).toBe(401);
    expect((await call(e, update(u, `${SECRET}x`))).status).toBe(401);
    expect(fake.calls).toEqual([]);
    const seen = await env.DB.prepare("SELECT COUNT(*) AS n FROM seen_updates WHERE update_id = ?")
      .bind(u.update_id)
      .first<{ n: number }>();
    expect(seen?.n ?? 0).toBe(0);
  });

  it("answers a question with one sendMessage carrying the cited figure", async () => {
    const res = await call(botEnv(), update(textUpdate("2019年灵丘行政处罚多少")));
    expect(res.status).toBe(200);
    expect(fake.calls.map((c) => [c.method, c.ok])).toEqual([["sendMessage", true]]);
    const text = replies()[0] ?? "";
    expect(text).toContain("1249");
    expect(text).toContain("灵丘县");
    expect(text).toContain("行政处罚");
  });

  it("answers an update once when Telegram delivers it to two isolates: the dedupe is in D1", async () => {
    const u = textUpdate("2019年灵丘行政强制多少");
    // Two separately built apps (two env objects → two apps, as two isolates would have) on one D1.
    const [a, b] = [botEnv(), botEnv()];
    expect((await call(a, update(u))).status).toBe(200);
    expect((await call(b, update(u))).status).toBe(200);
    expect((await call(a, update(u))).status).toBe(200);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]).toContain("70");
    const seen = await env.DB.prepare("SELECT update_id, state FROM update_claims WHERE update_id = ?").bind(u.update_id).all();
    expect(seen.results).toEqual([{ update_id: u.update_id, state: "answered" }]);
  });

  it("the same with two apps built directly from workerDeps, delivered at the same time", async () => {
    const u = textUpdate("灵丘县2019年行政许可多少项");
    const apps = [createApp(workerDeps(botEnv())), createApp(workerDeps(botEnv()))];
    const statuses = await Promise.all(apps.map(async (app) => (await app.fetch(update(u), env, createExecutionContext())).status));
    // One handles it (200); the other finds it answered (200) or still in progress (503: come again later).
    expect(statuses).toContain(200);
    expect(statuses.every((x) => x === 200 || x === 503)).toBe(true);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]).toContain("262");
  });

  it("still answers 200 when Telegram refuses the reply, and does not try again on redelivery", async () => {
    fake.failNext("sendMessage", 400, "Bad Request: chat not found");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const e = botEnv();
    const u = textUpdate("2019年灵丘行政处罚多少");
    expect((await call(e, update(u))).status).toBe(200);
    expect((await call(e, update(u))).status).toBe(200);
    expect(fake.calls.map((c) => [c.method, c.ok])).toEqual([["sendMessage", false]]);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^telegram: update \d+ failed:/)]);
    errors.mockRestore();
  });

  it("acknowledges a slow update after the timeout and finishes it under ctx.waitUntil", async () => {
    fake.slowNext("sendMessage", 300);
    const app = createApp({ ...workerDeps(botEnv()), webhookTimeoutMs: 50 });
    const ctx = createExecutionContext();
    const res = await app.fetch(update(textUpdate("2019年灵丘行政处罚多少")), env, ctx);
    // 503: Telegram delivers it again later, and by then the claim in D1 says whether it was answered.
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, background: true });
    expect(replies()).toEqual([]);
    // Only what was handed to waitUntil is awaited here: the reply is there because the update's handling was.
    await waitOnExecutionContext(ctx);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]).toContain("1249");
  });
});
