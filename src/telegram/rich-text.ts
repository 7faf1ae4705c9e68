/** Building a message as text + entities: offsets are counted for you, and nothing needs escaping. */

import type { MessageEntity } from "grammy/types";
import type { Rich } from "./split-message.js";

export interface RichBuilder {
  text(s: string): RichBuilder;
  bold(s: string): RichBuilder;
  /** A block quote (for source text). */
  quote(s: string): RichBuilder;
  done(): Rich;
}

/** `rich().bold("标题").text("\n正文").done()` → { text, entities }. */
export function rich(): RichBuilder {
  const parts: string[] = [];
  const entities: MessageEntity[] = [];
  let length = 0;
  const add = (s: string, type?: "bold" | "blockquote"): RichBuilder => {
    if (type && s.length > 0) entities.push({ type, offset: length, length: s.length });
    parts.push(s);
    length += s.length;
    return b;
  };
  const b: RichBuilder = {
    text: (s) => add(s),
    bold: (s) => add(s, "bold"),
    quote: (s) => add(s, "blockquote"),
    done: () => ({ text: parts.join(""), entities }),
  };
  return b;
}
