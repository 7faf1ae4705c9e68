/** Loopback load with autocannon: the webhook (a Telegram update per request) and a trivial route on the same server. */

import { createRequire } from "node:module";
import { BENCH_SECRET, updateFor, updateIdBase } from "./webhook-app.js";

const require = createRequire(import.meta.url);

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (opts: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = require("autocannon") as Cannon;

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  failed: number;
  /** Webhook only: responses that carried an answer (sendMessage), so no update was dropped as a duplicate or failed quietly. */
  answered?: number;
}

const figures = (r: CannonResult): LoadFigures => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  total: r.requests.total,
  failed: r.non2xx + r.errors + r.timeouts,
});

export async function loadTrivial(port: number, seconds: number, connections: number): Promise<LoadFigures> {
  return figures(await autocannon({ url: `http://127.0.0.1:${port}/noop`, method: "POST", body: "{}", duration: seconds, connections }));
}

/** POST one update per request, cycling through the questions, with the webhook's secret header. */
export async function loadWebhook(port: number, seconds: number, connections: number, questions: string[]): Promise<LoadFigures> {
  let n = 0;
  let answered = 0;
  const base = updateIdBase();
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/telegram/webhook`,
    method: "POST",
    duration: seconds,
    connections,
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": BENCH_SECRET },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          n++;
          return { ...req, body: updateFor(base + n, questions[n % questions.length] as string) };
        },
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"method":"sendMessage"')) answered++;
        },
      },
    ],
  });
  return { ...figures(r), answered };
}
