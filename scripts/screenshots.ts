/// <reference lib="dom" />
/**
 * npx tsx scripts/screenshots.ts: serves the shipped corpus/ (index built into a temp folder),
 * asks a real-corpus question in Debian's chromium (playwright-core, no browser download) and saves
 * docs/screenshots/desktop.png (1280×900) and docs/screenshots/phone.png (390×844) of the answer.
 */

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { parseConfig } from "../src/config.js";
import { startNode } from "../src/serve.node.js";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "docs", "screenshots");
const QUESTIONS = ["沭阳县发改局2023年收到多少申请", "平潭经济发展局2019年到2024年收到多少申请"];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

const tmp = mkdtempSync(join(tmpdir(), "screenshots-"));
const running = await startNode(parseConfig({ PORT: "0", HOST: "127.0.0.1", INDEX_DIR: join(tmp, "index") }), {
  corpusDir: join(ROOT, "corpus"),
  log: () => {},
});
const browser = await chromium.launchPersistentContext(join(tmp, "profile"), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    await page.goto(running.url);
    for (const [i, q] of QUESTIONS.entries()) {
      await page.fill("#q", q);
      await page.press("#q", "Enter");
      await page.locator(".card.answered").nth(i).waitFor({ timeout: 15_000 });
    }
    // the newest question at the top of the screen: its answer's figure, chart and cells in view
    await page
      .locator(".msg.user")
      .last()
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`${join(OUT, `${name}.png`)}`);
  }
} finally {
  await browser.close();
  await running.stop();
  rmSync(tmp, { recursive: true, force: true });
}
