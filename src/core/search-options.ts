/**
 * The one set of passage-index options, used by the index build and by every loader (Node and
 * Workers). Text is segmented before it reaches MiniSearch (jieba at build time; the report's
 * own vocabulary, longest match first, at question time), so tokenize only splits on spaces.
 */

import type { Options } from "minisearch";

const STOP = new Set([
  "的",
  "了",
  "和",
  "与",
  "及",
  "在",
  "是",
  "对",
  "等",
  "共",
  "年",
  "我",
  "多少",
  "几",
  "个",
  "有",
  "为",
  "将",
  "中",
  "被",
  "把",
  "也",
  "都",
  "吗",
  "呢",
  "啊",
]);
const PUNCT = /^[\p{P}\p{S}\s]+$/u;

export interface PassageDoc {
  id: number;
  /** Space-separated segmented text. */
  seg: string;
  section: string;
  line: number;
  text: string;
}

export function processTerm(term: string): string | null {
  const t = term.trim().toLowerCase();
  if (t === "" || PUNCT.test(t) || STOP.has(t)) return null;
  return t;
}

export const SEARCH_OPTIONS: Options<PassageDoc> = {
  idField: "id",
  fields: ["seg"],
  storeFields: ["section", "line", "text"],
  tokenize: (s: string) => s.split(/\s+/),
  processTerm,
  searchOptions: { combineWith: "OR", prefix: (term: string) => term.length >= 2, boost: {} },
};

/**
 * Segment text with a vocabulary, longest match first (forward maximum matching). Characters
 * not covered by the vocabulary become one-character terms; digit runs stay whole.
 */
export function segmentWithVocab(text: string, vocab: Set<string>, maxLen = 8): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const digits = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (digits) {
      out.push(digits[0]);
      i += digits[0].length;
      continue;
    }
    let len = Math.min(maxLen, text.length - i);
    for (; len > 1; len--) if (vocab.has(text.slice(i, i + len))) break;
    out.push(text.slice(i, i + len));
    i += len;
  }
  return out;
}
