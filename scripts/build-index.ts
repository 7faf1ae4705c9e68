/** npm run index -- [--corpus DIR] [--out DIR] [--d1]   (--d1: also write DIR/d1/data.sql for D1) */

import { parseArgs } from "node:util";
import { buildIndex } from "../src/build/build-index.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "corpus" },
    out: { type: "string", default: process.env.INDEX_DIR ?? "index" },
    d1: { type: "boolean", default: false },
  },
});
try {
  await buildIndex({ corpus: values.corpus as string, out: values.out as string, d1: values.d1 });
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
