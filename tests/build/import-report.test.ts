import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndex } from "../../src/adapters/sqlite-store.js";
import { buildIndex } from "../../src/build/build-index.js";
import { importReport } from "../../src/build/import-report.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import { parseReport } from "../../src/core/parse/parse-report.js";
import { ROOT } from "../helpers/seed-index.js";

const FIX = join(ROOT, "tests/fixtures");
const PAGES: Record<string, { file: string; type: string }> = {
  "/zwgk/xxgknb/202002/t20200219_1.shtml": { file: "import/lingqiu-2019.portal.html", type: "text/html; charset=utf-8" },
  "/zwgk/xxgknb/202002/t20200219_2.shtml": { file: "import/lingqiu-2019.portal.gbk.html", type: "text/html" },
  "/files/2021-report.pdf": { file: "pdf/lingqiu-2021-invented.pdf", type: "application/pdf" },
};

let server: Server;
let base = "";
const now = () => new Date("2026-11-27T08:00:00Z");

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ""];
    if (!page) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": page.type }).end(readFileSync(join(FIX, page.file)));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const corpusDir = () => mkdtempSync(join(tmpdir(), "import-"));

describe("npm run import -- URL", () => {
  it.each([
    ["UTF-8 (charset in the header)", "/zwgk/xxgknb/202002/t20200219_1.shtml", "utf-8"],
    ["GBK (charset only in the page's meta)", "/zwgk/xxgknb/202002/t20200219_2.shtml", "gbk"],
  ])("saves the report of a %s page, without the portal around it, with its metadata", async (_, path, charset) => {
    const corpus = corpusDir();
    const r = await importReport(`${base}${path}`, { corpus, now });
    expect(r.charset).toBe(charset);
    expect(r.file).toBe("灵丘县-2019.html");
    const meta = JSON.parse(readFileSync(join(corpus, "灵丘县-2019.meta.json"), "utf8"));
    expect(meta).toEqual({
      title: "灵丘县2019年政府信息公开工作年度报告",
      url: `${base}${path}`,
      published: "2020-02-19",
      publisher: "灵丘县政府网",
      fetched: "2026-11-27T08:00:00.000Z",
    });
    const html = readFileSync(join(corpus, r.file), "utf8");
    for (const noise of ["政务公开", "当前位置", "信息公开目录", "分享到", "主办单位", "_hmt", "搜索"]) expect(html).not.toContain(noise);
    expect(html).toContain("灵丘县2019年政府信息公开工作年度报告");
    const parsed = parseReport({ text: html, file: r.file, meta });
    expect(parsed.cells).toHaveLength(198);
    expect(parsed.cells.find((c) => c.rowId === "penalty" && c.colId === "prev_items")?.raw).toBe("1249");
    expect(parsed.passages.some((p) => p.text.includes("9861"))).toBe(true);
  });

  it("saves a PDF as it is, and a second import of the same name does not overwrite the first", async () => {
    const corpus = corpusDir();
    const a = await importReport(`${base}/files/2021-report.pdf`, { corpus, now });
    const b = await importReport(join(FIX, "pdf/lingqiu-2021-invented.pdf"), { corpus, now });
    // Named for the body and year its first page prints; the date comes from the PDF too.
    expect(a.file).toBe("灵丘县-2021.pdf");
    expect(a.meta).toMatchObject({ title: "灵丘县2021年政府信息公开工作年度报告", published: "2022-01-28" });
    expect(b.file).toBe("灵丘县-2021-2.pdf");
    expect(readFileSync(join(corpus, a.file))).toEqual(readFileSync(join(FIX, "pdf/lingqiu-2021-invented.pdf")));
    const again = await importReport(`${base}/files/2021-report.pdf`, { corpus, now });
    expect(again.file).toBe("灵丘县-2021-3.pdf");
    expect(JSON.parse(readFileSync(join(corpus, "灵丘县-2021.meta.json"), "utf8")).url).toBe(`${base}/files/2021-report.pdf`);
  });

  it("says which URL failed and why", async () => {
    await expect(importReport(`${base}/missing.html`, { corpus: corpusDir(), now })).rejects.toThrow(
      `import: ${base}/missing.html: HTTP 404`,
    );
  });

  it("an imported page is indexed with its link and date, and answers cite them", async () => {
    const corpus = corpusDir();
    await importReport(`${base}/zwgk/xxgknb/202002/t20200219_2.shtml`, { corpus, now });
    const out = join(corpusDir(), "index");
    const log: string[] = [];
    await buildIndex({ corpus, out, log: (l) => log.push(l) });
    expect(readdirSync(corpus).sort()).toEqual(["灵丘县-2019.html", "灵丘县-2019.meta.json"]);
    expect(log[0]).toMatch(
      /^灵丘县-2019\.html: 灵丘县 2019 · form html · template 2019 · tables 二三四 · cells 198\/198 · ambiguous 0 · checks failed 0/,
    );
    const index = openIndex(out, { readonly: true });
    try {
      const a = await createEngine({ store: index.store, now }).ask("2019年灵丘行政处罚多少");
      expect(a.facts[0]).toMatchObject({
        raw: "1249",
        report: { url: `${base}/zwgk/xxgknb/202002/t20200219_2.shtml`, published: "2020-02-19" },
      });
      expect(a.reply).toContain(`链接：${base}/zwgk/xxgknb/202002/t20200219_2.shtml`);
    } finally {
      index.close();
    }
  });
});
