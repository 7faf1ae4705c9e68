/**
 * Secrets out of everything printed (issue: "the bot token is printed in logs on any network
 * error to the Bot API"): the bot token, the webhook secret, and any Bot API path that carries a
 * token (…/bot123:abc/sendMessage), replaced before a line leaves the process. Pure.
 */

/** What replaces a secret. */
export const REDACTED = "[redacted]";

/** A Bot API token wherever it appears (in a URL path or alone). */
const TOKEN_ANYWHERE = /(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g;

/** A function that removes the given secrets (and any token-shaped string) from a text. */
export function redactor(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  const own = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= 6))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of own) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out.replace(TOKEN_ANYWHERE, REDACTED);
  };
}
