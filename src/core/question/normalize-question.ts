/** Question text → the form the reader matches on: NFKC, simplified characters, no markup, no spaces. */

import { Converter } from "opencc-js/t2cn";
import { nfkc } from "../text/normalize.js";
import { chineseYear } from "../text/numerals.js";

const toSimplified = Converter({ from: "t", to: "cn" });

export interface NormalizedQuestion {
  /** For matching: simplified, half-width, no whitespace, no markup. */
  text: string;
  /** True when traditional characters were converted. */
  traditional: boolean;
}

export function normalizeQuestion(q: string): NormalizedQuestion {
  const stripped = nfkc(q)
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/&[a-z]{2,6};/gi, " ")
    .replace(/\/(ask|a)(@\w+)?/gi, " ")
    .replace(/@\w+bot\b/gi, " ");
  const simple = toSimplified(stripped);
  const text = chineseYear(simple)
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();
  return { text, traditional: simple !== stripped };
}
