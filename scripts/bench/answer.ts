/**
 * In-process answering: ask() over a fixed mix of table and prose questions, each timed alone,
 * next to its bound, a raw better-sqlite3 point lookup of one cell through the facts index.
 */

import { openIndex } from "../../src/adapters/sqlite-store.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import type { Question } from "./gen-report.js";
import { quantile } from "./stats.js";

export interface Latency {
  n: number;
  p50: number;
  p99: number;
  /** Median CPU time of this process per question: what the question costs, whatever else the machine runs. */
  cpuP50?: number;
  cpuP99?: number;
}

export interface AnswerFigures {
  all: Latency;
  table: Latency;
  prose: Latency;
  /** Questions whose first fact is the generated figure. */
  correct: number;
  lookup: Latency;
}

const lat = (xs: number[], cpu?: number[]): Latency => ({
  n: xs.length,
  p50: quantile(xs, 0.5),
  p99: quantile(xs, 0.99),
  ...(cpu ? { cpuP50: quantile(cpu, 0.5), cpuP99: quantile(cpu, 0.99) } : {}),
});

export async function measureAnswers(indexDir: string, warm: Question[], mix: Question[], reportIds: number): Promise<AnswerFigures> {
  const index = openIndex(indexDir, { readonly: true });
  try {
    const engine = createEngine({ store: index.store });
    for (const q of warm) await engine.ask(q.q);
    const times: Record<Question["kind"], number[]> = { table: [], prose: [] };
    const cpu: number[] = [];
    let correct = 0;
    for (const q of mix) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const a = await engine.ask(q.q);
      times[q.kind].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      if (a.status === "answered" && a.facts[0]?.raw === q.expect) correct++;
    }
    const point = index.db.prepare("SELECT raw FROM facts WHERE report_id = ? AND tbl = ? AND row_id = ? AND col_id = ?");
    const lookups: number[] = [];
    for (let i = 0; i < mix.length + warm.length; i++) {
      const id = 1 + ((i * 7919) % reportIds);
      const t0 = performance.now();
      point.get(id, "三", "new", "tot");
      if (i >= warm.length) lookups.push(performance.now() - t0);
    }
    return {
      all: lat([...times.table, ...times.prose], cpu),
      table: lat(times.table),
      prose: lat(times.prose),
      correct,
      lookup: lat(lookups),
    };
  } finally {
    index.close();
  }
}
