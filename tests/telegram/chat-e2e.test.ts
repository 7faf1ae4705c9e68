/** What a user sees, end to end through the npm start wiring and the fake Bot API: answers, buttons, inline, groups. */

import { describe, expect, it } from "vitest";
import { BOT_INFO } from "../helpers/fake-telegram.js";
import { postUpdate, useWebhookServer } from "../helpers/node-server.js";
import { callbackUpdate, GROUP, inlineUpdate, textUpdate } from "../helpers/updates.js";

const s = useWebhookServer();

describe("chatting with the bot, end to end", () => {
  it("answers a question with the cited figure and follow-up buttons", async () => {
    const res = await postUpdate(s.running, textUpdate("2019年灵丘行政处罚多少"));
    expect(res.status).toBe(200);
    const [msg] = s.fake.sent("sendMessage");
    expect(msg?.chat_id).toBe(7001);
    expect(msg?.text).toMatch(/^灵丘县2019年 “行政处罚”：\n· 上一年项目数量：1249 项/);
    expect(msg?.text).toContain("出处：《灵丘县2019年政府信息公开工作年度报告》表二");
    expect(msg?.text).toContain("原文：行政处罚 | 1249 | 0 | |");
    expect(msg?.parse_mode).toBeUndefined();
    // The row's head and each of its figure lines in bold, placed from the answer's facts.
    const text = String(msg?.text ?? "");
    const entities = (msg?.entities ?? []) as { type: string; offset: number; length: number }[];
    const bold = entities.map((e) => text.slice(e.offset, e.offset + e.length));
    expect(bold[0]).toBe("灵丘县2019年 “行政处罚”：");
    expect(bold.slice(1).map((b) => b.split("：")[0])).toEqual(["· 上一年项目数量", "· 本年增/减", "· 处理决定数量"]);
    expect(entities.every((e) => e.type === "bold")).toBe(true);
    const buttons = (msg!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(["原文", "整行", "历年", "同级排名"]);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(s.fake.calls.filter((c) => !c.ok)).toEqual([]);
  });

  it("takes markup and emoji in a question as plain characters", async () => {
    await postUpdate(s.running, textUpdate("<b>2019年灵丘</b>行政处罚多少？😀 & <script>alert(1)</script> &amp;"));
    expect(s.fake.calls.map((c) => [c.method, c.ok])).toEqual([["sendMessage", true]]);
    expect(s.texts()[0]).toContain("1249");
    expect(s.texts()[0]).not.toContain("<script>");
  });

  it("answers an inline query with result cards", async () => {
    await postUpdate(s.running, inlineUpdate("灵丘 2019 行政处罚"));
    const [call] = s.fake.sent("answerInlineQuery");
    const results = call?.results as { id: string; title: string; input_message_content: { message_text: string } }[];
    expect(results.length).toBe(4);
    expect(results[0]?.input_message_content.message_text).toContain("1249");
    expect(results[1]?.title).toBe("灵丘县2019年 行政处罚·上一年项目数量：1249 项");
    expect(call?.cache_time).toBe(300);
  });

  it("answers an empty inline query with a pointer to the examples", async () => {
    await postUpdate(s.running, inlineUpdate(""));
    expect(s.fake.sent("answerInlineQuery")[0]).toMatchObject({ results: [], button: { start_parameter: "help" } });
  });

  it("follows up on a button press: the source text, the whole row, the other years", async () => {
    await postUpdate(s.running, textUpdate("2019年灵丘行政处罚多少"));
    const markup = s.fake.sent("sendMessage")[0]?.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const [quote, row, years] = markup.inline_keyboard.flat().map((b) => b.callback_data);
    s.fake.calls = [];
    for (const data of [quote, row, years]) expect((await postUpdate(s.running, callbackUpdate(data as string))).status).toBe(200);
    expect(s.fake.calls.map((c) => [c.method, c.ok])).toEqual([
      ["answerCallbackQuery", true],
      ["sendMessage", true],
      ["answerCallbackQuery", true],
      ["sendMessage", true],
      ["answerCallbackQuery", true],
      ["sendMessage", true],
    ]);
    const [q, r, y] = s.fake.sent("sendMessage");
    // The source text as printed (one cell per line in the seed report), in a block quote.
    const source = "行政处罚 |\n1249 |\n0 |\n|";
    expect(q?.text).toMatch(/^原文（《灵丘县2019年政府信息公开工作年度报告》表二 第二十条第（六）项 “行政处罚”行，源文件第\d+行）\n/);
    expect((q!.text as string).endsWith(`\n${source}`)).toBe(true);
    expect(q?.entities).toContainEqual({ type: "blockquote", offset: (q!.text as string).length - source.length, length: source.length });
    expect(q?.reply_parameters).toMatchObject({ message_id: 1000 });
    expect(r?.text).toContain("· 上一年项目数量：1249 项\n· 本年增/减：0 项\n· 处理决定数量：空白——报告中此格未填写（不等于0）");
    expect(y?.text).toContain("2019年：1249 项（《灵丘县2019年政府信息公开工作年度报告》，2020-02-19发布）");
    expect(y?.text).toContain("本库只收录了灵丘县2019年的报告。");
  });

  it("answers a stale or forged button politely", async () => {
    await postUpdate(s.running, callbackUpdate("q:999:2:六:penalty:prev_items"));
    await postUpdate(s.running, callbackUpdate("something else"));
    expect(s.fake.calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "answerCallbackQuery"]);
    expect(s.fake.sent("answerCallbackQuery")[0]?.text).toContain("请重新提问");
  });

  it("answers group commands, mentions and replies to the bot, and ignores other chatter", async () => {
    await postUpdate(s.running, textUpdate(`/ask@${BOT_INFO.username} 2019年灵丘行政处罚多少`, { chat: GROUP }));
    await postUpdate(s.running, textUpdate("/ask@SomeOtherBot 2019年灵丘行政处罚多少", { chat: GROUP }));
    await postUpdate(s.running, textUpdate("今天天气不错，灵丘2019年怎么样", { chat: GROUP }));
    await postUpdate(s.running, textUpdate(`@${BOT_INFO.username} 2019年灵丘行政强制多少`, { chat: GROUP }));
    await postUpdate(s.running, textUpdate("那2019年灵丘行政许可呢", { chat: GROUP, replyToBot: true }));
    const sent = s.fake.sent("sendMessage");
    expect(sent.map((m) => m.chat_id)).toEqual([GROUP.id, GROUP.id, GROUP.id]);
    expect(sent.map((m) => (m.text as string).split("\n")[0])).toEqual([
      "灵丘县2019年 “行政处罚”：",
      "灵丘县2019年 “行政强制”：",
      "灵丘县2019年 “行政许可”：",
    ]);
    for (const m of sent) expect(m.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
  });
});
