/**
 * Global setup of the workerd suite (vitest.worker.config.ts), run in Node: builds the seed index
 * with the real build (nodejieba, better-sqlite3), answers the parity questions through the Node
 * app over sqlite-store, and provides both the D1 statements of that index and those answers to
 * the tests inside workerd, which load the statements into local D1 and compare.
 */

import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { INDEX_FILE, openIndex } from "../../src/adapters/sqlite-store.js";
import { d1Statements } from "../../src/build/export-d1.js";
import { parseConfig } from "../../src/config.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import { createApp } from "../../src/http/app.js";
import { COMPARE_QUESTIONS, PARITY_QUESTIONS, type ParityAnswer } from "./parity-questions.js";
import { FULL_CORPUS, indexFor, SEED_CORPUS } from "./seed-index.js";

/** A corpus's D1 statements and the Node app's answers to `questions` over it. */
async function nodeSide(corpus: string, questions: readonly string[]): Promise<{ data: string[]; answers: ParityAnswer[] }> {
  const dir = await indexFor(corpus);
  const db = new Database(`${dir}/${INDEX_FILE}`, { readonly: true });
  const data = d1Statements(db);
  db.close();
  const index = openIndex(dir, { readonly: true });
  const app = createApp({ engine: createEngine({ store: index.store }), store: index.store, config: parseConfig({}) });
  const answers: ParityAnswer[] = [];
  for (const q of questions) {
    const res = await app.request(`/api/ask?q=${encodeURIComponent(q)}`);
    answers.push({ q, status: res.status, body: await res.text() });
  }
  index.close();
  return { data, answers };
}

export default async function setup(project: TestProject): Promise<void> {
  const seed = await nodeSide(SEED_CORPUS, PARITY_QUESTIONS);
  project.provide("d1Data", seed.data);
  project.provide("nodeAnswers", seed.answers);
  // Comparisons need several years and bodies: the corpus as shipped.
  const multi = await nodeSide(FULL_CORPUS, COMPARE_QUESTIONS);
  project.provide("d1DataMulti", multi.data);
  project.provide("nodeAnswersMulti", multi.answers);
}
