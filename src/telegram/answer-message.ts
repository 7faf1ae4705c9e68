/**
 * An Answer as a Telegram message: the engine's plain-text reply, with each figure line in bold
 * (text + entities, so the question's own characters never need escaping).
 */

import type { MessageEntity } from "grammy/types";
import type { Answer } from "../core/answer/answer-types.js";
import type { Rich } from "./split-message.js";

/** Bold the first line of every paragraph that cites a source (the line with the figure). */
export function answerMessage(a: Answer): Rich {
  const text = a.reply;
  const entities: MessageEntity[] = [];
  let at = 0;
  for (const para of text.split("\n\n")) {
    const first = para.split("\n")[0] ?? "";
    if (para.includes("\n出处：") && first.length > 0) entities.push({ type: "bold", offset: at, length: first.length });
    at += para.length + 2;
  }
  return { text, entities };
}
