/**
 * Questions: any text in a private chat; in groups (privacy mode on) `/ask@Bot …`, a reply to
 * one of the bot's messages, or a message that mentions the bot. Other group chatter is ignored.
 */

import { Composer, type Context } from "grammy";
import type { MessageEntity } from "grammy/types";
import { answerInChat } from "../answer-question.js";
import type { FeatureDeps } from "../feature-deps.js";

/** The text without the bot's @mention, or null when the message does not mention the bot. */
export function withoutMention(text: string, entities: MessageEntity[] | undefined, username: string): string | null {
  const mention = `@${username}`.toLowerCase();
  const hit = (entities ?? []).find((e) => e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === mention);
  if (!hit) return null;
  return `${text.slice(0, hit.offset)} ${text.slice(hit.offset + hit.length)}`.trim();
}

export function questions(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command("ask", (ctx) => answerInChat(ctx, ctx.match, deps));

  c.chatType("private").on("message:text", async (ctx) => {
    if (ctx.msg.text.startsWith("/")) {
      await ctx.reply("没有这个命令。直接发问题即可，或发送 /help 查看用法。");
      return;
    }
    await answerInChat(ctx, ctx.msg.text, deps);
  });

  c.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
    const { text, entities, reply_to_message } = ctx.msg;
    if (text.startsWith("/")) return next();
    const mentioned = withoutMention(text, entities, ctx.me.username);
    if (mentioned !== null) return answerInChat(ctx, mentioned, deps);
    if (reply_to_message?.from?.id === ctx.me.id) return answerInChat(ctx, text, deps);
    return next();
  });
  return c;
}
