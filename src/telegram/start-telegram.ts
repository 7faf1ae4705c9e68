/**
 * Telling Telegram about the bot at start-up: the command menu, and in webhook mode where to
 * deliver updates (with the secret and only the update types the bot handles).
 */

import type { Bot } from "grammy";
import type { TelegramConfig } from "../config.js";
import { ALLOWED_UPDATES, COMMANDS } from "./commands.js";

/** setMyCommands, then setWebhook when `tg.mode` is "webhook". Long polling is started by the entry (bot.start). */
export async function registerBot(bot: Bot, tg: TelegramConfig): Promise<void> {
  await bot.api.setMyCommands(COMMANDS.map((c) => ({ command: c.command, description: c.description })));
  if (tg.mode === "webhook") {
    await bot.api.setWebhook(tg.webhookUrl as string, { secret_token: tg.webhookSecret as string, allowed_updates: [...ALLOWED_UPDATES] });
  }
}
