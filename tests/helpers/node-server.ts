/** Start the real Node wiring (startNode) on a private copy of the seed index, against a fake Telegram. */

import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { parseConfig, type Vars } from "../../src/config.js";
import { type Running, startNode } from "../../src/serve.node.js";
import { BOT_INFO, FakeTelegram, TOKEN } from "./fake-telegram.js";
import { indexFor, SEED_CORPUS } from "./seed-index.js";

export const SECRET = "test_secret-123";

/** A fresh copy of the seed index (its own seen-updates table). */
export async function copyOfSeedIndex(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), "gov-index-copy-")), "index");
  cpSync(await indexFor(SEED_CORPUS), dir, { recursive: true });
  return dir;
}

export function webhookVars(fake: FakeTelegram, indexDir: string): Vars {
  return {
    PORT: "0",
    HOST: "127.0.0.1",
    INDEX_DIR: indexDir,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PUBLIC_URL: "https://bot.example.org/",
    BOT_INFO: JSON.stringify(BOT_INFO),
  };
}

/** Handled errors the server reported, newest last (cleared by the tests that read it). */
export const errors: string[] = [];

export function start(vars: Vars): Promise<Running> {
  return startNode(parseConfig(vars), {
    log: () => {},
    logError: (m, e) => errors.push(`${m} ${(e as Error).message}`),
    rateLimit: { max: 1000, windowMs: 60_000 },
  });
}

/** POST an update to the running server's webhook. */
export function postUpdate(running: Running, update: unknown, secret: string | null = SECRET): Promise<Response> {
  return fetch(`${running.url}/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === null ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
    body: JSON.stringify(update),
  });
}

/**
 * The webhook server of the npm start wiring, against a fake Telegram, on a fresh copy of the
 * seed index for every test. Fields are reassigned per test (and by restart tests), so read them
 * through the returned object.
 */
export function useWebhookServer(): { fake: FakeTelegram; running: Running; indexDir: string; texts: () => string[] } {
  const s = {
    fake: undefined as unknown as FakeTelegram,
    running: undefined as unknown as Running,
    indexDir: "",
    texts: () => s.fake.sent("sendMessage").map((p) => p.text as string),
  };
  beforeAll(async () => {
    s.fake = await new FakeTelegram().start();
  });
  afterAll(() => s.fake.stop());
  beforeEach(async () => {
    s.indexDir = await copyOfSeedIndex();
    s.running = await start(webhookVars(s.fake, s.indexDir));
    s.fake.calls = [];
  });
  afterEach(() => s.running.stop());
  return s;
}
