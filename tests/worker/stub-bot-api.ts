/**
 * Route the isolate's fetch to an in-isolate fake Bot API for requests to API_ROOT (anything else
 * goes to the real fetch: offline, it fails). grammY takes the global fetch when a Bot is built,
 * i.e. when the Worker builds its app, so call this in beforeAll before any app exists.
 */

import { env } from "cloudflare:workers";
import { vi } from "vitest";
import type { Env } from "../../src/worker.js";
import { BOT_INFO, type FakeBotApi, TOKEN } from "../helpers/fake-bot-api.js";

export const API_ROOT = "https://bot-api.fake";

export function stubBotApi(fake: FakeBotApi): void {
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    return new URL(req.url).origin === API_ROOT ? fake.fetch(req) : realFetch(req);
  });
}

export const SECRET = "worker_secret-42";

/** A fresh env object in webhook mode against the stub: the Worker builds one app per env object, so each call stands for a new isolate. */
export function botEnv(over: Partial<Env> = {}): Env {
  return {
    ...env,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    BOT_INFO: JSON.stringify(BOT_INFO),
    PUBLIC_URL: "https://bot.example.workers.dev",
    TELEGRAM_API_ROOT: API_ROOT,
    ...over,
  };
}
