/**
 * One Config from a runtime's variables (process.env on Node, a Worker's env): the entries call
 * parseConfig and hand the result on; nothing else reads the environment.
 */

import type { UserFromGetMe } from "grammy/types";

export interface TelegramConfig {
  token: string;
  /** getMe's result from BOT_INFO; null when it is not set (the Node entry then asks getMe once at start; Workers refuse). */
  botInfo: UserFromGetMe | null;
  apiRoot: string;
  /** Checked against X-Telegram-Bot-Api-Secret-Token on every webhook call. */
  webhookSecret: string | null;
  /** "webhook" when PUBLIC_URL is set (Telegram calls us), "polling" otherwise (we call getUpdates). */
  mode: "webhook" | "polling";
  /** PUBLIC_URL + /telegram/webhook in webhook mode. */
  webhookUrl: string | null;
}

export interface Config {
  port: number;
  host: string;
  indexDir: string;
  /**
   * Node only: how many server processes share the port (WORKERS; "auto" is one per core). The
   * answering is CPU-bound and a process uses one core, so a webhook under load wants several.
   * Long polling always runs in one process (two getUpdates loops would steal each other's updates).
   */
  workers: number | "auto";
  /** null: no TELEGRAM_BOT_TOKEN, so only the page and the API are served. */
  telegram: TelegramConfig | null;
  /** What the server is about to do, in words, for the start-up log. */
  summary: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(`config: ${message}`);
    this.name = "ConfigError";
  }
}

export const WEBHOOK_PATH = "/telegram/webhook";
/** Telegram's rule for secret_token: 1–256 characters of A–Z, a–z, 0–9, _ and -. */
const SECRET_RE = /^[A-Za-z0-9_-]{1,256}$/;

export type Vars = Record<string, string | undefined>;

function clean(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

function parsePort(v: string | undefined): number {
  if (v === undefined) return 3000;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be an integer 0–65535, got "${v}"`);
  return n;
}

function parseWorkers(v: string | undefined): number | "auto" {
  if (v === undefined) return 1;
  if (v.toLowerCase() === "auto") return "auto";
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ConfigError(`WORKERS must be "auto" or an integer 1–64, got "${v}"`);
  return n;
}

function parseBotInfo(v: string | undefined): UserFromGetMe | null {
  if (v === undefined) return null;
  let info: unknown;
  try {
    info = JSON.parse(v);
  } catch {
    throw new ConfigError("BOT_INFO is not JSON; set it to the `result` of https://api.telegram.org/bot<TOKEN>/getMe");
  }
  const i = info as Partial<UserFromGetMe> | null;
  if (!i || typeof i.id !== "number" || i.is_bot !== true || typeof i.username !== "string")
    throw new ConfigError("BOT_INFO must be getMe's result: an object with id, is_bot: true and username");
  return i as UserFromGetMe;
}

function parseUrl(name: string, v: string): URL {
  try {
    const u = new URL(v);
    if (u.protocol === "https:" || u.protocol === "http:") return u;
  } catch {}
  throw new ConfigError(`${name} must be an http(s) URL, got "${v}"`);
}

/** Read PORT, HOST, INDEX_DIR, WORKERS and the TELEGRAM_* / PUBLIC_URL / BOT_INFO variables; throws ConfigError. */
export function parseConfig(vars: Vars): Config {
  const port = parsePort(clean(vars.PORT));
  const host = clean(vars.HOST) ?? "127.0.0.1";
  const indexDir = clean(vars.INDEX_DIR) ?? "index";
  const workers = parseWorkers(clean(vars.WORKERS));
  const token = clean(vars.TELEGRAM_BOT_TOKEN);
  const where = `http://${host}:${port}`;
  if (!token) {
    return {
      port,
      host,
      indexDir,
      workers,
      telegram: null,
      summary: `no TELEGRAM_BOT_TOKEN: serving the chat page and the API only (${where})`,
    };
  }
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(token)) throw new ConfigError("TELEGRAM_BOT_TOKEN does not look like a BotFather token (123456:ABC…)");
  const apiRoot = parseUrl("TELEGRAM_API_ROOT", clean(vars.TELEGRAM_API_ROOT) ?? "https://api.telegram.org").href.replace(/\/$/, "");
  const secret = clean(vars.TELEGRAM_WEBHOOK_SECRET) ?? null;
  if (secret !== null && !SECRET_RE.test(secret))
    throw new ConfigError("TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ and -");
  const botInfo = parseBotInfo(clean(vars.BOT_INFO));
  const publicUrl = clean(vars.PUBLIC_URL);
  if (!publicUrl) {
    if (typeof workers === "number" && workers > 1)
      throw new ConfigError("WORKERS > 1 needs webhook mode (PUBLIC_URL): long polling runs in one process");
    const telegram: TelegramConfig = { token, botInfo, apiRoot, webhookSecret: secret, mode: "polling", webhookUrl: null };
    return { port, host, indexDir, workers: 1, telegram, summary: `Telegram by long polling (no PUBLIC_URL); page and API on ${where}` };
  }
  if (secret === null)
    throw new ConfigError(
      "PUBLIC_URL is set, so Telegram will call the webhook: set TELEGRAM_WEBHOOK_SECRET too (without it anyone can post updates)",
    );
  const hook = parseUrl("PUBLIC_URL", publicUrl);
  // Telegram delivers webhooks over https only: an http address would be refused by setWebhook.
  if (hook.protocol !== "https:")
    throw new ConfigError(`PUBLIC_URL must be an https address (Telegram calls webhooks over https only), got "${publicUrl}"`);
  const webhookUrl = `${hook.href.replace(/\/$/, "")}${WEBHOOK_PATH}`;
  const telegram: TelegramConfig = { token, botInfo, apiRoot, webhookSecret: secret, mode: "webhook", webhookUrl };
  return { port, host, indexDir, workers, telegram, summary: `Telegram by webhook at ${webhookUrl}; page and API on ${where}` };
}
