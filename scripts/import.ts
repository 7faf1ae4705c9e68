/** npm run import -- URL|FILE [--corpus DIR] */

import { importReport } from "../src/build/import-report.js";
import { cliArgs } from "./cli-args.js";

const { values, positionals } = cliArgs("import", { allowPositionals: true, options: { corpus: { type: "string", default: "corpus" } } });
if (positionals.length === 0) {
  console.error("usage: npm run import -- URL|FILE [--corpus DIR]");
  process.exit(2);
}
let failed = 0;
for (const source of positionals) {
  try {
    const r = await importReport(source, { corpus: values.corpus as string });
    const m = r.meta;
    console.log(
      `${source} → ${values.corpus}/${r.file} · ${m.title ?? "no title found"} · published ${m.published ?? "?"}${r.charset ? ` · ${r.charset}` : ""}`,
    );
  } catch (e) {
    failed++;
    console.error((e as Error).message);
  }
}
if (positionals.length > failed) console.log("Run `npm run index` to add it to the index.");
process.exit(failed > 0 ? 1 : 0);
