/** Telegram updates as Telegram sends them, for the bot and webhook tests. */

import { BOT_INFO } from "./fake-bot-api.js";

export const USER = { id: 7001, is_bot: false, first_name: "张", language_code: "zh-hans" };
export const PRIVATE = { id: 7001, type: "private" as const, first_name: "张" };
export const GROUP = { id: -100123, type: "supergroup" as const, title: "年报讨论群" };

let nextId = 1;
const now = () => Math.floor(Date.now() / 1000);

/** The entities Telegram would attach: bot_command at the start, mentions anywhere. */
function entitiesOf(text: string) {
  const out: { type: string; offset: number; length: number }[] = [];
  const cmd = /^\/[a-z_]+(@\w+)?/i.exec(text);
  if (cmd) out.push({ type: "bot_command", offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/@\w{5,}/g))
    if (!cmd || m.index >= cmd[0].length) out.push({ type: "mention", offset: m.index, length: m[0].length });
  return out;
}

export function textUpdate(text: string, opts: { updateId?: number; chat?: typeof PRIVATE | typeof GROUP; replyToBot?: boolean } = {}) {
  const entities = entitiesOf(text);
  const message_id = nextId++;
  return {
    update_id: opts.updateId ?? 100_000 + message_id,
    message: {
      message_id,
      date: now(),
      from: USER,
      chat: opts.chat ?? PRIVATE,
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(opts.replyToBot
        ? {
            reply_to_message: {
              message_id: 1,
              date: now(),
              chat: opts.chat ?? PRIVATE,
              from: { id: BOT_INFO.id, is_bot: true, first_name: "年报问答", username: BOT_INFO.username },
              text: "…",
            },
          }
        : {}),
    },
  };
}

export function inlineUpdate(query: string, updateId?: number) {
  return { update_id: updateId ?? 200_000 + nextId++, inline_query: { id: `iq${nextId}`, from: USER, query, offset: "" } };
}

export function callbackUpdate(data: string, updateId?: number) {
  const id = nextId++;
  return {
    update_id: updateId ?? 300_000 + id,
    callback_query: {
      id: `cb${id}`,
      from: USER,
      chat_instance: "ci",
      data,
      message: { message_id: 1000, date: now(), chat: PRIVATE, from: { id: BOT_INFO.id, is_bot: true, first_name: "年报问答" }, text: "…" },
    },
  };
}
