/** The Workers entry: env → D1 adapters → the same engine and Hono app as on Node (src/node.ts). */

import type { ExecutionContext, Hono } from "hono";
import { type D1Like, d1Store, d1UpdateLog } from "./adapters/d1-store.js";
import { createEngine } from "./core/answer/answer-question.js";
import { createApp } from "./http/app.js";

/** Bindings (wrangler.toml) and secrets (`wrangler secret put`). */
export interface Env {
  DB: D1Like;
  /** getMe's result as JSON, so a cold isolate never calls getMe. */
  BOT_INFO?: string;
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
}

/** Everything the app needs, built from one env; no module-level state besides the cache below. */
export function workerDeps(env: Env) {
  return {
    engine: createEngine({ store: d1Store(env.DB) }),
    updates: d1UpdateLog(env.DB),
  };
}

// One app per env object, i.e. per isolate: building it on every request would redo the routing setup.
const apps = new WeakMap<Env, Hono>();

export default {
  fetch(req: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    let app = apps.get(env);
    if (!app) {
      app = createApp(workerDeps(env));
      apps.set(env, app);
    }
    return app.fetch(req, env, ctx);
  },
};
