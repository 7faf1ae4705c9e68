/**
 * PDF text puts a long cell label on several lines ("（二）部分公开（区分处理的，只计这一情形，不计其"
 * / "他情形）") and a vertical merged label one character per line ("（三）" / "不" / "予" / "公" /
 * "开"). This joins such fragments back into one label token so the table reader sees one label
 * followed by its values. Only label tokens alone on their line are joined, and never a fragment
 * that starts a row of its own (an ordinal, a list number, or a template row label).
 */

import { blocksOf } from "../template.js";
import { labelKey } from "../text/normalize.js";
import { matchRow } from "./match-row.js";
import type { Token } from "./tokens.js";

const ALL_BLOCKS = [...blocksOf("2019"), ...blocksOf("2021")];
/** "三、", "（三）", "(3)", "1.", "1、", "第二十条第（一）项": a fragment like this starts a new label. */
const STARTS_LABEL = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.．、]|第.{1,4}[条项])/;
const MAX_FRAGMENT = 14;
const MAX_LABEL = 64;

function alone(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === "label" && !t.inRow && !t.piped;
}

/** A label line that should not swallow the next line (a section heading, a table caption). */
function closed(t: Token): boolean {
  return /^[一二三四五六]、.{4,}/.test(t.text) || /第二十条/.test(t.text) || t.key.length >= MAX_LABEL;
}

function fragment(t: Token): boolean {
  return t.key.length > 0 && t.key.length <= MAX_FRAGMENT && !STARTS_LABEL.test(t.text.trim()) && matchRow(t.key, ALL_BLOCKS) === null;
}

/** Join wrapped and vertical label fragments; tokens that are not label fragments pass unchanged. */
export function joinWrappedLabels(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i] as Token;
    if (alone(t) && !closed(t)) {
      let last = t.line;
      for (;;) {
        const u = tokens[i + 1];
        if (!alone(u) || u.line !== last + 1 || !fragment(u)) break;
        const text = `${t.text}${u.text}`;
        t = { ...t, text, key: labelKey(text) };
        last = u.line;
        i++;
        if (closed(t)) break;
      }
    }
    out.push(t);
  }
  return out;
}
