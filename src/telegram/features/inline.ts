/**
 * Inline mode (`@Bot 灵丘 2019 行政处罚` in any chat): result cards, the whole answer first,
 * then one card per figure. Each card's message is text + entities, under 4096 UTF-16 units.
 */

import { Composer, type Context } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Answer } from "../../core/answer/answer-types.js";
import { figureText } from "../../core/answer/render-text.js";
import { answerMessage } from "../answer-message.js";
import type { FeatureDeps } from "../feature-deps.js";
import { rich } from "../rich-text.js";
import { type Rich, splitRich } from "../split-message.js";

const MAX_CARDS = 10;

function clipTitle(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function inlineCards(a: Answer): InlineQueryResultArticle[] {
  const whole = splitRich(answerMessage(a))[0] ?? { text: "（无回答）", entities: [] };
  const cards: InlineQueryResultArticle[] = [
    {
      type: "article",
      id: "all",
      title: clipTitle(whole.text.split("\n")[0] ?? ""),
      description: a.status === "answered" ? `${a.facts.length} 个数字，附出处` : "未找到答案",
      input_message_content: { message_text: whole.text, entities: whole.entities, link_preview_options: { is_disabled: true } },
    },
  ];
  for (const [i, f] of a.facts.slice(0, MAX_CARDS - 1).entries()) {
    const head = `${f.body}${f.year}年 ${f.table === "prose" ? "" : f.row}${f.column ? `·${f.column}` : ""}：${figureText(f)}`;
    const msg = splitRich(
      rich()
        .bold(head)
        .text(`\n出处：《${f.report.title}》${f.report.published ? `，发布日期 ${f.report.published}` : ""}\n原文：`)
        .text(f.quote.replace(/\s*\n\s*/g, " "))
        .done(),
    )[0] as Rich;
    cards.push({
      type: "article",
      id: `f${i}`,
      title: clipTitle(head),
      description: clipTitle(`《${f.report.title}》`),
      input_message_content: { message_text: msg.text, entities: msg.entities, link_preview_options: { is_disabled: true } },
    });
  }
  return cards;
}

export function inline(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.on("inline_query", async (ctx) => {
    const q = ctx.inlineQuery.query.trim();
    if (q === "") {
      await ctx.answerInlineQuery([], { cache_time: 300, button: { text: "怎么问？看示例", start_parameter: "help" } });
      return;
    }
    const a = await deps.engine.ask(q);
    await ctx.answerInlineQuery(inlineCards(a), { cache_time: 300 });
  });
  return c;
}
