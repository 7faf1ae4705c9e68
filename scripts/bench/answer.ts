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
  /** Comparisons (compare.ts), when asked for: series and rankings, next to one raw SQLite aggregate over the same cells. */
  compare?: CompareFigures;
}

/** A series (one body, every year) or a ranking (the departments of a county, one year), with what it must find. */
export interface CompareQuestion {
  q: string;
  kind: "series" | "ranking";
  /** series: the body; ranking: the county. */
  who: string;
  year: number | null;
  /** The figures the answer must hold, in its order (series: by year; ranking: descending). */
  expect: string[];
}

export interface CompareFigures {
  series: Latency;
  ranking: Latency;
  /** Answers whose facts are exactly the expected figures in the expected order. */
  correct: { series: number; ranking: number };
  seriesSql: Latency;
  rankingSql: Latency;
}

const lat = (xs: number[], cpu?: number[]): Latency => ({
  n: xs.length,
  p50: quantile(xs, 0.5),
  p99: quantile(xs, 0.99),
  ...(cpu ? { cpuP50: quantile(cpu, 0.5), cpuP99: quantile(cpu, 0.99) } : {}),
});

export async function measureAnswers(
  indexDir: string,
  warm: Question[],
  mix: Question[],
  reportIds: number,
  compare: CompareQuestion[] = [],
): Promise<AnswerFigures> {
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
    let compared: CompareFigures | undefined;
    if (compare.length > 0) {
      const t: Record<CompareQuestion["kind"], number[]> = { series: [], ranking: [] };
      const ok = { series: 0, ranking: 0 };
      for (const q of compare.slice(0, 10)) await engine.ask(q.q);
      const cpuOf: Record<CompareQuestion["kind"], number[]> = { series: [], ranking: [] };
      for (const q of compare) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const a = await engine.ask(q.q);
        t[q.kind].push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpuOf[q.kind].push((c.user + c.system) / 1000);
        if (a.status === "answered" && a.facts.map((f) => f.raw).join() === q.expect.join()) ok[q.kind]++;
      }
      // The same cells straight from SQLite: one aggregate query over the facts, no understanding, no citation.
      const seriesSql = index.db.prepare(
        "SELECT r.year, f.raw FROM reports r JOIN facts f INDEXED BY facts_row ON f.report_id = r.id AND f.tbl = '三' AND f.row_id = 'new' AND f.col_id = 'tot' WHERE r.body = ? ORDER BY r.year",
      );
      const rankingSql = index.db.prepare(
        "SELECT r.body, f.value FROM bodies b CROSS JOIN reports r INDEXED BY reports_body CROSS JOIN facts f INDEXED BY facts_row WHERE substr(b.body, 1, length(?)) = ? AND r.body_key = b.body_key AND r.year = ? AND f.report_id = r.id AND f.tbl = '三' AND f.row_id = 'new' AND f.col_id = 'tot' ORDER BY f.value DESC",
      );
      const sql: Record<CompareQuestion["kind"], number[]> = { series: [], ranking: [] };
      for (const q of compare) {
        const t0 = performance.now();
        if (q.kind === "series") seriesSql.all(q.who);
        else rankingSql.all(q.who, q.who, q.year);
        sql[q.kind].push(performance.now() - t0);
      }
      compared = {
        series: lat(t.series, cpuOf.series),
        ranking: lat(t.ranking, cpuOf.ranking),
        correct: ok,
        seriesSql: lat(sql.series),
        rankingSql: lat(sql.ranking),
      };
    }
    return {
      ...(compared ? { compare: compared } : {}),
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
