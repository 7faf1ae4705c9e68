/**
 * Where tables 二/三/四 sit in a report's lines (from the section headings, or from anchors
 * inside the tables when headings are missing), and which template version their labels show.
 */

import { type TableId, type TemplateVersion, VERSION_CUES } from "../template.js";
import { labelKey } from "../text/normalize.js";
import { findHeadings, type Heading } from "./sections.js";
import type { Token } from "./tokens.js";

const MAX_LABEL_KEY = 64;

export interface Regions {
  /** Line ranges [start, end) of each table; missing tables are absent. */
  lines: Partial<Record<TableId, [number, number]>>;
}

function firstLine(lines: string[], from: number, test: (key: string, raw: string) => boolean): number {
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.length <= 200 && test(labelKey(raw), raw)) return i;
  }
  return -1;
}

/** Line ranges of the three tables, from the headings (findHeadings(lines), passed in when known), or from anchors inside the tables. */
export function findRegions(lines: string[], headings: Heading[] = findHeadings(lines)): Regions {
  const h = new Map(headings.map((x) => [x.id, x.line]));
  const l3 =
    h.get("三") ??
    firstLine(lines, h.get("二") ?? 0, (k) => k.includes("勾稽关系") || k === "申请人情况" || (k.includes("本年新收") && k.length < 40));
  const l2 = h.get("二") ?? firstLine(lines, 0, (k) => k.includes("第二十条"));
  const l4 =
    l3 >= 0
      ? (h.get("四") ??
        firstLine(lines, l3 + 1, (k) => (k.includes("行政复议") || k.includes("行政诉讼")) && k.length < 40 && !k.includes("本年新收")))
      : (h.get("四") ?? -1);
  const l5Candidates = [h.get("五"), h.get("六")].filter((x): x is number => x !== undefined && x > Math.max(l4, l3));
  const end = l5Candidates.length ? Math.min(...l5Candidates) : lines.length;
  const out: Regions = { lines: {} };
  const t2End = l3 >= 0 ? l3 : l4 >= 0 ? l4 : end;
  if (l2 >= 0 && l2 < t2End) out.lines["二"] = [l2, t2End];
  else if (l2 < 0) {
    const anyRow = firstLine(lines, h.get("一") ?? 0, (k) => k.length < 30 && /^(规章|行政许可|行政处罚)/.test(k));
    if (anyRow >= 0 && anyRow < t2End) out.lines["二"] = [anyRow, t2End];
  }
  if (l3 >= 0) out.lines["三"] = [l3, l4 > l3 ? l4 : end];
  if (l4 >= 0 && l4 < end) out.lines["四"] = [l4, end];
  else if (l4 >= 0) out.lines["四"] = [l4, lines.length];
  return out;
}

/** Whether a key contains any of a version's cues, as one pattern (the cues are literal text). */
const anyOf = (cues: string[]) => new RegExp(cues.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
const CUES_2019 = anyOf(VERSION_CUES["2019"]);
const CUES_2021 = anyOf(VERSION_CUES["2021"]);

/**
 * The template version the table content shows (§1 "detect the version by content"), from the
 * tokens in the given index ranges (all of them when none are given).
 */
export function detectVersion(
  tokens: Token[],
  ranges: [number, number][] = [[0, tokens.length]],
): { version: TemplateVersion | "unknown"; cues: number } {
  let v19 = 0;
  let v21 = 0;
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const t = tokens[i] as Token;
      if (t.kind !== "label" || t.key.length > MAX_LABEL_KEY) continue;
      if (CUES_2019.test(t.key)) v19++;
      if (CUES_2021.test(t.key)) v21++;
    }
  }
  if (v19 > v21) return { version: "2019", cues: v19 };
  if (v21 > v19) return { version: "2021", cues: v21 };
  return { version: "unknown", cues: 0 };
}
