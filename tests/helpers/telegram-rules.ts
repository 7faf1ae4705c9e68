/** What the Bot API refuses, as the fake applies it: HTML that does not parse, entities outside the text, over-long text, big callback data. */

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "tg-spoiler",
  "span",
  "blockquote",
  "tg-emoji",
]);

/** The text Telegram would show for HTML, or an error like Telegram's. */
export function parseHtml(html: string): { text: string } | { error: string } {
  let text = "";
  const open: string[] = [];
  for (let i = 0; i < html.length; ) {
    const ch = html[i] as string;
    if (ch === "<") {
      const m = /^<(\/?)([a-z-]+)(\s[^<>]*)?>/i.exec(html.slice(i));
      if (!m || !HTML_TAGS.has((m[2] as string).toLowerCase()))
        return {
          error: `Bad Request: can't parse entities: Unsupported start tag "${m?.[2] ?? html.slice(i + 1, i + 8)}" at byte offset ${i}`,
        };
      const tag = (m[2] as string).toLowerCase();
      if (m[1]) {
        if (open.pop() !== tag)
          return { error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open.at(-1)}>"` };
      } else open.push(tag);
      i += m[0].length;
    } else if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i));
      if (!m) return { error: `Bad Request: can't parse entities: Character entity expected at byte offset ${i}` };
      text += { lt: "<", gt: ">", amp: "&", quot: '"' }[(m[1] as string).toLowerCase()] ?? "?";
      i += m[0].length;
    } else if (ch === ">") {
      return { error: `Bad Request: can't parse entities: Unexpected end of tag at byte offset ${i}` };
    } else {
      text += ch;
      i++;
    }
  }
  if (open.length > 0)
    return { error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"` };
  return { text };
}

/** Validate a message's text the way sendMessage does; returns an error description or null. */
export function checkText(text: unknown, parseMode: unknown, entities: unknown): string | null {
  if (typeof text !== "string" || text.trim() === "") return "Bad Request: message text is empty";
  let shown = text;
  if (parseMode === "HTML") {
    const r = parseHtml(text);
    if ("error" in r) return r.error;
    shown = r.text;
  } else if (parseMode !== undefined) return "Bad Request: unsupported parse_mode in the fake";
  if (Array.isArray(entities)) {
    for (const e of entities as { offset: number; length: number }[]) {
      if (e.offset < 0 || e.length <= 0 || e.offset + e.length > shown.length)
        return "Bad Request: can't parse entities: entity is out of the text";
    }
  }
  if (shown.length > 4096) return "Bad Request: message is too long";
  return null;
}

/** Bytes in UTF-8 (runtime-free: the rules also run inside workerd). */
export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function checkMarkup(markup: unknown): string | null {
  const rows = (markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  for (const b of rows.flat())
    if (b.callback_data !== undefined && utf8Bytes(b.callback_data) > 64) return "Bad Request: BUTTON_DATA_INVALID";
  return null;
}
