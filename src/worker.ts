/** The Workers entry: env → D1 adapters → the same engine, bot and Hono app as on Node (src/serve.node.ts). */

import type { ExecutionContext, Hono } from "hono";
import { type D1Like, d1Store, d1UpdateLog } from "./adapters/d1-store.js";
import { ConfigError, parseConfig } from "./config.js";
import { createEngine } from "./core/answer/answer-question.js";
import { redactor } from "./core/redact.js";
import { StoreError, unavailable } from "./core/store-error.js";
import { type AppDeps, createApp } from "./http/app.js";
import { createBot } from "./telegram/bot.js";

/** Bindings (wrangler.toml), variables and secrets (`wrangler secret put`). */
export interface Env {
  /** Absent when wrangler.toml lacks the binding: the Worker then says so (503 + /healthz) instead of crashing. */
  DB?: D1Like;
  /** getMe's result as JSON, so a cold isolate never calls getMe. */
  BOT_INFO?: string;
  /** The Worker's public URL; Telegram posts to PUBLIC_URL/telegram/webhook. */
  PUBLIC_URL?: string;
  TELEGRAM_API_ROOT?: string;
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
}

const NO_BINDING = new StoreError(
  "missing",
  'no D1 database is bound as DB: add [[d1_databases]] binding = "DB" to wrangler.toml and deploy',
);

/** Everything the app needs, built from one env. A Worker only takes Telegram by webhook. */
export function workerDeps(env: Env): AppDeps {
  // The token and the webhook secret never reach the Worker's logs (a failed Bot API call names its URL).
  const redact = redactor([env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET]);
  const log = (message: string, error: unknown) =>
    console.error(redact(message), redact(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)));
  const { store, updates } = env.DB ? { store: d1Store(env.DB), updates: d1UpdateLog(env.DB) } : unavailable(NO_BINDING);
  const engine = createEngine({ store });
  const config = parseConfig({
    INDEX_DIR: "d1",
    TELEGRAM_BOT_TOKEN: env.TELEGRAM_BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: env.TELEGRAM_WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: env.TELEGRAM_API_ROOT,
    BOT_INFO: env.BOT_INFO,
    PUBLIC_URL: env.PUBLIC_URL,
  });
  const tg = config.telegram;
  if (!tg) return { engine, store, config, log };
  if (tg.mode !== "webhook" || !tg.botInfo)
    throw new ConfigError("on Workers, TELEGRAM_BOT_TOKEN needs PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET and BOT_INFO (webhook mode)");
  const bot = createBot({ token: tg.token, botInfo: tg.botInfo, apiRoot: tg.apiRoot, engine, store, log });
  return { engine, store, config, bot, updates, log };
}

// One app per env object, i.e. per isolate: building it on every request would redo the routing setup.
const apps = new WeakMap<Env, Hono>();

export default {
  fetch(req: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    let app = apps.get(env);
    if (!app) {
      app = createApp(workerDeps(env));
      apps.set(env, app);
    }
    return app.fetch(req, env, ctx);
  },
};
