/** The parser's modules import each other without a cycle (a new form is one new file, not a knot). */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../../src/core/parse");

it("src/core/parse has no import cycle", () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) files.push(p);
    }
  };
  walk(ROOT);
  const edges = new Map(
    files.map((f) => [
      f,
      [...readFileSync(f, "utf8").matchAll(/from "(\.[^"]+)\.js"/g)]
        .map((m) => resolve(dirname(f), `${m[1]}.ts`))
        .filter((x) => x.startsWith(ROOT)),
    ]),
  );
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  const visit = (n: string, stack: string[]) => {
    state.set(n, 1);
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      if (state.get(m) === 1) cycles.push([...stack.slice(stack.indexOf(m)), m].map((x) => x.slice(ROOT.length + 1)));
      else if (!state.get(m)) visit(m, stack);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const f of files) if (!state.get(f)) visit(f, []);
  expect(cycles).toEqual([]);
});
