/**
 * Bench child: the server's memory with the index loaded. Opens the index, answers the questions
 * given on stdin (one per line), and reports process.memoryUsage() (last line, JSON). With --bare
 * it loads the same modules and answers nothing: the runtime's own footprint, the baseline.
 */

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openIndex } from "../../src/adapters/sqlite-store.js";
import { createEngine } from "../../src/core/answer/answer-question.js";

const { values } = parseArgs({ options: { index: { type: "string" }, bare: { type: "boolean", default: false } } });
let answered = 0;
if (!values.bare) {
  const index = openIndex(values.index as string, { readonly: true });
  const engine = createEngine({ store: index.store });
  const questions = readFileSync(0, "utf8").split("\n").filter(Boolean);
  for (const q of questions) if ((await engine.ask(q)).status === "answered") answered++;
}
const m = process.memoryUsage();
console.log(JSON.stringify({ rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20, externalMB: m.external / 2 ** 20, answered }));
