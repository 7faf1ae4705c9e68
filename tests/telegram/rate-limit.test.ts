/** The per-user rate limit, driven directly with a clock: counts per user, forgives after the window. */

import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { rateLimit, rateLimitText } from "../../src/telegram/rate-limit.js";

function message(user: number, replies: string[]): Context {
  return {
    from: { id: user },
    message: { message_id: 1 },
    reply: async (text: string) => {
      replies.push(text);
    },
  } as unknown as Context;
}

describe("rateLimit", () => {
  it("lets each user ask max times a window, says so once, and forgives after the window", async () => {
    let t = 0;
    const opts = { max: 2, windowMs: 1000, now: () => t };
    const limit = rateLimit(opts);
    const replies: string[] = [];
    let passed = 0;
    const next = async () => {
      passed++;
    };
    for (let i = 0; i < 4; i++) await limit(message(1, replies), next);
    expect(passed).toBe(2);
    expect(replies).toEqual([rateLimitText(opts)]);
    // Many other users in the same window are counted apart.
    for (let u = 2; u < 20_002; u++) await limit(message(u, replies), next);
    expect(passed).toBe(2 + 20_000);
    t = 1000;
    await limit(message(1, replies), next);
    expect(passed).toBe(2 + 20_000 + 1);
    expect(replies).toHaveLength(1);
  });
});
