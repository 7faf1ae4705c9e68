/**
 * Tests that run inside workerd (@cloudflare/vitest-pool-workers) against local D1: the Worker's
 * own entry, the D1 adapters, and parity with the Node app. Run with `npm run test:worker`.
 */

import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      main: "./src/worker.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        // A second, empty D1 (no migrations, no data): the Worker over a database nobody loaded.
        // A third, loaded with the multi-year corpus by tests/worker/parity-compare.test.ts.
        d1Databases: { EMPTY_DB: "empty-db", MULTI_DB: "multi-year-db" },
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("migrations"),
          TEST_D1_DATA: inject("d1Data"),
          TEST_NODE_ANSWERS: inject("nodeAnswers"),
          TEST_D1_DATA_MULTI: inject("d1DataMulti"),
          TEST_NODE_ANSWERS_MULTI: inject("nodeAnswersMulti"),
        },
      },
    })),
  ],
  test: {
    include: ["tests/worker/**/*.test.ts"],
    globalSetup: ["tests/helpers/worker-global-setup.ts"],
    setupFiles: ["tests/worker/load-d1.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
