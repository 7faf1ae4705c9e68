/** Long polling (a token without PUBLIC_URL), end to end: getUpdates from the fake, answers, restart. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_INFO, FakeTelegram, TOKEN } from "../helpers/fake-telegram.js";
import { copyOfSeedIndex, start } from "../helpers/node-server.js";
import { textUpdate } from "../helpers/updates.js";

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
});
afterAll(() => fake.stop());

describe("long polling", () => {
  it("answers updates from getUpdates, and not again when they are handed out again after a restart", async () => {
    const vars = {
      PORT: "0",
      INDEX_DIR: await copyOfSeedIndex(),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_INFO: JSON.stringify(BOT_INFO),
    };
    const update = textUpdate("2019年灵丘行政处罚多少");
    fake.pending.push(update);
    let running = await start(vars);
    await fake.waitFor((calls) => calls.some((c) => c.method === "sendMessage"));
    await running.stop();
    expect(fake.calls.map((c) => c.method)).toContain("setMyCommands");
    expect(fake.calls.find((c) => c.method === "getUpdates")?.payload.allowed_updates).toEqual([
      "message",
      "inline_query",
      "callback_query",
    ]);
    expect(fake.calls.some((c) => c.method === "setWebhook")).toBe(false);

    // A crash before the offset was confirmed: Telegram hands the same update out again.
    fake.calls = [];
    fake.pending.push(update);
    const next = textUpdate("2019年灵丘行政强制多少");
    fake.pending.push(next);
    running = await start(vars);
    await fake.waitFor((calls) => calls.some((c) => c.method === "sendMessage"));
    await new Promise((r) => setTimeout(r, 200));
    await running.stop();
    const texts = fake.sent("sendMessage").map((m) => m.text as string);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("“行政强制”");
  });

  it("asks getMe once at start when BOT_INFO is not set", async () => {
    fake.calls = [];
    const running = await start({
      PORT: "0",
      INDEX_DIR: await copyOfSeedIndex(),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    await running.stop();
    expect(fake.calls.filter((c) => c.method === "getMe")).toHaveLength(1);
  });
});
