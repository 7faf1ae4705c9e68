/**
 * Route the isolate's fetch to an in-isolate fake Bot API for requests to API_ROOT (anything else
 * goes to the real fetch: offline, it fails). grammY takes the global fetch when a Bot is built,
 * i.e. when the Worker builds its app, so call this in beforeAll before any app exists.
 */

import { vi } from "vitest";
import type { FakeBotApi } from "../helpers/fake-bot-api.js";

export const API_ROOT = "https://bot-api.fake";

export function stubBotApi(fake: FakeBotApi): void {
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    return new URL(req.url).origin === API_ROOT ? fake.fetch(req) : realFetch(req);
  });
}
