/**
 * The server the webhook benchmark loads: the product's Hono app (createApp) with its webhook route
 * (secret check, the update's id recorded in the index's SQLite, duplicates dropped) and its bot
 * (createBot: every feature, follow-up buttons, the per-user rate limit as shipped), in
 * webhook-reply mode, so the answer rides on the HTTP response and nothing leaves the machine. A
 * trivial route beside it is the baseline.
 */

import type { UserFromGetMe } from "grammy/types";
import type { Hono } from "hono";
import { parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/core/answer/answer-question.js";
import type { Store, UpdateLog } from "../../src/core/ports.js";
import { createApp } from "../../src/http/app.js";
import { createBot } from "../../src/telegram/bot.js";

export const BENCH_SECRET = "bench-secret-token";
export const BENCH_TOKEN = "123456:bench-token-never-used";

const BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: "Bench",
  username: "bench_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export function createBenchServer(engine: Engine, store: Store, updates: UpdateLog): Hono {
  // apiRoot points at a closed port: any call that is not a webhook reply fails instead of leaving the machine.
  const apiRoot = "http://127.0.0.1:9";
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: BENCH_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: BENCH_SECRET,
    TELEGRAM_API_ROOT: apiRoot,
    PUBLIC_URL: "https://bench.invalid",
    BOT_INFO: JSON.stringify(BOT_INFO),
  });
  const bot = createBot({
    token: BENCH_TOKEN,
    botInfo: BOT_INFO,
    apiRoot,
    engine,
    store,
    webhookReply: true,
    log: (m, e) => console.error(m, e),
  });
  const app = createApp({ engine, store, config, bot, updates });
  app.post("/noop", (c) => c.text("ok"));
  return app;
}

/** Users the load comes from, in turn: many people asking once or twice, as a public bot's traffic is, within the 12-a-minute limit. */
export const BENCH_USERS = 100_000;

/** A Telegram update carrying one question, in a private chat with one of BENCH_USERS users. */
export function updateFor(updateId: number, text: string): string {
  const user = 1000 + (updateId % BENCH_USERS);
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId % 1_000_000_000,
      date: 1764000000,
      chat: { id: user, type: "private", first_name: "Bench" },
      from: { id: user, is_bot: false, first_name: "Bench" },
      text,
    },
  });
}

/**
 * Update ids for one load run: unique across runs and across bench invocations on the same index
 * (its seen-update table keeps ids for a day, and a repeated id would be dropped, not answered).
 */
export function updateIdBase(): number {
  return Date.now() * 1000;
}
