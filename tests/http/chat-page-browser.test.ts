/** The chat page in a real browser (Debian chromium via playwright-core): type a question, see the cited answer. */

import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDEX_FILE } from "../../src/adapters/sqlite-store.js";
import type { Running } from "../../src/serve.node.js";
import { copyOfSeedIndex, start } from "../helpers/node-server.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`chat-page-browser: skipped, ${CHROMIUM} is not installed (apt-get install -y chromium fonts-wqy-microhei)`);

let running: Running;
let browser: BrowserContext;
let profile: string;

describe.skipIf(!haveChromium)("the chat page in chromium", () => {
  beforeAll(async () => {
    running = await start({ PORT: "0", INDEX_DIR: await copyOfSeedIndex() });
    profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
    // A new user-data-dir per run (playwright takes it as the persistent context's directory).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 800, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("answers a typed question with the figure and its citation, and shows markup as text", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(running.url);
    await page.fill("#q", "2019年灵丘行政处罚多少");
    await page.press("#q", "Enter");
    const answer = page.locator(".msg.bot.answered").first();
    await answer.waitFor({ timeout: 10_000 });
    const text = await answer.textContent();
    expect(text).toContain("上一年项目数量：1249 项");
    expect(text).toContain("出处：《灵丘县2019年政府信息公开工作年度报告》");
    expect(text).toContain("原文：行政处罚 | 1249 | 0 | |");

    await page.fill("#q", "<img src=x onerror=alert(1)>灵丘2019年行政强制多少");
    await page.click("form button");
    const answers = page.locator(".msg.bot:not(.pending)");
    await answers.nth(1).waitFor();
    expect(await page.locator(".msg.user").nth(1).textContent()).toBe("<img src=x onerror=alert(1)>灵丘2019年行政强制多少");
    expect(await page.locator("#log img").count()).toBe(0);

    await page.click("[data-example] >> nth=1");
    await answers.nth(2).waitFor();
    expect(await answers.nth(2).textContent()).toContain("本年新收政府信息公开申请数量");
    await page.screenshot({ path: join(tmpdir(), "chat-page.png"), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);

  it("says plainly that the index is unavailable when the server answers 503", async () => {
    const dir = await copyOfSeedIndex();
    const broken = await start({ PORT: "0", INDEX_DIR: dir });
    try {
      const file = join(dir, INDEX_FILE);
      writeFileSync(file, Buffer.alloc(statSync(file).size, 0x5a));
      const page = await browser.newPage();
      await page.goto(broken.url);
      await page.fill("#q", "2019年灵丘行政处罚多少");
      await page.press("#q", "Enter");
      const reply = page.locator(".msg.bot.unavailable").first();
      await reply.waitFor({ timeout: 10_000 });
      expect(await reply.textContent()).toBe("本库的索引尚未加载或正在更新，暂时无法查询。请稍后再试。");
      expect(await page.locator(".msg.bot.error").count()).toBe(0);
    } finally {
      await broken.stop();
    }
  }, 60_000);
});
