/** npm run index -- [--corpus DIR] [--out DIR] */

import { parseArgs } from "node:util";
import { buildIndex } from "../src/build/build-index.js";

const { values } = parseArgs({
  options: { corpus: { type: "string", default: "corpus" }, out: { type: "string", default: process.env.INDEX_DIR ?? "index" } },
});
try {
  await buildIndex({ corpus: values.corpus as string, out: values.out as string });
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
