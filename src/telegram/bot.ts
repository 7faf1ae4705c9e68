/**
 * createBot: a grammY Bot with its features, ready for a webhook or long polling. botInfo comes
 * from configuration, so no request ever waits on getMe; outgoing calls are retried on 429/5xx a
 * bounded number of times; an error in a feature is logged and never escapes as a failed update.
 */

import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type BotError, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Engine } from "../core/answer/answer-question.js";
import type { Store, UpdateLog } from "../core/ports.js";
import { dedupe } from "./dedupe.js";
import { followUps } from "./features/follow-ups.js";
import { help } from "./features/help.js";
import { inline } from "./features/inline.js";
import { questions } from "./features/questions.js";
import { sources } from "./features/sources.js";
import { DEFAULT_RATE_LIMIT, type RateLimitOptions, rateLimit } from "./rate-limit.js";

export interface BotDeps {
  token: string;
  /** getMe's result (config BOT_INFO). */
  botInfo: UserFromGetMe;
  /** Bot API root, e.g. https://api.telegram.org or a local fake in tests. */
  apiRoot?: string;
  engine: Engine;
  store: Store;
  /** Long polling only: drop updates already answered. The webhook route dedupes on its own. */
  dedupeWith?: UpdateLog;
  rateLimit?: RateLimitOptions;
  /** Send "typing…" when an answer takes longer than this; default 1000 ms. */
  typingAfterMs?: number;
  /**
   * Answer a webhook update in the HTTP response itself (grammY's webhook reply) instead of calling
   * sendMessage. Off in the product: the reply's outcome is then unknown, so a message Telegram
   * refuses could not be sent again as plain text. The bench turns it on to keep its load local.
   */
  webhookReply?: boolean;
  /** Where handled errors are reported; default console.error. */
  log?: (message: string, error: unknown) => void;
}

/**
 * Updates whose handling failed for a reason that may pass (the Bot API unreachable or answering
 * 5xx/429): the webhook answers Telegram with an error for them, so Telegram delivers them again.
 * A refusal (400 chat not found, 403 blocked) will not pass and is not retried.
 */
const transientFailures = new WeakMap<Bot, Set<number>>();

function isTransient(e: unknown): boolean {
  const code = (e as { error_code?: unknown }).error_code;
  if (typeof code === "number") return code >= 500 || code === 429;
  return e instanceof Error && /HttpError|FetchError|network/i.test(`${e.name} ${e.message}`);
}

/** Whether handling `updateId` failed for a passing reason (and forget it). */
export function takeTransientFailure(bot: Bot, updateId: number): boolean {
  const set = transientFailures.get(bot);
  return set?.delete(updateId) ?? false;
}

/** Retry 429s that ask for at most 5 s and 5xx twice; never retry a network error (a lost reply could post twice). */
export const RETRY = { maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: true } as const;

export function createBot(deps: BotDeps): Bot {
  const bot = new Bot(deps.token, {
    botInfo: deps.botInfo,
    client: {
      apiRoot: deps.apiRoot ?? "https://api.telegram.org",
      timeoutSeconds: 20,
      ...(deps.webhookReply ? { canUseWebhookReply: (method: string) => method === "sendMessage" } : {}),
    },
  });
  bot.api.config.use(autoRetry(RETRY));
  const log = deps.log ?? ((m, e) => console.error(m, e));
  const features = { engine: deps.engine, store: deps.store, typingAfterMs: deps.typingAfterMs ?? 1000 };
  if (deps.dedupeWith) bot.use(dedupe(deps.dedupeWith));
  const failures = new Set<number>();
  transientFailures.set(bot, failures);
  const onError = (err: BotError<Context>) => {
    if (isTransient(err.error)) failures.add(err.ctx.update.update_id);
    log(`telegram: update ${err.ctx.update.update_id} failed:`, err.error);
  };
  bot
    .errorBoundary(onError)
    .use(
      rateLimit(deps.rateLimit ?? DEFAULT_RATE_LIMIT),
      help(),
      sources(deps.store),
      followUps(deps.store),
      inline(features),
      questions(features),
    );
  bot.catch(onError);
  return bot;
}
