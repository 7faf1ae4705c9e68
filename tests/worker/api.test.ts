import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/worker.js";

async function get(path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://worker.test${path}`), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const ask = async (q: string) => (await get(`/api/ask?q=${encodeURIComponent(q)}`)).json<Record<string, unknown>>();

describe("the Worker over local D1", () => {
  it("/healthz is up", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, reports: 1 });
  });

  it("/api/ask answers 2019年灵丘行政处罚多少 with the whole row and its citation", async () => {
    const a = await ask("2019年灵丘行政处罚多少");
    expect(a.status).toBe("answered");
    expect((a.facts as { column: string; value: number | null }[]).map((f) => [f.column, f.value])).toEqual([
      ["上一年项目数量", 1249],
      ["本年增/减", 0],
      ["处理决定数量", null],
    ]);
    expect(a.facts).toMatchObject([
      {
        raw: "1249",
        unit: "项",
        body: "灵丘县",
        year: 2019,
        table: "二",
        item: "（六）",
        row: "行政处罚",
        report: { file: "lingqiu-2019.txt" },
      },
      {},
      {},
    ]);
  });

  it.each([
    ["灵丘县2019年行政许可多少项", 262],
    ["2019年灵丘行政强制多少", 70],
    ["2019年靈丘行政處罰多少", 1249],
    ["大同灵丘19年行政处罚多少", 1249],
  ])("/api/ask %s → %d", async (q, value) => {
    const a = await ask(q);
    expect(a.status).toBe("answered");
    expect((a.facts as { value: number }[])[0]?.value).toBe(value);
  });

  it("answers from the report's prose with the MiniSearch index stored in D1", async () => {
    const a = await ask("灵丘2019年12345热线和政民互动共收到多少件信息");
    expect(a.facts).toMatchObject([{ value: 9861, unit: "件", table: "prose" }]);
  });

  it("says what the corpus lacks", async () => {
    const a = await ask("灵丘2020年行政处罚多少");
    expect(a.status).toBe("not_found");
    expect(a.reply).toContain("本库未收录灵丘县2020年的报告");
  });
});

describe("the journalist's pages on the Worker (D1 through the Store port)", () => {
  it("a fact's permalink opens its report with the cell marked; /?q= renders the answer; CSV downloads; /reports lists it", async () => {
    const a = await ask("2019年灵丘行政处罚多少");
    const [fact] = a.facts as { permalink: string }[];
    const report = await get(fact?.permalink ?? "");
    expect(report.status).toBe(200);
    const html = await report.text();
    expect(html).toMatch(/<td id="cell" class="marked"><mark>1249<\/mark><\/td>/);
    expect(html).toContain('<th scope="col">上一年项目数量</th>');
    expect((await get("/report/nope.txt")).status).toBe(404);
    const page = await (await get(`/?q=${encodeURIComponent("2019年灵丘行政处罚多少")}`)).text();
    expect(page).toContain('<span class="value">1249</span>');
    const csv = await get(`/api/ask?q=${encodeURIComponent("2019年灵丘行政处罚多少")}&format=csv`);
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    expect((await csv.text()).split("\r\n")[0]).toContain("value,raw,unit,body,year");
    expect(await (await get("/reports")).text()).toContain('href="/report/lingqiu-2019.txt"');
  });
});
