/** Delivery semantics end to end through the npm start wiring: secret, dedupe, restarts, errors, retries, limits. */

import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { errors, postUpdate, SECRET, start, useWebhookServer, webhookVars } from "../helpers/node-server.js";
import { textUpdate } from "../helpers/updates.js";

const s = useWebhookServer();

describe("webhook, end to end", () => {
  it("registers the commands and the webhook with its secret at start", async () => {
    const fresh = new FakeTelegram();
    await fresh.start();
    const r = await start(webhookVars(fresh, s.indexDir));
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
    for (let i = 0; i < 3; i++) statuses.push((await postUpdate(s.running, update)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(s.texts()).toHaveLength(1);
    expect(s.texts()[0]).toContain("70");
  });

  it("refuses a wrong or missing secret with 401, calls nothing, and does not poison the update id", async () => {
    const update = textUpdate("2019年灵丘行政处罚多少");
    expect((await postUpdate(s.running, update, "wrong")).status).toBe(401);
    expect((await postUpdate(s.running, update, null)).status).toBe(401);
    expect((await postUpdate(s.running, update, `${"test_secret-123"}x`)).status).toBe(401);
    expect(s.fake.calls).toEqual([]);
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect(s.texts()).toHaveLength(1);
  });

  it("answers a 4 500-character message politely, within Telegram's limits", async () => {
    const long = `2019年灵丘行政处罚多少${"。".repeat(4500 - 13)}`;
    expect(long.length).toBe(4500);
    expect((await postUpdate(s.running, textUpdate(long))).status).toBe(200);
    expect(s.fake.calls.map((c) => [c.method, c.ok])).toEqual([["sendMessage", true]]);
    expect(s.texts()[0]).toContain("问题太长");
  });

  it("after a restart on the same index, a redelivered update is not answered again", async () => {
    const update = textUpdate("2019年灵丘行政处罚多少");
    await postUpdate(s.running, update);
    await s.running.stop();
    s.running = await start(webhookVars(s.fake, s.indexDir));
    s.fake.calls = [];
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect(s.fake.calls).toEqual([]);
    await postUpdate(s.running, textUpdate("2019年灵丘行政强制多少"));
    expect(s.texts()).toHaveLength(1);
  });

  it("still answers 200 when Telegram refuses the reply, and does not try again on redelivery", async () => {
    s.fake.failNext("sendMessage", 400, "Bad Request: chat not found");
    errors.length = 0;
    const update = textUpdate("2019年灵丘行政处罚多少");
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect(s.fake.calls.map((c) => [c.method, c.ok])).toEqual([["sendMessage", false]]);
    expect(errors).toEqual([expect.stringMatching(/^telegram: update \d+ failed: .*chat not found/)]);
  });

  it("retries a 429 after Telegram's retry_after", async () => {
    s.fake.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
    expect((await postUpdate(s.running, textUpdate("2019年灵丘行政处罚多少"))).status).toBe(200);
    expect(s.fake.calls.map((c) => [c.method, c.ok])).toEqual([
      ["sendMessage", false],
      ["sendMessage", true],
    ]);
  });

  it("refuses an oversized body with 413 and a body that is not an update with 400", async () => {
    const big = { update_id: 1, message: { text: "字".repeat(300_000) } };
    expect((await postUpdate(s.running, big)).status).toBe(413);
    expect((await postUpdate(s.running, { hello: "world" })).status).toBe(400);
    expect(s.fake.calls).toEqual([]);
  });

  it("counts a body sent without Content-Length (chunked) as it arrives: refused when too large, answered when not", async () => {
    // Resolves with the status, or with the socket error when the server answers 413 and closes the
    // connection while the oversized body is still being written.
    const chunked = (update: unknown) =>
      new Promise<number | string>((resolve) => {
        const req = request(`${s.running.url}/telegram/webhook`, {
          agent: false,
          method: "POST",
          headers: { "content-type": "application/json", "transfer-encoding": "chunked", "X-Telegram-Bot-Api-Secret-Token": SECRET },
        });
        req.on("response", (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
        const body = JSON.stringify(update);
        for (let i = 0; i < body.length; i += 4096) req.write(body.slice(i, i + 4096));
        req.end();
      });
    expect([413, "ECONNRESET", "EPIPE"]).toContain(await chunked({ update_id: 2, message: { text: "字".repeat(300_000) } }));
    expect(s.fake.calls).toEqual([]);
    expect(await chunked(textUpdate("2019年灵丘行政处罚多少", { updateId: 3 }))).toBe(200);
    await s.fake.waitFor((calls) => calls.some((c) => c.method === "sendMessage"));
    expect(s.texts()[0]).toContain("1249");
  });
});
