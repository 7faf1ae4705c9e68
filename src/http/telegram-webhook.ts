/**
 * POST /telegram/webhook. In this order: the secret (401, and nothing is read, recorded or sent),
 * the update id (400 if there is none), the index (a StoreError, here or from the update log,
 * reaches app.onError: 503 + Retry-After, so Telegram redelivers later and the id is not spent),
 * the update id again (a duplicate is acknowledged with 200 and not handled again), then grammY.
 * Every handled outcome is a 200, so Telegram never redelivers an update forever. An update still
 * being handled after `timeoutMs` is acknowledged with 200 and finishes in the background: under
 * the request's waitUntil on Workers (Hono's c.executionCtx), where the isolate would otherwise
 * cancel it; on Node the process simply keeps running it.
 */

import type { Bot } from "grammy";
import { webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Context } from "hono";
import type { MaybePromise, UpdateLog } from "../core/ports.js";
import { takeTransientFailure } from "../telegram/bot.js";

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/** Well inside grammY's default 10 s and Telegram's own patience. */
export const WEBHOOK_TIMEOUT_MS = 8000;

/** An update in progress longer than this has lost its handler (a crash); a redelivery takes it over. */
export const CLAIM_LEASE_MS = 10_000;

export interface WebhookDeps {
  bot: Bot;
  updates: UpdateLog;
  /** Throws a StoreError when the index cannot answer (Store.ready), checked before the id is recorded. */
  ready: () => MaybePromise<void>;
  secret: string;
  /** Acknowledge an update still being handled after this long; default WEBHOOK_TIMEOUT_MS. */
  timeoutMs?: number;
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

/** The request's waitUntil on Workers; undefined on Node, where Hono has no ExecutionContext (its getter throws). */
function waitUntilOf(c: Context): ((p: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return (p) => ctx.waitUntil(p);
  } catch {
    return undefined;
  }
}

/**
 * grammY's "std/http" adapter, fed the update this route has already parsed (the body is read once):
 * a webhook reply becomes the JSON response as soon as the bot makes it, otherwise an empty 200.
 */
function parsedUpdate(update: Update, secretHeader: string | undefined) {
  let resolve: (r: Response) => void = () => {};
  const handlerReturn = new Promise<Response>((r) => {
    resolve = r;
  });
  return {
    update,
    header: secretHeader,
    end: () => resolve(new Response(null, { status: 200 })),
    respond: (json: string) => resolve(new Response(json, { status: 200, headers: { "Content-Type": "application/json" } })),
    unauthorized: () => resolve(new Response('"unauthorized"', { status: 401 })),
    handlerReturn,
  };
}

export function telegramWebhook(deps: WebhookDeps): (c: Context) => Promise<Response> {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((m, e) => console.error(m, e));
  const timeoutMs = deps.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  // No timeout inside grammY: its timeout would let go of the update's promise, which waitUntil needs; ours is below.
  const handle = webhookCallback(deps.bot, parsedUpdate, { secretToken: deps.secret, timeoutMilliseconds: Number.POSITIVE_INFINITY });
  return async (c) => {
    const given = c.req.header(SECRET_HEADER);
    if (!sameSecret(given, deps.secret)) return c.text("unauthorized", 401);
    let update: Update | null = null;
    try {
      update = (await c.req.json()) as Update | null;
    } catch {
      update = null;
    }
    const updateId: unknown = update?.update_id;
    if (update === null || typeof updateId !== "number" || !Number.isSafeInteger(updateId)) return c.text("not a Telegram update", 400);
    await deps.ready();
    // At least once in, exactly once out: claimed (in progress) before handling, settled as answered
    // only when the reply went out; a passing failure answers 500, so Telegram delivers it again and
    // the failed claim lets it be handled again. A claim in progress past CLAIM_LEASE_MS is a dead
    // handler's (a live one has answered or gone to the background by WEBHOOK_TIMEOUT_MS).
    const claim = await deps.updates.claim(updateId, now(), CLAIM_LEASE_MS);
    if (claim === "done") return c.json({ ok: true, duplicate: true });
    // In progress (another delivery is being handled): ask Telegram to deliver it again later, when
    // it is answered (then a duplicate) or failed or abandoned (then handled again).
    if (claim === "busy") return c.json({ ok: false, inProgress: true }, 503);
    const settle = async (answered: boolean) => {
      try {
        await deps.updates.settle(updateId, answered, now());
      } catch (e) {
        log(`webhook: update ${updateId}: could not record its outcome:`, e);
      }
    };
    const done = handle(update, given).then(
      async (r) => {
        const again = takeTransientFailure(deps.bot, updateId);
        await settle(!again);
        return again ? Response.json({ ok: false, retry: true }, { status: 500 }) : r;
      },
      async (e: unknown) => {
        log(`webhook: update ${updateId} failed:`, e);
        await settle(false);
        return Response.json({ ok: false, retry: true }, { status: 500 });
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const first = await Promise.race([done, late]);
    if (timer !== undefined) clearTimeout(timer);
    if (first) return first;
    const waitUntil = waitUntilOf(c);
    waitUntil?.(done);
    // Still working when Telegram's patience ends: it will deliver the update again, and by then the
    // claim says whether it was answered (a duplicate) or must be handled again.
    return c.json({ ok: false, background: true }, 503);
  };
}
