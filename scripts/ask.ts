/** npm run ask -- [--index DIR] [--json] [QUESTION]   (no QUESTION: one question per line of stdin) */

import { createInterface } from "node:readline";
import { IndexError, openIndex } from "../src/adapters/sqlite-store.js";
import { createEngine } from "../src/core/answer/answer-question.js";
import { cliArgs } from "./cli-args.js";

const { values, positionals } = cliArgs("ask", {
  allowPositionals: true,
  options: { index: { type: "string", default: process.env.INDEX_DIR ?? "index" }, json: { type: "boolean", default: false } },
});

let index: ReturnType<typeof openIndex>;
try {
  index = openIndex(values.index as string, { readonly: true });
} catch (e) {
  console.error(e instanceof IndexError ? e.message : `ask: ${(e as Error).message}`);
  process.exit(2);
}
const engine = createEngine({ store: index.store });
const show = async (q: string) => {
  const a = await engine.ask(q);
  console.log(values.json ? JSON.stringify(a) : `${a.reply}\n`);
};

if (positionals.length > 0) await show(positionals.join(" "));
else {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line.trim() !== "") await show(line);
}
index.close();
