/**
 * Sending a Rich message as one or more Telegram messages: split under 4096 UTF-16 units, the
 * buttons under the last part, the first part a reply to the question (in groups), link previews
 * off. If Telegram still refuses the entities, that part is sent once more as plain text.
 */

import { type Context, GrammyError, type InlineKeyboard } from "grammy";
import type { Rich } from "./split-message.js";
import { splitRich } from "./split-message.js";

export interface SendOptions {
  keyboard?: InlineKeyboard | undefined;
  /** Message id to reply to (the question), kept even if that message was deleted. */
  replyTo?: number | undefined;
}

function refusedEntities(e: unknown): boolean {
  return e instanceof GrammyError && e.error_code === 400 && /parse entities|entit/i.test(e.description);
}

/** Send `message` into the chat of `ctx`; resolves when every part is accepted. */
export async function sendRich(ctx: Context, message: Rich, opts: SendOptions = {}): Promise<void> {
  const parts = splitRich(message);
  for (const [i, part] of parts.entries()) {
    const other = {
      link_preview_options: { is_disabled: true },
      ...(i === 0 && opts.replyTo !== undefined
        ? { reply_parameters: { message_id: opts.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(i === parts.length - 1 && opts.keyboard ? { reply_markup: opts.keyboard } : {}),
    };
    try {
      await ctx.reply(part.text, { ...other, ...(part.entities.length > 0 ? { entities: part.entities } : {}) });
    } catch (e) {
      if (!refusedEntities(e) || part.entities.length === 0) throw e;
      await ctx.reply(part.text, other);
    }
  }
}
