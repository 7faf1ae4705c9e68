/**
 * The Worker without a usable D1: no binding, a database nobody loaded, a D1 that fails. Every
 * route that needs the index answers 503 + Retry-After (Telegram redelivers later; never a 410,
 * never a raw 500), /healthz says what is wrong, the page still loads, and no update id is spent.
 */

import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { D1Like, D1StatementLike } from "../../src/adapters/d1-store.js";
import { RETRY_AFTER_SECONDS } from "../../src/http/unavailable.js";
import worker, { type Env } from "../../src/worker.js";
import { FakeBotApi } from "../helpers/fake-bot-api.js";
import { textUpdate } from "../helpers/updates.js";
import { botEnv, SECRET, stubBotApi } from "./stub-bot-api.js";

const fake = new FakeBotApi();

beforeAll(() => {
  stubBotApi(fake);
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
beforeEach(() => {
  fake.calls = [];
});

/** A D1 whose every query fails, as D1 does when it cannot be reached. */
function failingD1(message: string): D1Like {
  const fail = () => Promise.reject(new Error(message));
  const stmt: D1StatementLike = { bind: () => stmt, all: fail, first: fail, run: fail };
  return { prepare: () => stmt, batch: fail };
}

async function call(e: Env, path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://bot.example.workers.dev${path}`, init), e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const post = (u: unknown, secret = SECRET): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
  body: JSON.stringify(u),
});

const cases = [
  {
    name: "no D1 binding",
    over: { DB: undefined },
    problem: "missing",
    error: "no database is connected",
  },
  { name: "a D1 nobody loaded", over: { DB: env.EMPTY_DB }, problem: "no_index", error: "the database holds no usable index" },
  {
    name: "a D1 that fails",
    over: { DB: failingD1("D1_ERROR: Network connection lost.") },
    problem: "failed",
    error: "the database failed; the server log says how",
  },
] as const;

describe.each(cases)("the Worker with $name", ({ over, problem, error }) => {
  it("/healthz answers 503 and says what is wrong", async () => {
    const res = await call(botEnv(over), "/healthz");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    const body = await res.json<{ ok: boolean; problem: string; error: string }>();
    expect(body).toMatchObject({ ok: false, problem });
    expect(body.error).toContain(error);
    // A fixed phrase: no raw error text (the log has it).
    expect(JSON.stringify(body)).not.toMatch(/D1_ERROR|no such table|d1_databases/);
  });

  it("/api/ask answers 503 + Retry-After with a reply the page shows", async () => {
    const res = await call(botEnv(over), `/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    const body = await res.json<{ status: string; problem: string; reply: string }>();
    expect(body).toMatchObject({ status: "unavailable", problem, retryAfter: RETRY_AFTER_SECONDS });
    expect(body.reply).toMatch(/暂时无法查询|暂时无法访问/);
  });

  it("the webhook answers 503 + Retry-After (401 without the secret) and sends nothing", async () => {
    const e = botEnv(over);
    const u = textUpdate("2019年灵丘行政处罚多少");
    expect((await call(e, "/telegram/webhook", post(u, "wrong"))).status).toBe(401);
    const res = await call(e, "/telegram/webhook", post(u));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(fake.calls).toEqual([]);
  });

  it("still serves the page", async () => {
    const res = await call(botEnv(over), "/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("政府信息公开年报问答");
  });
});

describe("an unloaded D1", () => {
  it("is not written to by the webhook (no seen_updates table), so loading it later starts clean", async () => {
    await call(botEnv({ DB: env.EMPTY_DB }), "/telegram/webhook", post(textUpdate("2019年灵丘行政处罚多少")));
    const tables = await env.EMPTY_DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables.results).toEqual([]);
  });

  it("/healthz says the index is missing without the raw error", async () => {
    const body = await (await call(botEnv({ DB: env.EMPTY_DB }), "/healthz")).json<{ error: string }>();
    expect(body.error).toMatch(/^the database holds no usable index/);
    expect(body.error).not.toContain("no such table");
  });
});
