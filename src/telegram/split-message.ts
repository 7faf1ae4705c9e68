/**
 * Long replies as several Telegram messages: each at most 4096 UTF-16 units, cut at a paragraph
 * boundary when one fits, else at a line break, else anywhere but inside a surrogate pair.
 * Entities are clipped and re-based to the part they fall in.
 */

import type { MessageEntity } from "grammy/types";

/** A message as text plus entities: nothing in it needs escaping. */
export interface Rich {
  text: string;
  entities: MessageEntity[];
}

/** Telegram's limit on a message's text, in UTF-16 code units (entity offsets count the same units). */
export const MAX_MESSAGE = 4096;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isSpace = (ch: string | undefined) => ch === "\n" || ch === " " || ch === "\r" || ch === "\t";

/** Where to end the part that starts at `from`: the last paragraph break, line break or safe cut within `limit`. */
function cutPoint(text: string, from: number, limit: number): number {
  const end = from + limit;
  if (end >= text.length) return text.length;
  const window = text.slice(from, end + 1);
  for (const sep of ["\n\n", "\n"]) {
    const at = window.lastIndexOf(sep);
    if (at > 0) return from + at;
  }
  return isHigh(text.charCodeAt(end - 1)) ? end - 1 : end;
}

function clip(entities: MessageEntity[], start: number, end: number): MessageEntity[] {
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const a = Math.max(e.offset, start);
    const b = Math.min(e.offset + e.length, end);
    if (b > a) out.push({ ...e, offset: a - start, length: b - a });
  }
  return out;
}

/** Split a message into parts Telegram accepts; whitespace at the cuts is dropped, empty parts are omitted. */
export function splitRich(rich: Rich, limit = MAX_MESSAGE): Rich[] {
  if (limit < 2) throw new RangeError("splitRich: limit must be at least 2 (a surrogate pair)");
  const { text } = rich;
  const parts: Rich[] = [];
  let from = 0;
  while (from < text.length) {
    while (from < text.length && isSpace(text[from])) from++;
    if (from >= text.length) break;
    const cut = cutPoint(text, from, limit);
    let end = cut;
    while (end > from && isSpace(text[end - 1])) end--;
    if (end > from) parts.push({ text: text.slice(from, end), entities: clip(rich.entities, from, end) });
    from = cut;
  }
  return parts;
}

/** Plain text split the same way. */
export function splitText(text: string, limit = MAX_MESSAGE): string[] {
  return splitRich({ text, entities: [] }, limit).map((p) => p.text);
}
