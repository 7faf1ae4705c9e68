/** The buttons under an answer: the source quote, the whole table row, the same figure in other years. */

import { InlineKeyboard } from "grammy";
import { type Answer, addressOf } from "../core/answer/answer-types.js";
import type { Store } from "../core/ports.js";
import { encodeFollowUp, type FollowUpKind } from "./follow-up-data.js";
import { locateFact } from "./locate-fact.js";

const LABELS: Record<FollowUpKind, string> = { q: "原文", r: "整行", y: "其他年份" };

/** Buttons for the answer's first table fact; undefined when the answer has none. */
export async function followUpKeyboard(store: Store, a: Answer): Promise<InlineKeyboard | undefined> {
  const fact = a.facts.find((f) => f.table !== "prose");
  if (!fact) return undefined;
  // The engine remembers where each fact it cites is stored; an answer from elsewhere is looked up.
  const at = addressOf(fact) ?? (await locateFact(store, fact));
  if (!at) return undefined;
  const kb = new InlineKeyboard();
  for (const kind of ["q", "r", "y"] as const) {
    const data = encodeFollowUp({ kind, ...at });
    if (data) kb.text(LABELS[kind], data);
  }
  return kb.inline_keyboard[0]?.length ? kb : undefined;
}
