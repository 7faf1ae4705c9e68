/**
 * A per-user rate limit: at most `max` updates in a sliding `windowMs`. Over the limit, a message
 * gets one polite reply per window and the rest are dropped; a button press gets a toast.
 * Inline queries (one per keystroke, cached by Telegram) are not counted.
 * In memory, so it is per process (per isolate on Workers): a courtesy, not a security boundary.
 */

import type { Context, MiddlewareFn } from "grammy";

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 12, windowMs: 60_000 };

export function rateLimitText(o: RateLimitOptions): string {
  return `提问有点快了：每人每${Math.round(o.windowMs / 1000)}秒最多${o.max}次。请稍等片刻再问，谢谢！`;
}

export function rateLimit(o: RateLimitOptions = DEFAULT_RATE_LIMIT): MiddlewareFn<Context> {
  const now = o.now ?? Date.now;
  const hits = new Map<number, { times: number[]; warned: boolean }>();
  let swept = 0;
  return async (ctx, next) => {
    const user = ctx.from?.id;
    // Inline queries arrive per keystroke and Telegram caches their answers: not counted.
    if (user === undefined || ctx.inlineQuery) return next();
    const t = now();
    // Forget users idle for a window, at most once a window: a sweep on every update would cost
    // O(users) each time once many users are active.
    if (t - swept >= o.windowMs) {
      swept = t;
      for (const [k, v] of hits) if ((v.times.at(-1) ?? 0) <= t - o.windowMs) hits.delete(k);
    }
    const h = hits.get(user) ?? { times: [], warned: false };
    h.times = h.times.filter((x) => x > t - o.windowMs);
    hits.set(user, h);
    if (h.times.length < o.max) {
      h.times.push(t);
      h.warned = false;
      return next();
    }
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: rateLimitText(o) });
    else if (ctx.message && !h.warned) {
      h.warned = true;
      await ctx.reply(rateLimitText(o), { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } });
    }
  };
}
