/// <reference lib="dom" />
/**
 * The pages in a real browser (Debian chromium via playwright-core, never a downloaded browser):
 * desktop (1280×900) and phone (390×844) viewports, the seed index and the shipped corpus/.
 * Screenshots are kept in test-artifacts/ (gitignored).
 */

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDEX_FILE } from "../../src/adapters/sqlite-store.js";
import { EXAMPLES } from "../../src/examples.js";
import type { Running } from "../../src/serve.node.js";
import { copyOfSeedIndex, start } from "../helpers/node-server.js";
import { FULL_CORPUS, indexFor, ROOT } from "../helpers/seed-index.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`chat-page-browser: skipped, ${CHROMIUM} is not installed (apt-get install -y chromium fonts-wqy-microhei)`);

export const ARTIFACTS = join(ROOT, "test-artifacts");
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
/** A real-corpus question whose answer is a series (one cell over two years): figure, chart, cells, citations. */
const SERIES_Q = "平潭经济发展局2019年到2024年收到多少申请";

let running: Running;
let real: Running;
let browser: BrowserContext;
let noScript: BrowserContext;
const profiles: string[] = [];

function launch(opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  profiles.push(profile);
  // A new user-data-dir per run (playwright takes it as the persistent context's directory).
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORTS.desktop,
    acceptDownloads: true,
    ...opts,
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
}

