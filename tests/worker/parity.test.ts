import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/worker.js";

describe("parity: the Worker over D1 answers exactly as the Node app over SQLite", () => {
  it("has the Node answers to compare with", () => {
    expect(env.TEST_NODE_ANSWERS.length).toBeGreaterThan(10);
  });

  it.each(env.TEST_NODE_ANSWERS.map((a) => [a.q, a] as const))("%s", async (q, node) => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`http://worker.test/api/ask?q=${encodeURIComponent(q)}`), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(node.status);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual(JSON.parse(node.body));
    expect(body).toBe(node.body);
  });
});
