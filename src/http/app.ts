/** The HTTP face: /api/ask (the JSON contract), /healthz and the chat page. Runtime-free: Node and Workers share it. */

import { Hono } from "hono";
import type { Engine } from "../core/answer/answer-question.js";

export interface AppDeps {
  engine: Engine;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/api/ask", async (c) => c.json(await deps.engine.ask(c.req.query("q") ?? "")));
  return app;
}
