/** Button presses under an answer: answer the callback at once, then post the source text, row or years. */

import { Composer, type Context } from "grammy";
import type { Store } from "../../core/ports.js";
import { decodeFollowUp } from "../follow-up-data.js";
import { followUpReply } from "../follow-up-replies.js";
import { sendRich } from "../send-rich.js";

export function followUps(store: Store): Composer<Context> {
  const c = new Composer<Context>();
  c.on("callback_query:data", async (ctx) => {
    const f = decodeFollowUp(ctx.callbackQuery.data);
    const reply = f ? await followUpReply(store, f) : null;
    if (!reply) {
      await ctx.answerCallbackQuery({ text: "这条回答的出处已不在库中（索引可能已更新），请重新提问。" });
      return;
    }
    await ctx.answerCallbackQuery();
    if (!ctx.chat) return; // a button on an inline message has no chat to post into
    await sendRich(ctx, reply, { replyTo: ctx.callbackQuery.message?.message_id });
  });
  return c;
}
