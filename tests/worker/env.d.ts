/** Bindings of the workerd test suite: the Worker's own (wrangler.toml) plus the test data. */

declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    /** A D1 database that was never loaded (vitest.worker.config.ts). */
    EMPTY_DB: D1Database;
    /** A D1 database for the multi-year corpus (tests/worker/parity-compare.test.ts loads it). */
    MULTI_DB: D1Database;
    BOT_INFO: string;
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    TEST_D1_DATA: string[];
    TEST_NODE_ANSWERS: import("../helpers/parity-questions.js").ParityAnswer[];
    TEST_D1_DATA_MULTI: string[];
    TEST_NODE_ANSWERS_MULTI: import("../helpers/parity-questions.js").ParityAnswer[];
  }
}
