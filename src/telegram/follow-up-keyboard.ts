/**
 * The buttons under an answer: the source quote, the whole table row, and after a single-figure
 * answer (one report's facts) the same figure in other years (历年) and in the peers of that year (同级排名).
 */

import { InlineKeyboard } from "grammy";
import { type Answer, addressOf } from "../core/answer/answer-types.js";
import type { Store } from "../core/ports.js";
import { encodeFollowUp, type FollowUpKind } from "./follow-up-data.js";
import { locateFact } from "./locate-fact.js";

const LABELS: Record<FollowUpKind, string> = { q: "原文", r: "整行", y: "历年", k: "同级排名" };

/** Buttons for the answer's first table fact; undefined when the answer has none. */
export async function followUpKeyboard(store: Store, a: Answer): Promise<InlineKeyboard | undefined> {
  const fact = a.facts.find((f) => f.table !== "prose");
  if (!fact) return undefined;
  // The engine remembers where each fact it cites is stored; an answer from elsewhere is looked up.
  const at = addressOf(fact) ?? (await locateFact(store, fact));
  if (!at) return undefined;
  const kb = new InlineKeyboard();
  // A series, a change or a ranking already compares: its facts come from several reports.
  const inputs = a.facts.flatMap((f) => (f.derived ? f.derived.inputs : [f]));
  const single = new Set(inputs.map((f) => f.report.file)).size === 1;
  for (const kind of single ? (["q", "r", "y", "k"] as const) : (["q", "r"] as const)) {
    const data = encodeFollowUp({ kind, ...at });
    if (data) kb.text(LABELS[kind], data);
  }
  return kb.inline_keyboard[0]?.length ? kb : undefined;
}
