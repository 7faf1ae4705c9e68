/** Before each workerd test file: the schema migrations, then the seed index's data, into local D1 (atomically, in one batch). */

import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(env.TEST_D1_DATA.map((sql) => env.DB.prepare(sql)));
