/**
 * The fake Telegram Bot API itself, on web-standard Request/Response only, so the same fake
 * serves the Node tests (fake-telegram.ts puts it behind node:http on 127.0.0.1) and the
 * workerd tests (tests/worker, where it answers the Worker's outgoing fetch in the isolate).
 * Records every call and answers the way Telegram does, including its 400s: "can't parse
 * entities" for malformed HTML or entities out of range, "message is too long" over 4096 UTF-16
 * units, "BUTTON_DATA_INVALID" for callback data over 64 bytes. `failNext` makes the next call of
 * a method fail (429, 500 …); `slowNext` delays the next answer to a method.
 */

import type { UserFromGetMe } from "grammy/types";
import { checkMarkup, checkText, utf8Bytes } from "./telegram-rules.js";

export interface Call {
  method: string;
  payload: Record<string, unknown>;
  /** The response the fake gave. */
  ok: boolean;
  description?: string;
}

export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "年报问答",
  username: "NianbaoBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
export const TOKEN = "4242:TEST-token_abc";

interface Failure {
  status: number;
  description: string;
  retryAfter?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class FakeBotApi {
  calls: Call[] = [];
  /** Updates handed out by getUpdates (long polling), in order. */
  pending: { update_id: number }[] = [];
  private nextMessageId = 1000;
  private failures = new Map<string, Failure[]>();
  private delays = new Map<string, number[]>();
  private waiters: (() => void)[] = [];

  /** The next call of `method` fails with this status (and retry_after for 429). */
  failNext(method: string, status: number, description: string, retryAfter?: number): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), { status, description, ...(retryAfter ? { retryAfter } : {}) }]);
  }

  /** The next call of `method` is recorded and answered only after `ms`. */
  slowNext(method: string, ms: number): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ms]);
  }

  /** Accepted calls of a method, in order. */
  sent(method: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method && c.ok).map((c) => c.payload);
  }

  /** Wait until `pred` holds over the recorded calls (or fail after `ms`). */
  async waitFor(pred: (calls: Call[]) => boolean, ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (!pred(this.calls)) {
      if (Date.now() > until) throw new Error(`fake-telegram: timed out; calls: ${this.calls.map((c) => c.method).join(", ")}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  /** Answer one Bot API request, POST {apiRoot}/bot{TOKEN}/{method} with a JSON body. */
  async fetch(req: Request): Promise<Response> {
    const { status, body } = await this.handle(new URL(req.url).pathname, await req.text());
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }

  /** getUpdates: everything from `offset` on, else wait a little (a short long poll). */
  private async getUpdates(p: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const offset = typeof p.offset === "number" ? p.offset : 0;
    this.pending = this.pending.filter((u) => u.update_id >= offset);
    if (this.pending.length === 0) await sleep(100);
    this.calls.push({ method: "getUpdates", payload: p, ok: true });
    return { status: 200, body: { ok: true, result: this.pending.slice(0, 100) } };
  }

  private async handle(path: string, raw: string): Promise<{ status: number; body: unknown }> {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(path);
    if (!m || m[1] !== TOKEN) return { status: 404, body: { ok: false, error_code: 404, description: "Not Found" } };
    const method = m[2] as string;
    const payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (method === "getUpdates") return this.getUpdates(payload);
    const delay = this.delays.get(method)?.shift();
    if (delay) await sleep(delay);
    const fail = this.failures.get(method)?.shift();
    const result = fail ? { error: fail } : this.answer(method, payload);
    const call: Call = { method, payload, ok: !("error" in result) };
    if ("error" in result) call.description = result.error.description;
    this.calls.push(call);
    for (const w of this.waiters.splice(0)) w();
    if ("error" in result) {
      const { status, description, retryAfter } = result.error;
      return {
        status,
        body: { ok: false, error_code: status, description, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) },
      };
    }
    return { status: 200, body: { ok: true, result: result.ok } };
  }

  private answer(method: string, p: Record<string, unknown>): { ok: unknown } | { error: Failure } {
    const bad = (description: string) => ({ error: { status: 400, description } });
    switch (method) {
      case "getMe":
        return { ok: BOT_INFO };
      case "sendMessage": {
        const e = checkText(p.text, p.parse_mode, p.entities) ?? checkMarkup(p.reply_markup);
        if (e) return bad(e);
        return {
          ok: {
            message_id: this.nextMessageId++,
            date: Math.floor(Date.now() / 1000),
            chat: { id: p.chat_id, type: "private" },
            text: p.text,
          },
        };
      }
      case "answerInlineQuery": {
        const results = (p.results ?? []) as {
          id: string;
          input_message_content?: { message_text: string; parse_mode?: string; entities?: unknown };
        }[];
        if (results.length > 50) return bad("Bad Request: RESULTS_TOO_MUCH");
        for (const r of results) {
          if (utf8Bytes(r.id) > 64) return bad("Bad Request: RESULT_ID_INVALID");
          const c = r.input_message_content;
          const e = c ? checkText(c.message_text, c.parse_mode, c.entities) : null;
          if (e) return bad(e.replace("message is too long", "MESSAGE_TOO_LONG"));
        }
        return { ok: true };
      }
      case "answerCallbackQuery":
        if (typeof p.text === "string" && p.text.length > 200) return bad("Bad Request: MESSAGE_TOO_LONG");
        return { ok: true };
      case "sendChatAction":
      case "setMyCommands":
      case "setWebhook":
      case "deleteWebhook":
        return { ok: true };
      default:
        return bad(`Bad Request: method ${method} not faked`);
    }
  }
}
