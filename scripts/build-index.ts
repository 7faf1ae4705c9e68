/**
 * npm run index -- [--corpus DIR] [--out DIR] [--d1] [--max-bytes N]
 * (--d1: also write DIR/d1/data.sql for D1; --max-bytes or MAX_REPORT_BYTES: skip larger report files)
 */

import { buildIndex, DEFAULT_MAX_REPORT_BYTES } from "../src/build/build-index.js";
import { cliArgs } from "./cli-args.js";

const { values } = cliArgs("index", {
  options: {
    corpus: { type: "string", default: "corpus" },
    out: { type: "string", default: process.env.INDEX_DIR ?? "index" },
    d1: { type: "boolean", default: false },
    "max-bytes": { type: "string", default: process.env.MAX_REPORT_BYTES ?? String(DEFAULT_MAX_REPORT_BYTES) },
  },
});
const maxBytes = Number(values["max-bytes"]);
if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
  console.error(`index: --max-bytes (MAX_REPORT_BYTES) must be a positive whole number of bytes, got "${values["max-bytes"]}"`);
  process.exit(2);
}
try {
  await buildIndex({ corpus: values.corpus as string, out: values.out as string, d1: values.d1 as boolean, maxBytes });
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
