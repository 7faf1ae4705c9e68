/**
 * POST /telegram/webhook. In this order: the secret (401, and nothing is recorded or sent),
 * the update id (a duplicate is acknowledged with 200 and not handled again), then grammY.
 * Every handled outcome is a 200, so Telegram never redelivers an update forever; a slow update
 * is acknowledged after 8 s and finishes in the background (grammY's own timeout would 500).
 */

import type { Bot } from "grammy";
import { webhookCallback } from "grammy";
import type { Context } from "hono";
import type { UpdateLog } from "../core/ports.js";

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

export interface WebhookDeps {
  bot: Bot;
  updates: UpdateLog;
  secret: string;
  now?: () => number;
  log?: (message: string, error: unknown) => void;
}

/** Constant-time comparison, so the response time does not reveal how much of a guess was right. */
function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(secret);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ (b[i] as number);
  return diff === 0;
}

export function telegramWebhook(deps: WebhookDeps): (c: Context) => Promise<Response> {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((m, e) => console.error(m, e));
  const handle = webhookCallback(deps.bot, "std/http", { secretToken: deps.secret, onTimeout: "return", timeoutMilliseconds: 8000 });
  return async (c) => {
    if (!sameSecret(c.req.header(SECRET_HEADER), deps.secret)) return c.text("unauthorized", 401);
    let updateId: unknown;
    try {
      updateId = ((await c.req.raw.clone().json()) as { update_id?: unknown } | null)?.update_id;
    } catch {
      updateId = undefined;
    }
    if (typeof updateId !== "number" || !Number.isSafeInteger(updateId)) return c.text("not a Telegram update", 400);
    if (!(await deps.updates.firstSeen(updateId, now()))) return c.json({ ok: true, duplicate: true });
    try {
      return await handle(c.req.raw);
    } catch (e) {
      log(`webhook: update ${updateId} failed:`, e);
      return c.json({ ok: true, failed: true });
    }
  };
}
