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
  /**
   * The same text without the traditional → simplified conversion. Some place names are written
   * with characters the converter maps away (乾安县 → 干安县), so body names are also looked up here.
   */
  unconverted: string;
}

export function normalizeQuestion(q: string): NormalizedQuestion {
  const stripped = nfkc(q)
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/&[a-z]{2,6};/gi, " ")
    .replace(/\/(ask|a)(@\w+)?/gi, " ")
    .replace(/@\w+bot\b/gi, " ");
  const simple = toSimplified(stripped);
  const tidy = (s: string) =>
    chineseYear(s)
      .replace(/[\s\u3000]+/g, "")
      .toLowerCase();
  const text = tidy(simple);
  return { text, traditional: simple !== stripped, unconverted: simple === stripped ? text : tidy(stripped) };
}
