/**
 * Answer each update_id once when the bot long-polls (getUpdates hands back unconfirmed updates
 * after a restart): claimed before handling, settled as answered after it. One process polls, so a
 * claim still in progress is a previous process's that died: it is taken over (lease 0). The
 * webhook route claims before the bot instead (src/http/telegram-webhook.ts).
 */

import type { Context, MiddlewareFn } from "grammy";
import type { UpdateLog } from "../core/ports.js";

export function dedupe(updates: UpdateLog, now: () => number = Date.now): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if ((await updates.claim(id, now(), 0)) === "done") return;
    let answered = false;
    try {
      await next();
      answered = true;
    } finally {
      await updates.settle(id, answered, now());
    }
  };
}
