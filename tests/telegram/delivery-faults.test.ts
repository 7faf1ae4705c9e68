/**
 * At least once in, exactly once out (issue 12), through the npm start wiring against a fake Bot API:
 * a Bot API failing for a while, an index rebuilt between deliveries, a handler that died mid-way.
 */

import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/build/build-index.js";
import { updateLogFile } from "../../src/serve.node.js";
import { postUpdate, start, useWebhookServer, webhookVars } from "../helpers/node-server.js";
import { SEED_CORPUS } from "../helpers/seed-index.js";
import { textUpdate } from "../helpers/updates.js";

const s = useWebhookServer();
const accepted = () => s.fake.calls.filter((c) => c.method === "sendMessage" && c.ok).length;

describe("delivery under faults", () => {
  it("a Bot API refusing for a while (429 beyond the retry budget) makes the webhook answer 500, and the redelivery is answered, once", async () => {
    s.fake.failNext("sendMessage", 429, "Too Many Requests: retry after 30", 30);
    const update = textUpdate("2019年灵丘行政处罚多少");
    expect((await postUpdate(s.running, update)).status).toBe(500);
    expect(accepted()).toBe(0);
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect(accepted()).toBe(1);
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect(accepted()).toBe(1);
  });

  it("an index rebuilt between deliveries forgets no answered update", async () => {
    const update = textUpdate("2019年灵丘行政强制多少");
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect(accepted()).toBe(1);
    await s.running.stop();
    await buildIndex({ corpus: SEED_CORPUS, out: s.indexDir, log: () => {} });
    s.running = await start(webhookVars(s.fake, s.indexDir));
    expect((await postUpdate(s.running, update)).status).toBe(200);
    expect(accepted()).toBe(1);
  });

  it("an update left in progress by a handler that died is answered on redelivery; one in progress now is not doubled", async () => {
    const dead = textUpdate("2019年灵丘行政许可多少");
    const live = textUpdate("2019年灵丘收到多少申请");
    const db = new Database(updateLogFile(s.indexDir));
    db.exec("CREATE TABLE IF NOT EXISTS update_claims (update_id INTEGER PRIMARY KEY, state TEXT NOT NULL, at INTEGER NOT NULL)");
    db.prepare("INSERT INTO update_claims VALUES (?, 'busy', ?)").run(dead.update_id, Date.now() - 60_000);
    db.prepare("INSERT INTO update_claims VALUES (?, 'busy', ?)").run(live.update_id, Date.now());
    db.close();
    expect((await postUpdate(s.running, dead)).status).toBe(200);
    expect(accepted()).toBe(1);
    // Another delivery holds it: Telegram is asked to deliver it again later, nothing is sent twice.
    expect((await postUpdate(s.running, live)).status).toBe(503);
    expect(accepted()).toBe(1);
  });
});
