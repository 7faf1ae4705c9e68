/**
 * What the HTTP face says when the index cannot be read (a StoreError): 503 with Retry-After,
 * never a 500 (Telegram would redeliver at once and forever) nor a 410 (Telegram would drop the
 * webhook). Telegram honours Retry-After; the page shows `reply`; /healthz shows `error`.
 */

import type { Context } from "hono";
import type { StoreError, StoreProblem } from "../core/store-error.js";

/** Seconds before Telegram (or the page's user) should try again: long enough to load or swap an index. */
export const RETRY_AFTER_SECONDS = 30;

const REPLY: Record<StoreProblem, string> = {
  missing: "本服务尚未连接数据库，暂时无法查询。请稍后再试。",
  no_index: "本库的索引尚未加载或正在更新，暂时无法查询。请稍后再试。",
  failed: "数据库暂时无法访问。请稍后再试。",
};

/** The body of a 503 from /api/ask or the webhook; `reply` is for people, `problem` for programs. */
export interface Unavailable {
  status: "unavailable";
  problem: StoreProblem;
  reply: string;
  retryAfter: number;
}

/** The words for people, for the HTML pages' 503. */
export const unavailableReply = (e: StoreError): string => REPLY[e.problem];

export function unavailableResponse(c: Context, e: StoreError): Response {
  const body: Unavailable = { status: "unavailable", problem: e.problem, reply: REPLY[e.problem], retryAfter: RETRY_AFTER_SECONDS };
  return c.json(body, 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
}
