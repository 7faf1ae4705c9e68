/** Delivery semantics end to end through the npm start wiring: secret, dedupe, restarts, errors, retries, limits. */

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Running } from "../../src/serve.node.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { copyOfSeedIndex, errors, postUpdate, start, webhookVars } from "../helpers/node-server.js";
import { textUpdate } from "../helpers/updates.js";

let fake: FakeTelegram;
let running: Running;
let indexDir: string;

beforeAll(async () => {
  fake = await new FakeTelegram().start();
});
afterAll(() => fake.stop());
beforeEach(async () => {
  indexDir = await copyOfSeedIndex();
  running = await start(webhookVars(fake, indexDir));
  fake.calls = [];
});
afterEach(() => running.stop());

const texts = () => fake.sent("sendMessage").map((p) => p.text as string);

describe("webhook, end to end", () => {
  it("registers the commands and the webhook with its secret at start", async () => {
    const fresh = new FakeTelegram();
    await fresh.start();
    const r = await start(webhookVars(fresh, indexDir));
    await r.stop();
    await fresh.stop();
    expect(fresh.calls.map((c) => c.method)).toEqual(["setMyCommands", "setWebhook"]);
    expect(fresh.sent("setWebhook")[0]).toEqual({
      url: "https://bot.example.org/telegram/webhook",
      secret_token: "test_secret-123",
      allowed_updates: ["message", "inline_query", "callback_query"],
    });
  });

  it("answers the same update once, however often it is delivered", async () => {
    const update = textUpdate("2019年灵丘行政强制多少");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postUpdate(running, update)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toContain("70");
  });

  it("refuses a wrong or missing secret with 401, calls nothing, and does not poison the update id", async () => {
    const update = textUpdate("2019年灵丘行政处罚多少");
    expect((await postUpdate(running, update, "wrong")).status).toBe(401);
    expect((await postUpdate(running, update, null)).status).toBe(401);
    expect((await postUpdate(running, update, `${"test_secret-123"}x`)).status).toBe(401);
    expect(fake.calls).toEqual([]);
    expect((await postUpdate(running, update)).status).toBe(200);
    expect(texts()).toHaveLength(1);
  });

  it("answers a 4 500-character message politely, within Telegram's limits", async () => {
    const long = `2019年灵丘行政处罚多少${"。".repeat(4500 - 13)}`;
    expect(long.length).toBe(4500);
    expect((await postUpdate(running, textUpdate(long))).status).toBe(200);
    expect(fake.calls.map((c) => [c.method, c.ok])).toEqual([["sendMessage", true]]);
    expect(texts()[0]).toContain("问题太长");
  });

  it("after a restart on the same index, a redelivered update is not answered again", async () => {
    const update = textUpdate("2019年灵丘行政处罚多少");
    await postUpdate(running, update);
    await running.stop();
    running = await start(webhookVars(fake, indexDir));
    fake.calls = [];
    expect((await postUpdate(running, update)).status).toBe(200);
    expect(fake.calls).toEqual([]);
    await postUpdate(running, textUpdate("2019年灵丘行政强制多少"));
    expect(texts()).toHaveLength(1);
  });

  it("still answers 200 when Telegram refuses the reply, and does not try again on redelivery", async () => {
    fake.failNext("sendMessage", 400, "Bad Request: chat not found");
    errors.length = 0;
    const update = textUpdate("2019年灵丘行政处罚多少");
    expect((await postUpdate(running, update)).status).toBe(200);
    expect((await postUpdate(running, update)).status).toBe(200);
    expect(fake.calls.map((c) => [c.method, c.ok])).toEqual([["sendMessage", false]]);
    expect(errors).toEqual([expect.stringMatching(/^telegram: update \d+ failed: .*chat not found/)]);
  });

  it("retries a 429 after Telegram's retry_after", async () => {
    fake.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
    expect((await postUpdate(running, textUpdate("2019年灵丘行政处罚多少"))).status).toBe(200);
    expect(fake.calls.map((c) => [c.method, c.ok])).toEqual([
      ["sendMessage", false],
      ["sendMessage", true],
    ]);
  });

  it("refuses an oversized body with 413 and a body that is not an update with 400", async () => {
    const big = { update_id: 1, message: { text: "字".repeat(300_000) } };
    expect((await postUpdate(running, big)).status).toBe(413);
    expect((await postUpdate(running, { hello: "world" })).status).toBe(400);
    expect(fake.calls).toEqual([]);
  });
});
