/** "typing…" in the chat while a slow answer is being composed; nothing at all for a fast one. */

import type { Context } from "grammy";

/** Telegram shows a chat action for about 5 s; renew it a little sooner. */
const RENEW_MS = 4500;

/** Start a timer that sends the typing action after `afterMs`; call the result when the answer is ready. */
export function typingWhileSlow(ctx: Context, afterMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    ctx.replyWithChatAction("typing").catch(() => {});
    timer = setTimeout(tick, RENEW_MS);
  };
  if (ctx.chat) timer = setTimeout(tick, afterMs);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
  };
}
