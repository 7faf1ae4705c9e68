/** The bot's commands: what setMyCommands registers and /help lists. */

export const COMMANDS = [
  { command: "ask", description: "提问，例如 /ask 2019年灵丘行政处罚多少" },
  { command: "sources", description: "本库收录的报告" },
  { command: "help", description: "用法和示例" },
  { command: "about", description: "这个机器人做什么、不做什么" },
] as const;

/** The update types the bot handles (setWebhook and getUpdates ask only for these). */
export const ALLOWED_UPDATES = ["message", "inline_query", "callback_query"] as const;