async function pageAt(viewport: keyof typeof VIEWPORTS, ctx = browser): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  await page.setViewportSize(VIEWPORTS[viewport]);
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  return { page, problems };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** WCAG contrast ratio of two CSS rgb()/rgba() colours (the foreground's alpha blended over the background). */
function contrast(fg: string, bg: string): number {
  const parse = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
  const [br = 0, bgG = 0, bb = 0] = parse(bg);
  const [r = 0, g = 0, b = 0, a = 1] = parse(fg);
  const mix = [r * a + br * (1 - a), g * a + bgG * (1 - a), b * a + bb * (1 - a)];
  const lum = (c: number[]) =>
    c
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((s, v, i) => s + v * ([0.2126, 0.7152, 0.0722][i] as number), 0);
  const [l1, l2] = [lum(mix), lum([br, bgG, bb])].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

describe.skipIf(!haveChromium)("the pages in chromium", () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    running = await start({ PORT: "0", INDEX_DIR: await copyOfSeedIndex() });
    const fullCopy = join(mkdtempSync(join(tmpdir(), "gov-index-full-")), "index");
    cpSync(await indexFor(FULL_CORPUS), fullCopy, { recursive: true });
    real = await start({ PORT: "0", INDEX_DIR: fullCopy });
    browser = await launch();
    noScript = await launch({ javaScriptEnabled: false });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await noScript?.close();
    await running?.stop();
    await real?.stop();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  });

  it("answers a typed question with the figure and its citation, and shows markup as text", async () => {
    const { page, problems } = await pageAt("desktop");
    await page.goto(running.url);
    await page.fill("#q", "2019年灵丘行政处罚多少");
    await page.press("#q", "Enter");
    const answer = page.locator(".msg.bot.answered").first();
    await answer.waitFor({ timeout: 10_000 });
    const text = await answer.textContent();
    expect(text).toContain("上一年项目数量：1249 项");
    expect(text).toContain("出处：《灵丘县2019年政府信息公开工作年度报告》");
    expect(text).toContain("原文：行政处罚 | 1249 | 0 | |");
    expect(await answer.locator(".fig .value").first().textContent()).toBe("1249");
    expect(await answer.locator("table.cells th").allTextContents()).toEqual(["上一年项目数量", "本年增/减", "处理决定数量"]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("2019年灵丘行政处罚多少");

    await page.fill("#q", "<img src=x onerror=alert(1)>灵丘2019年行政强制多少");
    await page.click("form button");
    const answers = page.locator(".msg.bot:not(.pending)");
    await answers.nth(1).waitFor();
    expect(await page.locator(".msg.user").nth(1).textContent()).toBe("<img src=x onerror=alert(1)>灵丘2019年行政强制多少");
    expect(await page.locator("#log img").count()).toBe(0);

    await page.click("[data-example] >> nth=1");
    await answers.nth(2).waitFor();
    expect(await answers.nth(2).textContent()).toContain("本年新收政府信息公开申请数量");
    await shot(page, "desktop-seed-chat");
    expect(problems).toEqual([]);
  }, 60_000);

  for (const viewport of ["desktop", "phone"] as const)
    it(`${viewport}: a real-corpus answer with its chart, fully above the input bar, shareable by its address`, async () => {
      const { page, problems } = await pageAt(viewport);
      await page.goto(real.url);
      for (const q of ["沭阳县发改局2023年收到多少申请", SERIES_Q]) {
        await page.fill("#q", q);
        await page.press("#q", "Enter");
      }
      const card = page.locator(".card.answered").nth(1);
      await card.waitFor({ timeout: 10_000 });
      expect(await card.locator("svg.chart title").first().textContent()).toContain("逐年");
      // 2019, 2021 and 2024: the years of the body the corpus holds in that span.
      expect(await card.locator("svg.chart rect").count()).toBe(3);
      // the newest answer's last line is above the sticky input bar, not under it
      const last = await card.locator(".links").boundingBox();
      const bar = await page.locator("form#ask").boundingBox();
      expect(last && bar && last.y + last.height <= bar.y + 1).toBe(true);
      // nothing wider than the screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const url = page.url();
      expect(new URL(url).searchParams.get("q")).toBe(SERIES_Q);
      await shot(page, `${viewport}-real-chat`);
      // the address opens the same answer, rendered by the server
      const again = await pageAt(viewport);
      await again.page.goto(url);
      expect(await again.page.locator(".card.answered svg.chart rect").count()).toBe(3);
      expect(await again.page.locator(".card .fig .value").allTextContents()).toEqual(await card.locator(".fig .value").allTextContents());
      // back to the first question
      await page.goBack();
      expect(new URL(page.url()).searchParams.get("q")).toBe("沭阳县发改局2023年收到多少申请");
      expect(problems).toEqual([]);
    }, 60_000);

  for (const viewport of ["desktop", "phone"] as const)
    it(`${viewport}, JavaScript off: a permalink shows the answer, the form asks by GET, the citation opens its marked cell`, async () => {
      const { page } = await pageAt(viewport, noScript);
      await page.goto(`${real.url}/?q=${encodeURIComponent("沭阳县发改局2023年收到多少申请")}`);
      expect(await page.locator(".card.answered .fig .value").first().textContent()).toBe("26");
      await page.fill("#q", SERIES_Q);
      await page.press("#q", "Enter");
      await page.waitForURL(/\?q=/);
      expect(new URL(page.url()).searchParams.get("q")).toBe(SERIES_Q);
      expect(await page.locator(".card.answered svg.chart").count()).toBe(1);
      await page.locator(".cites a", { hasText: "2024年" }).first().click();
      await page.waitForURL(/\/report\//);
      const mark = page.locator("table td#cell mark");
      expect(await mark.textContent()).toBe("3");
      // its column header and row header, in the same table
      const headers = await page.locator("td#cell").evaluate((td) => {
        const cell = td as HTMLTableCellElement;
        const table = cell.closest("table") as HTMLTableElement;
        const row = cell.parentElement as HTMLTableRowElement;
        return { col: table.tHead?.rows[0]?.cells[cell.cellIndex]?.textContent, row: row.cells[0]?.textContent };
      });
      expect(headers).toEqual({ col: "总计", row: "一、本年新收政府信息公开申请数量" });
      expect(await page.locator(".marked-cell q").textContent()).toContain("3");
      expect(await page.locator("dl.meta a").getAttribute("href")).toMatch(/^https?:\/\//);
      expect(await page.locator("td#cell").isVisible()).toBe(true);
      // nothing but the tables' own scroll boxes is wider than the screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(page, `${viewport}-report-cell`);
    }, 60_000);

  it("downloads an answer as CSV a spreadsheet reads (UTF-8 with BOM, one row per fact)", async () => {
    const { page } = await pageAt("desktop");
    await page.goto(`${real.url}/?q=${encodeURIComponent(SERIES_Q)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".links a:has-text('CSV')")]);
    expect(download.suggestedFilename()).toBe("answer.csv");
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("value,raw,unit,body,year,table,item,row,column,quote,title,url,published,warnings");
    expect(lines.filter((l) => /^\d/.test(l)).map((l) => l.split(",").slice(0, 5))).toEqual([
      ["0", "0", "件", "平潭综合实验区经济发展局", "2019"],
      ["0", "0", "件", "平潭综合实验区经济发展局", "2021"],
      ["3", "3", "件", "平潭综合实验区经济发展局", "2024"],
    ]);
  }, 60_000);

  it("works with the keyboard: focus order, visible focus, clear messages for an empty and an over-long question", async () => {
    const { page } = await pageAt("phone");
    await page.goto(real.url);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    // a click on the page above the nav (nothing focusable there) starts sequential focus at the top
    await page.click("main", { position: { x: 2, y: 2 } });
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return `${el.tagName.toLowerCase()}:${el.id || el.textContent?.trim().slice(0, 6)}`;
        }),
      );
    }
    expect(order).toEqual(["a:问答", "a:报告目录", ...EXAMPLES.map((e) => `button:${e.slice(0, 6)}`), "input:q", "button:提问"]);
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement as Element);
      return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    expect(await page.locator("#hint").textContent()).toContain("请先输入一个问题");
    expect(await page.locator(".msg").count()).toBe(0);
    await page.fill("#q", "行".repeat(2000));
    expect(await page.locator("#q").inputValue()).toHaveLength(2000);
    await page.keyboard.press("Enter");
    expect(await page.locator("#hint").textContent()).toBe("问题太长（2000字），请控制在500字以内。");
    expect(await page.locator(".msg").count()).toBe(0);
    await page.fill("#q", "沭阳县发改局2023年收到多少申请");
    await page.keyboard.press("Enter");
    await page.locator(".card.answered").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await shot(page, "phone-keyboard");
  }, 60_000);

  it("meets the accessibility basics: lang, labelled inputs, titled graphics, contrast of the main colours ≥ 4.5:1", async () => {
    const { page } = await pageAt("desktop");
    await page.goto(`${real.url}/?q=${encodeURIComponent(SERIES_Q)}`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    const unlabelled = await page.evaluate(
      () =>
        [...document.querySelectorAll("input, select, textarea")].filter(
          (el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute("aria-label"),
        ).length,
    );
    expect(unlabelled).toBe(0);
    expect(
      await page.evaluate(() => [...document.querySelectorAll("svg")].every((s) => s.querySelector(":scope > title")?.textContent)),
    ).toBe(true);
    expect(await page.locator("img:not([alt])").count()).toBe(0);
    // light and dark colour schemes (the page follows prefers-color-scheme)
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const pairs = await page.evaluate(() => {
        const bgOf = (el: Element | null): string => {
          for (let e = el; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c && c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c;
          }
          return "rgb(255, 255, 255)";
        };
        const sel = [
          "body",
          "p.lead",
          ".examples button",
          "nav a",
          "#hint",
          "form button",
          "#q",
          ".fig .value",
          ".fig .meaning",
          ".cites a",
          ".nolink",
          ".links a",
          "figcaption",
          ".warnings li",
          ".msg.user",
          "svg.chart text",
        ];
        return sel.flatMap((s) => {
          const el = document.querySelector(s);
          return el ? [{ s, fg: getComputedStyle(el).color, fill: getComputedStyle(el).fill, bg: bgOf(el) }] : [];
        });
      });
      expect(pairs.length).toBeGreaterThanOrEqual(12);
      for (const p of pairs) {
        const fg = p.s.startsWith("svg") ? p.fill : p.fg;
        expect(contrast(fg, p.bg), `${colorScheme} ${p.s}: ${fg} on ${p.bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    // the report browser and a report view, too
    await page.goto(`${real.url}/reports`);
    expect(await page.locator("main h2").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("main a[href^='/report/']").count()).toBe(26);
    await shot(page, "desktop-reports");
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
