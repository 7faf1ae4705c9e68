/**
 * createApp: the one HTTP face, shared by Node (src/node.ts) and Workers (src/worker.ts).
 * Runtime-free: no node:* imports; every dependency comes in through AppDeps.
 *
 *   GET  /                  the chat page (uses /api/ask); /?q=… renders that question's answer (its permalink)
 *   GET  /api/ask?q=…       the Answer JSON of design.md; &format=csv its facts as CSV, &format=card the page's card
 *   GET  /report/:file      a report with the cell a permalink names marked; /reports the corpus by region, body, year
 *   GET  /healthz           { ok, reports, build }, or 503 { ok: false, problem, error } when the index cannot be read
 *                           (error is a fixed phrase per problem: no file path, no raw error text; the log has those)
 *   POST /telegram/webhook  Telegram updates (only when a bot is given)
 *
 * A StoreError anywhere (D1 or SQLite missing, empty or failing) answers 503 + Retry-After.
 */

import type { Bot } from "grammy";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Config } from "../config.js";
import { WEBHOOK_PATH } from "../config.js";
import type { Engine } from "../core/answer/answer-question.js";
import type { Store, UpdateLog } from "../core/ports.js";
import { StoreError } from "../core/store-error.js";
import { answerCard } from "./answer-card.js";
import { answerCsv } from "./answer-csv.js";
import { chatPage, isPage, unavailablePage } from "./chat-page.js";
import { reportPages } from "./report-view.js";
import { telegramWebhook } from "./telegram-webhook.js";
import { RETRY_AFTER_SECONDS, unavailableResponse } from "./unavailable.js";

export interface AppDeps {
  /** Answers questions (createEngine over the store). */
  engine: Engine;
  /** The index, for /healthz's report count. */
  store: Store;
  /** parseConfig's result; the webhook secret is config.telegram.webhookSecret. */
  config: Config;
  /** The bot (createBot) when Telegram delivers by webhook; omit for page + API only or for long polling. */
  bot?: Bot;
  /** Seen update ids (required with `bot`): a redelivered update is acknowledged, not answered again. */
  updates?: UpdateLog;
  /** Handled errors go here; default console.error. */
  log?: (message: string, error: unknown) => void;
  /** The index being served, where the runtime knows more than the Store says (Node: its build id and an integrity check). */
  index?: { build(): string | null; check(): void };
  /** Acknowledge an update still being handled after this long (default 8000 ms, inside grammY's and Telegram's limits). */
  webhookTimeoutMs?: number;
}

/** Telegram updates are a few KB; anything far larger is not from Telegram. */
export const WEBHOOK_MAX_BYTES = 256 * 1024;

/** What /healthz says about each problem: the same words whatever the file or the error (the log has both). */
const HEALTH_ERROR: Record<StoreError["problem"], string> = {
  missing: "no database is connected",
  no_index: "the database holds no usable index (missing, corrupt or of another schema version); the server log says which",
  failed: "the database failed; the server log says how",
};

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const log = deps.log ?? ((m, e) => console.error(m, e));
  app.onError((err, c) => {
    if (err instanceof StoreError) {
      log(`${c.req.method} ${c.req.path}: index unavailable, answering 503:`, err);
      if (c.req.method === "GET" && isPage(c.req.path)) return unavailablePage(c, err);
      return unavailableResponse(c, err);
    }
    log(`${c.req.method} ${c.req.path} failed:`, err);
    return c.json({ status: "error" }, 500);
  });
  app.get("/healthz", async (c) => {
    try {
      await deps.store.ready();
      deps.index?.check();
      const reports = await deps.store.countReports();
      return c.json(deps.index ? { ok: true, reports, build: deps.index.build() } : { ok: true, reports });
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      log("GET /healthz: index unavailable:", e);
      return c.json({ ok: false, problem: e.problem, error: HEALTH_ERROR[e.problem] }, 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
    }
  });
  app.get("/api/ask", async (c) => {
    const a = await deps.engine.ask(c.req.query("q") ?? "");
    const format = c.req.query("format");
    if (format === "csv")
      return c.body(answerCsv(a), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="answer.csv"',
      });
    if (format === "card") return c.json({ answer: a, card: answerCard(a) });
    return c.json(a);
  });
  app.route("/", chatPage(deps.engine));
  app.route("/", reportPages(deps.store));
  if (deps.bot) {
    const secret = deps.config.telegram?.webhookSecret;
    if (!secret) throw new Error("createApp: a webhook bot needs config.telegram.webhookSecret (TELEGRAM_WEBHOOK_SECRET)");
    if (!deps.updates) throw new Error("createApp: a webhook bot needs `updates` (an UpdateLog) to answer each update once");
    const streamed = bodyLimit({ maxSize: WEBHOOK_MAX_BYTES, onError: (c) => c.text("payload too large", 413) });
    // Decided by Content-Length when the request has one (Telegram's always do), without touching the
    // body: Hono's bodyLimit reads request.body, which turns the Node server's direct read of the
    // body into a web stream (~0.2 ms a request). A body without a length is counted as it streams.
    const limit: MiddlewareHandler = (c, next) => {
      const length = c.req.header("content-length");
      if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
      return Number(length) > WEBHOOK_MAX_BYTES ? Promise.resolve(c.text("payload too large", 413)) : next();
    };
    app.post(
      WEBHOOK_PATH,
      limit,
      telegramWebhook({
        bot: deps.bot,
        updates: deps.updates,
        ready: () => deps.store.ready(),
        secret,
        log,
        ...(deps.webhookTimeoutMs !== undefined ? { timeoutMs: deps.webhookTimeoutMs } : {}),
      }),
    );
  }
  return app;
}
