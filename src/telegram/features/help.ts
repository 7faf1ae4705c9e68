/** /start and /help: what to ask, with examples (in English for English-language clients); /about: what the bot does and does not do. */

import { Composer, type Context } from "grammy";
import { EXAMPLES } from "../../examples.js";
import { COMMANDS } from "../commands.js";
import { rich } from "../rich-text.js";
import { sendRich } from "../send-rich.js";

function helpMessage(username: string) {
  const b = rich().bold("问政府信息公开年报里的数字").text("\n直接发问题，写明机关（或地区）、年份和想要的项目，例如：\n");
  for (const e of EXAMPLES) b.text(`· ${e}\n`);
  b.text("\n回答给出报告里公布的原数、它的含义和出处（报告、表格、行、列、原文、发布日期）。\n");
  b.text(`\n在群里：/ask@${username} 问题，或回复我的消息，或 @${username} 问题。`);
  b.text(`\n在任何聊天里：输入 @${username} 问题，选一张结果卡片发送。\n\n`);
  for (const c of COMMANDS) b.text(`/${c.command} — ${c.description}\n`);
  return b.done();
}

/** For someone whose Telegram is in English: the reports are in Chinese, so are the answers. */
function helpMessageEn(username: string) {
  return rich()
    .bold("Figures from Chinese government information-disclosure annual reports")
    .text("\nAsk in Chinese, naming the body (or place), the year and the item, e.g.\n")
    .text(EXAMPLES.map((e) => `· ${e}\n`).join(""))
    .text("\nEach answer gives the published figure, what it means and where it stands (report, table, row, column, source text, date).")
    .text(`\nIn groups: /ask@${username} question, a reply to me, or @${username} question. /sources lists the reports.`)
    .done();
}

const ABOUT = rich()
  .bold("关于")
  .text(
    "\n本机器人只回答已收录的《政府信息公开工作年度报告》中公布的数字，每个数字都附出处和原文。" +
      "\n它不生成数字、不估算、不猜测：报告里空白、“/”或“无”的格会如实说明；报告不含的机关或年份会直说未收录。" +
      "\n发送 /sources 查看收录范围。",
  )
  .done();

export function help(): Composer<Context> {
  const c = new Composer<Context>();
  c.command(["start", "help"], (ctx) =>
    sendRich(ctx, ctx.from?.language_code?.startsWith("en") ? helpMessageEn(ctx.me.username) : helpMessage(ctx.me.username)),
  );
  c.command("about", (ctx) => sendRich(ctx, ABOUT));
  return c;
}
