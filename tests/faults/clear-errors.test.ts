/** What an operator gets wrong, answered in one line on stderr with a non-zero exit code and no stack trace. */

import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyOfSeedIndex } from "../helpers/node-server.js";
import { run } from "./spawn.js";

/** Run an entry point to its end; its output lines and exit code. */
async function fails(args: string[], env: Record<string, string>): Promise<{ lines: string[]; code: number | null }> {
  const child = run(args, env);
  const code = await child.exited;
  return { lines: child.out().trim().split("\n"), code };
}

const noStack = (lines: string[]) => expect(lines.filter((l) => /^\s+at /.test(l))).toEqual([]);

describe("clear errors", () => {
  it("a busy port", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const port = (taken.address() as AddressInfo).port;
    try {
      const { lines, code } = await fails(["src/node.ts"], { PORT: String(port), HOST: "127.0.0.1", INDEX_DIR: await copyOfSeedIndex() });
      expect(code).toBe(1);
      expect(lines.at(-1)).toBe(`npm start: cannot listen on 127.0.0.1:${port}: the port is in use by another process (set PORT)`);
      noStack(lines);
    } finally {
      taken.close();
    }
  });

  it("a missing corpus folder, for npm start and npm run index", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "no-corpus-")), "index");
    const start = await fails(["src/node.ts"], { PORT: "0", INDEX_DIR: out, CORPUS_DIR: "/nonexistent/corpus" });
    expect(start.code).toBe(1);
    expect(start.lines.at(-1)).toBe("npm start: build-index: corpus directory /nonexistent/corpus does not exist");
    noStack(start.lines);
    const index = await fails(["scripts/build-index.ts", "--corpus", "/nonexistent/corpus", "--out", out], {});
    expect(index.code).toBe(1);
    expect(index.lines).toEqual(["build-index: corpus directory /nonexistent/corpus does not exist"]);
  });

  it.each([
    ["scripts/build-index.ts", "index"],
    ["scripts/ask.ts", "ask"],
    ["scripts/import.ts", "import"],
  ])("an unknown option to %s", async (script, name) => {
    const { lines, code } = await fails([script, "--bogus"], {});
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name}: Unknown option '--bogus'.* \\(options: --`));
  });

  it("an http:// PUBLIC_URL", async () => {
    const { lines, code } = await fails(["src/node.ts"], {
      PORT: "0",
      TELEGRAM_BOT_TOKEN: "4242:TEST-token_abc",
      TELEGRAM_WEBHOOK_SECRET: "s3cret",
      PUBLIC_URL: "http://bot.example.org/",
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      'config: PUBLIC_URL must be an https address (Telegram calls webhooks over https only), got "http://bot.example.org/"',
    ]);
  });
});
