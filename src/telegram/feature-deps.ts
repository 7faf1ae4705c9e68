/** What the bot's features need: the engine to answer and the store for /sources and the buttons. */

import type { Engine } from "../core/answer/answer-question.js";
import type { Store } from "../core/ports.js";

export interface FeatureDeps {
  engine: Engine;
  store: Store;
  /** Send "typing…" when an answer takes longer than this (ms). */
  typingAfterMs: number;
}
