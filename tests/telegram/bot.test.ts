/** createBot offline: botInfo from config, the fake Bot API as apiRoot, updates fed to handleUpdate. */

import { GrammyError } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../src/adapters/sqlite-store.js";
import type { Engine } from "../../src/core/answer/answer-question.js";
import type { Answer } from "../../src/core/answer/answer-types.js";
import { type BotDeps, createBot } from "../../src/telegram/bot.js";
import { BOT_INFO, FakeTelegram, TOKEN } from "../helpers/fake-telegram.js";
import { engineFor, SEED_CORPUS } from "../helpers/seed-index.js";
import { callbackUpdate, PRIVATE, textUpdate } from "../helpers/updates.js";

let fake: FakeTelegram;
let seed: { engine: Engine; index: SqliteIndex };
const errors: unknown[] = [];

beforeAll(async () => {
  fake = await new FakeTelegram().start();
  seed = await engineFor(SEED_CORPUS);
});
afterAll(async () => {
  seed.index.close();
  await fake.stop();
});
beforeEach(() => {
  fake.calls = [];
  errors.length = 0;
});

function bot(over: Partial<BotDeps> = {}) {
  return createBot({
    token: TOKEN,
    botInfo: BOT_INFO,
    apiRoot: fake.apiRoot,
    engine: seed.engine,
    store: seed.index.store,
    log: (_m, e) => errors.push(e),
    ...over,
  });
}

const answer = (reply: string): Answer => ({ question: "q", status: "answered", facts: [], notes: [], reply });
const slowEngine = (ms: number, reply = "灵丘县2019年：1 项"): Engine => ({
  ask: () => new Promise((r) => setTimeout(() => r(answer(reply)), ms)),
});

// biome-ignore lint/suspicious/noExplicitAny: updates are built as Telegram sends them
const feed = (b: ReturnType<typeof bot>, u: any) => b.handleUpdate(u);

describe("the fake Bot API behaves like Telegram", () => {
  it("refuses malformed HTML, entities outside the text and text over 4096 UTF-16 units", async () => {
    const b = bot();
    await expect(b.api.sendMessage(PRIVATE.id, "<b>灵丘 & </b>", { parse_mode: "HTML" })).rejects.toThrow(/can't parse entities/);
    await expect(b.api.sendMessage(PRIVATE.id, "1 < 2", { parse_mode: "HTML" })).rejects.toThrow(/can't parse entities/);
    await expect(b.api.sendMessage(PRIVATE.id, "灵丘", { entities: [{ type: "bold", offset: 1, length: 5 }] })).rejects.toThrow(
      /can't parse entities/,
    );
    await expect(b.api.sendMessage(PRIVATE.id, "😀".repeat(2049))).rejects.toThrow(/message is too long/);
    await expect(b.api.sendMessage(PRIVATE.id, "<b>灵丘 &amp; 1 &lt; 2</b>", { parse_mode: "HTML" })).resolves.toBeTruthy();
    await expect(b.api.sendMessage(PRIVATE.id, "😀".repeat(2048))).resolves.toBeTruthy();
    const e = await b.api.sendMessage(PRIVATE.id, "", {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GrammyError);
  });
});

describe("createBot", () => {
  it("splits a long answer at paragraphs into messages Telegram accepts", async () => {
    const para = (i: number) => `第${i}段 😀 ${"数".repeat(900)}`;
    const reply = Array.from({ length: 10 }, (_, i) => para(i)).join("\n\n");
    await feed(bot({ engine: { ask: async () => answer(reply) } }), textUpdate("很长的问题"));
    const sent = fake.sent("sendMessage");
    expect(fake.calls.every((c) => c.ok)).toBe(true);
    expect(sent.length).toBeGreaterThan(2);
    for (const m of sent) expect((m.text as string).length).toBeLessThanOrEqual(4096);
    expect(sent.map((m) => m.text).join("\n\n")).toBe(reply);
  });

  it("shows typing only while a slow answer is being composed", async () => {
    await feed(bot({ engine: slowEngine(250), typingAfterMs: 50 }), textUpdate("慢问题"));
    expect(fake.calls.map((c) => c.method)).toEqual(["sendChatAction", "sendMessage"]);
    expect(fake.sent("sendChatAction")[0]).toMatchObject({ chat_id: PRIVATE.id, action: "typing" });
    fake.calls = [];
    await feed(bot({ engine: slowEngine(0), typingAfterMs: 50 }), textUpdate("快问题"));
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.calls.map((c) => c.method)).toEqual(["sendMessage"]);
  });

  it("limits each user politely: one notice per window, then silence; a button gets a toast", async () => {
    const b = bot({ rateLimit: { max: 2, windowMs: 60_000 } });
    for (let i = 0; i < 4; i++) await feed(b, textUpdate("2019年灵丘行政处罚多少"));
    await feed(b, callbackUpdate("q:1:2:六:penalty:prev_items"));
    const texts = fake.sent("sendMessage").map((m) => m.text as string);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toBe("提问有点快了：每人每60秒最多2次。请稍等片刻再问，谢谢！");
    expect(fake.sent("answerCallbackQuery")[0]?.text).toContain("提问有点快了");
  });

  it("keeps a failing feature inside the error boundary", async () => {
    const b = bot({ engine: { ask: () => Promise.reject(new Error("engine down")) } });
    await expect(feed(b, textUpdate("2019年灵丘行政处罚多少"))).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe("engine down");
  });

  it("/start, /help, /sources, /about and an unknown command", async () => {
    const b = bot();
    for (const t of ["/start", "/help", "/sources", "/about", "/nope"]) await feed(b, textUpdate(t));
    const [start, help, sources, about, nope] = fake.sent("sendMessage").map((m) => m.text as string);
    expect(start).toBe(help);
    expect(help).toContain("2019年灵丘行政处罚多少");
    expect(help).toContain("/ask@NianbaoBot");
    expect(sources).toBe("本库收录 1 份报告\n· 灵丘县 2019年 · 2020-02-19发布 · 《灵丘县2019年政府信息公开工作年度报告》");
    expect(about).toContain("不生成数字");
    expect(nope).toContain("/help");
  });

  it("gives help in English to an English-language client", async () => {
    const u = textUpdate("/help");
    await feed(bot(), { ...u, message: { ...u.message, from: { ...u.message.from, language_code: "en" } } });
    expect(fake.sent("sendMessage")[0]?.text).toMatch(/^Figures from Chinese government/);
  });

  it("asks for the question when /ask has none", async () => {
    await feed(bot(), textUpdate("/ask"));
    expect(fake.sent("sendMessage")[0]?.text).toBe("请在命令后写上问题，例如：/ask 2019年灵丘行政处罚多少");
  });
});
