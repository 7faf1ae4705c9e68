/**
 * npm start with WORKERS=2 in webhook mode, against a fake Telegram: the primary registers the
 * bot once, both workers serve the shared port, a duplicate update is answered once whichever
 * worker receives it, a worker that dies is replaced, and stop() ends every worker. Without
 * BOT_INFO (as here) the primary asks getMe once and hands the answer to the workers.
 */

import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClusterRunning, startCluster } from "../src/cluster.node.js";
import { parseConfig, type Vars } from "../src/config.js";
import { FakeTelegram } from "./helpers/fake-telegram.js";
import { copyOfSeedIndex, postUpdate, webhookVars } from "./helpers/node-server.js";
import { textUpdate } from "./helpers/updates.js";

const NODE_ENTRY = fileURLToPath(new URL("../src/node.ts", import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(pred: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm start with WORKERS=2 (webhook mode)", () => {
  let fake: FakeTelegram;
  let running: ClusterRunning;
  const lines: string[] = [];

  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    const { BOT_INFO: _, ...hook } = webhookVars(fake, await copyOfSeedIndex());
    const vars: Vars = { ...hook, WORKERS: "2" };
    running = await startCluster(parseConfig(vars), {
      env: { ...process.env, ...vars },
      exec: NODE_ENTRY,
      execArgv: ["--import", "tsx"],
      log: (l) => lines.push(l),
    });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await fake.stop();
  });

  it("registers the webhook once, in the primary, and says how many workers serve", () => {
    expect(fake.sent("setWebhook")).toHaveLength(1);
    expect(fake.sent("setMyCommands")).toHaveLength(1);
    expect(fake.sent("getMe")).toHaveLength(1);
    expect(lines.join("\n")).toContain("BOT_INFO not set: asked getMe once at start");
    expect(running.pids()).toHaveLength(2);
    expect(lines.join("\n")).toContain("2 worker processes");
  });

  it("answers the API and the webhook from the workers", async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${running.url}/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`).then((r) => r.json()),
      ),
    );
    for (const a of answers as { facts: { raw: string }[] }[]) expect(a.facts[0]?.raw).toBe("1249");
    const res = await postUpdate(running, textUpdate("2019年灵丘行政处罚多少", { updateId: 501 }));
    expect(res.status).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === "sendMessage" && String(c.payload.text).includes("1249")));
  });

  it("answers an update delivered many times at once exactly once, whichever worker gets it", async () => {
    const before = fake.sent("sendMessage").length;
    const update = textUpdate("2019年灵丘收到多少申请", { updateId: 777 });
    const replies = await Promise.all(Array.from({ length: 8 }, () => postUpdate(running, update).then((r) => r.text())));
    // One delivery handles it; the others are duplicates of an answered update (200) or, while it is
    // still in progress, asked to come again later (503): none is handled twice.
    expect(replies.filter((r) => r.includes('"duplicate":true') || r.includes('"inProgress":true'))).toHaveLength(7);
    await fake.waitFor((calls) => calls.filter((c) => c.method === "sendMessage").length > before);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sent("sendMessage").length - before).toBe(1);
  });

  it("replaces a worker that dies, and keeps serving", async () => {
    const [victim] = running.pids();
    process.kill(victim as number, "SIGKILL");
    await until(() => running.pids().length === 2 && !running.pids().includes(victim as number));
    await until(() => lines.some((l) => l.includes(`worker ${victim} stopped`)));
    const a = (await (await fetch(`${running.url}/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`)).json()) as {
      facts: { raw: string }[];
    };
    expect(a.facts[0]?.raw).toBe("1249");
  }, 30_000);

  it("stop() ends every worker", async () => {
    await until(() => running.pids().length === 2);
    const pids = running.pids();
    await running.stop();
    await until(() => pids.every((p) => !alive(p)));
  }, 30_000);
});

describe("WORKERS in the configuration", () => {
  it("is refused above 1 with long polling, which runs in one process", () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: "123:abc", WORKERS: "2" })).toThrow(/WORKERS > 1 needs webhook mode/);
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: "123:abc", WORKERS: "auto" }).workers).toBe(1);
  });
  it("accepts auto or 1–64 and refuses anything else", () => {
    expect(parseConfig({}).workers).toBe(1);
    expect(parseConfig({ WORKERS: "auto" }).workers).toBe("auto");
    expect(parseConfig({ WORKERS: "4" }).workers).toBe(4);
    for (const bad of ["0", "65", "1.5", "two"]) expect(() => parseConfig({ WORKERS: bad })).toThrow(/WORKERS must be/);
  });
});
