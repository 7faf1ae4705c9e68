/**
 * An Answer as a Telegram message: the engine's plain-text reply, with each figure line in bold
 * (text + entities, so the question's own characters never need escaping). Where the figures
 * stand comes from rendering the answer's facts (renderFactsRich), not from reading the reply.
 */

import type { MessageEntity } from "grammy/types";
import type { Answer } from "../core/answer/answer-types.js";
import { renderFactsRich } from "../core/answer/render-text.js";
import type { Rich } from "./split-message.js";

export function answerMessage(a: Answer): Rich {
  const text = a.reply;
  const rich = renderFactsRich(a.facts);
  // The reply starts with the facts' part, or with a series' or ranking's summary and chart and then
  // the facts' part; a reply made otherwise (a face's own text) gets no bold.
  const after = rich.text === "" ? -1 : text.indexOf(`\n${rich.text}`);
  const at = rich.text === "" ? -1 : text.startsWith(rich.text) ? 0 : after < 0 ? -1 : after + 1;
  const entities: MessageEntity[] = at >= 0 ? rich.figures.map((f) => ({ type: "bold", offset: at + f.offset, length: f.length })) : [];
  return { text, entities };
}
