/** One question from a chat → the engine → a cited reply with follow-up buttons. */

import type { Context } from "grammy";
import { EXAMPLES } from "../examples.js";
import { answerMessage } from "./answer-message.js";
import type { FeatureDeps } from "./feature-deps.js";
import { followUpKeyboard } from "./follow-up-keyboard.js";
import { sendRich } from "./send-rich.js";
import { typingWhileSlow } from "./typing.js";

/** Answer `question` in the chat of `ctx`, as a reply to the message that asked it. */
export async function answerInChat(ctx: Context, question: string, deps: FeatureDeps): Promise<void> {
  const replyTo = ctx.msg?.message_id;
  if (question.trim() === "") {
    await sendRich(ctx, { text: `请在命令后写上问题，例如：/ask ${EXAMPLES[0]}`, entities: [] }, { replyTo });
    return;
  }
  const stop = typingWhileSlow(ctx, deps.typingAfterMs);
  let answer: Awaited<ReturnType<FeatureDeps["engine"]["ask"]>>;
  try {
    answer = await deps.engine.ask(question);
  } finally {
    stop();
  }
  const keyboard = await followUpKeyboard(deps.store, answer);
  await sendRich(ctx, answerMessage(answer), { keyboard, replyTo });
}
