/**
 * Secrets never in logs: the server run against a Bot API that refuses every connection prints
 * its errors, and neither the token nor the webhook secret appears anywhere in what it printed.
 */

import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { redactor } from "../src/core/redact.js";
import { copyOfSeedIndex } from "./helpers/node-server.js";
import { ROOT } from "./helpers/seed-index.js";

const TOKEN = "123456789:AAFakeTokenForRedactionTest_1234";
const SECRET = "webhook_secret_for_redaction_test";

/** Run `npm start`'s entry with the given variables for a few seconds; everything it printed, and whether /api/ask answered meanwhile. */
function run(vars: Record<string, string>, ms: number): Promise<{ out: string; served: boolean }> {
  return new Promise((resolve) => {
    let served = false;
    const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], { cwd: ROOT, env: { ...process.env, ...vars } });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const url = /page and API on (http:\/\/[\d.:]+)/.exec(out)?.[1];
      if (url && !served)
        fetch(`${url}/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`)
          .then(async (r) => {
            served = r.status === 200 && ((await r.json()) as { status: string }).status === "answered";
          })
          .catch(() => {});
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve({ out, served });
    });
  });
}

describe("secrets in output, and a Bot API down at start", () => {
  it("the redactor removes the given secrets and any token-shaped string", () => {
    const r = redactor([TOKEN, SECRET]);
    expect(r(`FetchError: request to http://x/bot${TOKEN}/sendMessage failed; secret ${SECRET}`)).toBe(
      "FetchError: request to http://x/bot[redacted]/sendMessage failed; secret [redacted]",
    );
    expect(redactor([])("bot987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe")).toBe("bot[redacted]/getMe");
  });

  it("a server whose Bot API is unreachable prints its errors without the token or the secret", async () => {
    const index = await copyOfSeedIndex();
    const base = { PORT: "0", HOST: "127.0.0.1", INDEX_DIR: index, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9" };
    const polling = await run(base, 6000);
    const webhook = await run(
      {
        ...base,
        PUBLIC_URL: "https://bot.example.org/",
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        BOT_INFO: JSON.stringify({ id: 123456789, is_bot: true, first_name: "T", username: "t_bot" }),
      },
      6000,
    );
    for (const { out, served } of [polling, webhook]) {
      // The bot is a guest: with its API down, the page and the API serve all the same.
      expect(out).toContain("Bot API not reachable at start");
      expect(served).toBe(true);
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain(TOKEN.split(":")[1]);
      expect(out).not.toContain(SECRET);
    }
  }, 30_000);
});
