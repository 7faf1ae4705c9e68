import { applyD1Migrations, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/worker.js";

/** Comparisons over the multi-year corpus: the Worker over D1 gives the Node app's exact JSON. */
describe("parity of comparisons: series, changes, rankings and totals over the multi-year corpus", () => {
  beforeAll(async () => {
    await applyD1Migrations(env.MULTI_DB, env.TEST_MIGRATIONS);
    await env.MULTI_DB.batch(env.TEST_D1_DATA_MULTI.map((sql) => env.MULTI_DB.prepare(sql)));
  });

  it("has the Node answers to compare with, comparisons answered", () => {
    expect(env.TEST_NODE_ANSWERS_MULTI.length).toBeGreaterThan(5);
    const statuses = env.TEST_NODE_ANSWERS_MULTI.map((a) => (JSON.parse(a.body) as { status: string }).status);
    expect(statuses.filter((s) => s === "answered").length).toBeGreaterThan(5);
  });

  it.each(env.TEST_NODE_ANSWERS_MULTI.map((a) => [a.q, a] as const))("%s", async (q, node) => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`http://worker.test/api/ask?q=${encodeURIComponent(q)}`), { ...env, DB: env.MULTI_DB }, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(node.status);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual(JSON.parse(node.body));
    expect(body).toBe(node.body);
  });
});
