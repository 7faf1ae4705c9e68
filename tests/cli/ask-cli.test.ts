import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/seed-index.js";

const tsx = join(ROOT, "node_modules/.bin/tsx");
let out: string;

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), "cli-")), "index");
  const log = execFileSync(tsx, ["scripts/build-index.ts", "--corpus", "corpus", "--out", out], { cwd: ROOT, encoding: "utf8" });
  expect(log).toContain("lingqiu-2019.txt: 灵丘县 2019 · form cell-per-line · template 2019 · tables 二三四 · cells 198/198");
});

describe("npm run ask (the real CLI)", () => {
  it("answers one question as JSON in the design.md contract", () => {
    const stdout = execFileSync(tsx, ["scripts/ask.ts", "--index", out, "--json", "2019年灵丘行政处罚多少"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const a = JSON.parse(stdout);
    expect(Object.keys(a)).toEqual(["question", "status", "facts", "notes", "reply"]);
    expect(a.facts[0]).toMatchObject({
      value: 1249,
      raw: "1249",
      unit: "项",
      body: "灵丘县",
      year: 2019,
      table: "二",
      column: "上一年项目数量",
    });
    expect(a.facts[0].quote).toContain("1249");
  });

  it("answers every line of standard input, one JSON object per line", () => {
    const stdout = execFileSync(tsx, ["scripts/ask.ts", "--index", out, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      input: "2019年灵丘行政强制多少\n灵丘2020年行政处罚多少\n",
    });
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((a) => a.status)).toEqual(["answered", "not_found"]);
    expect(lines[0].facts[0].value).toBe(70);
  });

  it("says clearly when the index is missing", () => {
    let err = "";
    try {
      execFileSync(tsx, ["scripts/ask.ts", "--index", join(out, "nope"), "灵丘"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
    }
    expect(err).toContain("does not exist; build it with `npm run index`");
  });
});
