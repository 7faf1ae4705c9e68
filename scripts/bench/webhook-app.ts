/**
 * The server the webhook benchmark loads: the product's Hono app (createApp), a trivial route
 * beside it as the baseline, and a minimal grammY bot at POST /telegram/webhook that answers
 * with ask() in webhook-reply mode (the reply rides on the HTTP response: no outgoing calls).
 */

import { Bot, webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Hono } from "hono";
import { parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/core/answer/answer-question.js";
import type { Store } from "../../src/core/ports.js";
import { createApp } from "../../src/http/app.js";

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

export function createBenchServer(engine: Engine, store: Store): Hono {
  // apiRoot points at a closed port: any call that is not a webhook reply fails instead of leaving the machine.
  const bot = new Bot(BENCH_TOKEN, {
    botInfo: BOT_INFO,
    client: { canUseWebhookReply: (m) => m === "sendMessage", apiRoot: "http://127.0.0.1:9" },
  });
  bot.on("message:text", async (ctx) => {
    const a = await engine.ask(ctx.message.text);
    await ctx.reply(a.reply.slice(0, 4096));
  });
  const handle = webhookCallback(bot, "std/http", { secretToken: BENCH_SECRET });
  // No Telegram configuration: the product app serves the page, the API and /healthz; the bench adds its own bot.
  const app = createApp({ engine, store, config: parseConfig({}) });
  app.post("/noop", (c) => c.text("ok"));
  app.post("/telegram/webhook", (c) => handle(c.req.raw));
  return app;
}

/** A Telegram update carrying one question. */
export function updateFor(updateId: number, text: string): string {
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1764000000,
      chat: { id: 42, type: "private", first_name: "Bench" },
      from: { id: 42, is_bot: false, first_name: "Bench" },
      text,
    },
  });
}
