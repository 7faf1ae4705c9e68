/**
 * Answer each update_id once: the first middleware when the bot long-polls (getUpdates hands
 * back unconfirmed updates after a restart). The webhook route dedupes before the bot instead.
 */

import type { Context, MiddlewareFn } from "grammy";
import type { UpdateLog } from "../core/ports.js";

export function dedupe(updates: UpdateLog, now: () => number = Date.now): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (await updates.firstSeen(ctx.update.update_id, now())) await next();
  };
}
