/**
 * Which tokens after a row label are that row's values, in every text form: the rest of the
 * label's line (one row per line, markdown, HTML rows), the next line when the label stands
 * alone with empty padding (markdown from OCR: "| 4.保护第三方合法权益 | | |" then "| | 2 | 0 |"),
 * or the following one-cell lines (the seed's one-cell-per-line form).
 */

import type { Token } from "./tokens.js";

/** Non-label tokens from j onward on line `line`, stopping at the next label. */
function restOfLine(tokens: Token[], j: number, end: number, line: number): Token[] {
  const out: Token[] = [];
  for (let k = j; k < end; k++) {
    const t = tokens[k] as Token;
    if (t.line !== line || t.kind === "label") break;
    out.push(t);
  }
  return out;
}

/** All tokens of line `line` starting at index j (labels included). */
function wholeLine(tokens: Token[], j: number, end: number): Token[] {
  const line = tokens[j]?.line;
  const out: Token[] = [];
  for (let k = j; k < end && (tokens[k] as Token).line === line; k++) out.push(tokens[k] as Token);
  return out;
}

const hasValue = (xs: Token[]) => xs.some((x) => x.kind === "value");

/**
 * How a table's values line up when a converter pads rows to the table's width: table 三's and
 * 四's figures are its rightmost columns (a label spanning three columns leaves empty cells before
 * them); a narrow table-二 block in a wider table leaves its empty cells after them.
 */
export type Align = "left" | "right";

/**
 * Drop empty cells that only pad a row to the table's width ("| 一、本年新收… | | | 40 | 5 |…",
 * "| 行政许可 | 1520 | | |"), from the padded side first. Only cells beyond `n` are dropped.
 */
export function trimPadding(values: Token[], n: number, align: Align = "right"): Token[] {
  let a = 0;
  let b = values.length;
  for (const side of align === "right" ? LEFT_FIRST : RIGHT_FIRST) {
    if (side === "left") while (b - a > n && (values[a] as Token).kind === "empty") a++;
    else while (b - a > n && (values[b - 1] as Token).kind === "empty") b--;
  }
  return values.slice(a, b);
}

const LEFT_FIRST = ["left", "right"] as const;
const RIGHT_FIRST = ["right", "left"] as const;

/** A label of one character standing alone: a piece of a vertical label ("不/予/公/开"), not a row. */
export function isStrayChar(t: Token): boolean {
  return t.kind === "label" && t.key.length === 1 && !t.inRow;
}

/**
 * The value tokens of the row whose label is tokens[i] (n = the block's column count), and the
 * index of the last token used. Padding empties are trimmed; more than n values are kept so the
 * caller can see an extra column. `isRowLabel` tells a wrapped label's tail from the next row.
 */
export function collectValues(
  tokens: Token[],
  i: number,
  end: number,
  n: number,
  align: Align = "right",
  isRowLabel: (t: Token) => boolean = () => false,
): { values: Token[]; last: number } {
  const label = tokens[i] as Token;
  const same = restOfLine(tokens, i + 1, end, label.line);
  const afterSame = i + 1 + same.length;
  if (hasValue(same)) return { values: trimPadding(same, n, align), last: i + same.length };
  // Label alone on its line (maybe with empty padding): the values may sit on the next line.
  const next = afterSame < end ? tokens[afterSame] : undefined;
  const lineEnds = !next || next.line !== label.line;
  if (lineEnds && next?.inRow) {
    const line = wholeLine(tokens, afterSame, end);
    if (line.every((t) => t.kind !== "label") && hasValue(line)) {
      return { values: trimPadding(line, n, align), last: afterSame + line.length - 1 };
    }
  }
  if (same.length > 0 && (!lineEnds || same.length >= n)) return { values: trimPadding(same, n, align), last: i + same.length };
  if (!lineEnds) return { values: [], last: i };
  // One cell per line: the values follow on their own lines.
  const values: Token[] = [];
  let j = afterSame;
  let last = i + same.length;
  while (j < end && values.length < n) {
    const t = tokens[j] as Token;
    if (isStrayChar(t)) {
      j++;
      continue;
    }
    if (t.kind === "label") {
      // A wrapped label ("…已获取" / "信息 0 0 0"): skip its tail when values follow on its line,
      // unless that "tail" is the next row's own label.
      const nx = tokens[j + 1];
      if (values.length === 0 && nx && nx.line === t.line && nx.kind !== "label" && !isRowLabel(t)) {
        j++;
        continue;
      }
      break;
    }
    if (t.inRow && values.length === 0) {
      const line = restOfLine(tokens, j, end, t.line);
      return { values: trimPadding(line, n, align), last: j + line.length - 1 };
    }
    values.push(t);
    last = j++;
  }
  // Nothing followed: an all-empty row printed on the label's line ("| 行政处罚 | | |").
  if (values.length === 0 && same.length > 0) return { values: same, last: i + same.length };
  // One figure more than the template has (a local 小计 column): keep it for the caller to place.
  const extra = tokens[j];
  if (values.length === n && j < end && extra?.kind === "value" && !extra.inRow) {
    values.push(extra);
    last = j;
  }
  return { values, last };
}

/** Values printed on the label's own line only. */
export function sameLineValues(tokens: Token[], i: number, end: number): Token[] {
  return restOfLine(tokens, i + 1, end, (tokens[i] as Token).line);
}

/** Values up to the next label, with no wrapped-label guessing (for rows no template has: local extras). */
export function valuesUntilLabel(tokens: Token[], i: number, end: number): Token[] {
  if ((tokens[i] as Token).inRow) return sameLineValues(tokens, i, end);
  const out: Token[] = [];
  for (let k = i + 1; k < end && (tokens[k] as Token).kind !== "label"; k++) out.push(tokens[k] as Token);
  return out;
}
