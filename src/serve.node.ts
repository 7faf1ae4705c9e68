/**
 * The Node wiring behind `npm start`, as a function so tests run exactly what users run:
 * config → index (built from corpus/ if missing) → engine → bot → app → HTTP server, then
 * Telegram by long polling or by webhook. stop() undoes it all in reverse order.
 */

import { serve } from "@hono/node-server";
import { Bot } from "grammy";
import { openUpdateLog } from "./adapters/sqlite-store.js";
import { prepareIndex } from "./build/prepare-index.js";
import { type Config, WEBHOOK_PATH } from "./config.js";
import { createApp } from "./http/app.js";
import { RETRY_AFTER_SECONDS } from "./http/unavailable.js";
import { liveIndex } from "./live-index.node.js";
import { createBot } from "./telegram/bot.js";
import { ALLOWED_UPDATES } from "./telegram/commands.js";
import { registerBot } from "./telegram/start-telegram.js";

export interface Running {
  /** http://host:port the server listens on (the real port when PORT=0). */
  url: string;
  /** Stop polling, close the server (in-flight requests get `graceMs`), close the index. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  corpusDir?: string;
  log?: (line: string) => void;
  /** Handled errors (a failed update, a refused reply); default console.error. */
  logError?: (message: string, error: unknown) => void;
  /** Rate limit per user (tests raise it). */
  rateLimit?: { max: number; windowMs: number };
  /**
   * Tell Telegram about the bot (setMyCommands, setWebhook); default true. The workers of a
   * cluster pass false: their primary has done it once (cluster.node.ts).
   */
  register?: boolean;
  /** Log what the server does once it listens; default true (a cluster's primary says it once for all). */
  summary?: boolean;
  /** How often to look for a rebuilt index (default 1000 ms); a completed build is served from then on. */
  indexPollMs?: number;
}

/** Where the server keeps Telegram's update ids: a file beside the index directory, never inside it. */
export function updateLogFile(indexDir: string): string {
  return `${indexDir.replace(/[\\/]+$/, "")}-updates.sqlite`;
}

export async function startNode(config: Config, opts: StartOptions = {}): Promise<Running> {
  const log = opts.log ?? console.log;
  // Read-only: nothing writes to the index (the update log has its own file), and without WAL every
  // read checks the file's change counter, so a file damaged under the server is noticed at once.
  const first = await prepareIndex(config.indexDir, { ...opts, readonly: true });
  // Served live: a completed rebuild of the index directory is picked up within a poll (live-index.node.ts).
  const index = liveIndex(config.indexDir, first, { log, ...(opts.indexPollMs ? { pollMs: opts.indexPollMs } : {}) });
  // The update log in its own file beside the index: a rebuild never forgets answered updates.
  const updateLog = config.telegram ? openUpdateLog(updateLogFile(config.indexDir)) : null;
  const updates = updateLog?.updates ?? first.updates;
  const engine = index.engine;
  const tg = config.telegram;
  let bot: Bot | undefined;
  let stopped = false;
  let polling: Promise<void> | null = null;
  const makeBot = (botInfo: NonNullable<NonNullable<typeof tg>["botInfo"]>) =>
    createBot({
      token: (tg as NonNullable<typeof tg>).token,
      botInfo,
      apiRoot: (tg as NonNullable<typeof tg>).apiRoot,
      engine,
      store: index.store,
      ...(tg?.mode === "polling" ? { dedupeWith: updates } : {}),
      ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
      ...(opts.logError ? { log: opts.logError } : {}),
    });
  // The bot is a guest: a Bot API that cannot be reached at start leaves the page and the API
  // serving, and the bot's start-up calls are tried again in the background until they succeed.
  const startBot = async (): Promise<void> => {
    if (!tg) return;
    let botInfo = tg.botInfo;
    if (!botInfo) {
      botInfo = await new Bot(tg.token, { client: { apiRoot: tg.apiRoot } }).api.getMe();
      log(`BOT_INFO not set: asked getMe once at start. To skip this, set BOT_INFO='${JSON.stringify(botInfo)}'`);
    }
    bot ??= makeBot(botInfo);
    if (opts.register !== false) await registerBot(bot, tg);
    if (tg.mode === "polling" && !stopped) {
      polling = bot.start({ allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
      polling.catch((e) => log(`telegram: long polling stopped: ${(e as Error).message}`));
    }
  };
  const retryBot = async (first: unknown) => {
    let tries = 1;
    log(
      `telegram: Bot API not reachable at start (${(first as Error).message}); the page and the API are serving, the bot retries every 5 s`,
    );
    while (!stopped) {
      await new Promise((r) => setTimeout(r, 5000).unref?.());
      if (stopped) return;
      try {
        await startBot();
        log(`telegram: bot started after ${tries} retries`);
        return;
      } catch (e) {
        if (++tries % 12 === 0) log(`telegram: Bot API still not reachable (${(e as Error).message})`);
      }
    }
  };
  // With BOT_INFO the bot exists at once for the webhook route; without it (Node only) getMe is
  // asked once here, and until it answers the webhook route says 503 (Telegram delivers again).
  if (tg?.mode === "webhook" && tg.botInfo) bot = makeBot(tg.botInfo);
  let botFailed: unknown = null;
  try {
    if (tg?.mode === "webhook") await startBot();
  } catch (e) {
    botFailed = e;
  }
  const appFor = (b: Bot | undefined) =>
    createApp({
      engine,
      store: index.store,
      index,
      config,
      ...(tg?.mode === "webhook" && b ? { bot: b, updates } : {}),
      ...(opts.logError ? { log: opts.logError } : {}),
    });
  let app = appFor(bot);
  let appBot = bot;
  const fetch = (req: Request): Response | Promise<Response> => {
    if (appBot !== bot) {
      app = appFor(bot);
      appBot = bot;
    }
    if (tg?.mode === "webhook" && !bot && new URL(req.url).pathname === WEBHOOK_PATH)
      return new Response("the bot is starting", { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    return app.fetch(req);
  };
  const server = serve({ fetch, port: config.port, hostname: config.host });
  try {
    await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  } catch (e) {
    // A busy port (EADDRINUSE) and the like: nothing stays open behind the error.
    stopped = true;
    index.close();
    updateLog?.close();
    throw e;
  }
  const address = server.address();
  const url = `http://${config.host}:${typeof address === "object" && address ? address.port : config.port}`;
  if (tg?.mode === "polling") {
    try {
      await startBot();
    } catch (e) {
      botFailed = e;
    }
  }
  if (botFailed) void retryBot(botFailed);
  if (opts.summary !== false) log(`${config.summary.replace(/http:\/\/[^ )]+/, url)}`);
  return {
    url,
    async stop(graceMs = 5000) {
      stopped = true;
      if (polling && bot) await bot.stop();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          resolve();
        }, graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
      });
      index.close();
      updateLog?.close();
    },
  };
}
