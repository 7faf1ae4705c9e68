import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

const TOKEN = "123456:ABC-def_ghi";
const INFO = JSON.stringify({ id: 123456, is_bot: true, first_name: "Bot", username: "NianbaoBot" });

describe("parseConfig", () => {
  it("with no token serves the page and API only, and says so", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ port: 3000, host: "127.0.0.1", indexDir: "index", telegram: null });
    expect(c.summary).toBe("no TELEGRAM_BOT_TOKEN: serving the chat page and the API only (http://127.0.0.1:3000)");
  });

  it("with a token and no PUBLIC_URL long-polls (BOT_INFO optional)", () => {
    const c = parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PORT: "8080", HOST: "0.0.0.0", INDEX_DIR: "/data/index" });
    expect(c.telegram).toEqual({
      token: TOKEN,
      botInfo: null,
      apiRoot: "https://api.telegram.org",
      webhookSecret: null,
      mode: "polling",
      webhookUrl: null,
    });
    expect(c.summary).toContain("long polling");
  });

  it("with PUBLIC_URL sets a webhook, and refuses to start without a secret or with an http address; BOT_INFO is optional on Node", () => {
    const vars = { TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://bot.example.org/", BOT_INFO: INFO };
    expect(() => parseConfig(vars)).toThrow(
      "config: PUBLIC_URL is set, so Telegram will call the webhook: set TELEGRAM_WEBHOOK_SECRET too",
    );
    expect(parseConfig({ ...vars, BOT_INFO: "", TELEGRAM_WEBHOOK_SECRET: "s" }).telegram).toMatchObject({ mode: "webhook", botInfo: null });
    expect(() => parseConfig({ ...vars, PUBLIC_URL: "http://bot.example.org/", TELEGRAM_WEBHOOK_SECRET: "s" })).toThrow(
      'config: PUBLIC_URL must be an https address (Telegram calls webhooks over https only), got "http://bot.example.org/"',
    );
    const c = parseConfig({ ...vars, TELEGRAM_WEBHOOK_SECRET: "s_3-x", TELEGRAM_API_ROOT: "http://127.0.0.1:9/" });
    expect(c.telegram).toMatchObject({
      mode: "webhook",
      webhookUrl: "https://bot.example.org/telegram/webhook",
      webhookSecret: "s_3-x",
      apiRoot: "http://127.0.0.1:9",
      botInfo: { id: 123456, username: "NianbaoBot" },
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseConfig({ PORT: "http" })).toThrow('config: PORT must be an integer 0–65535, got "http"');
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: "nope" })).toThrow("config: TELEGRAM_BOT_TOKEN does not look like a BotFather token");
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: "has space" })).toThrow(
      "config: TELEGRAM_WEBHOOK_SECRET must be",
    );
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_INFO: "{" })).toThrow("config: BOT_INFO is not JSON");
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_INFO: "{}" })).toThrow("config: BOT_INFO must be getMe's result");
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "ftp://x" })).toThrow(
      "config: TELEGRAM_API_ROOT must be an http(s) URL",
    );
  });
});
