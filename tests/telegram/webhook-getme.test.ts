/** Webhook mode on Node without BOT_INFO: getMe once at start, then updates are answered (Workers still need BOT_INFO). */

import { describe, expect, it } from "vitest";
import { workerDeps } from "../../src/worker.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { copyOfSeedIndex, postUpdate, SECRET, start, webhookVars } from "../helpers/node-server.js";
import { textUpdate } from "../helpers/updates.js";

describe("webhook mode without BOT_INFO", () => {
  it("asks getMe once at start and answers updates", async () => {
    const fake = await new FakeTelegram().start();
    const { BOT_INFO: _, ...vars } = webhookVars(fake, await copyOfSeedIndex());
    const running = await start(vars);
    try {
      expect(fake.calls.filter((c) => c.method === "getMe")).toHaveLength(1);
      expect(fake.calls.map((c) => c.method)).toEqual(expect.arrayContaining(["getMe", "setMyCommands", "setWebhook"]));
      expect((await postUpdate(running, textUpdate("2019年灵丘行政处罚多少"))).status).toBe(200);
      expect((await postUpdate(running, textUpdate("2019年灵丘行政强制多少"))).status).toBe(200);
      expect(fake.sent("sendMessage")).toHaveLength(2);
      expect(fake.calls.filter((c) => c.method === "getMe")).toHaveLength(1);
    } finally {
      await running.stop();
      await fake.stop();
    }
  });

  it("is refused on Workers, where every cold isolate would call getMe", () => {
    expect(() =>
      workerDeps({
        TELEGRAM_BOT_TOKEN: "4242:TEST-token_abc",
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        PUBLIC_URL: "https://bot.example.org/",
      }),
    ).toThrow(/BOT_INFO/);
  });
});
