import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openIndex } from "../../src/adapters/sqlite-store.js";
import { buildIndex } from "../../src/build/build-index.js";
import { correctBodyName } from "../../src/build/ocr-names.js";
import { createEngine } from "../../src/core/answer/answer-question.js";
import { SEED_CORPUS } from "../helpers/seed-index.js";

describe("correctBodyName", () => {
  it.each([
    ["灵邱县", "根据大同市政府办公室的通知", "灵丘县"],
    ["灵邱县人民政府办公室", "大同", "灵丘县人民政府办公室"],
    ["大同市灵邱县人民政府", "", "大同市灵丘县人民政府"],
    ["平宁县", "晋中市", "平遥县"],
  ])("%s, in a report mentioning “%s” → %s", (body, text, fixed) => {
    expect(correctBodyName(body, text)).toEqual({ printed: body, body: fixed, note: `报告中写作“${body}”，按${fixed}理解` });
  });

  it("a report that names no city: corrected only when one official name in the whole country is one character away", () => {
    expect(correctBodyName("达拉持旗", "本旗")).toEqual({
      printed: "达拉持旗",
      body: "达拉特旗",
      note: "报告中写作“达拉持旗”，按达拉特旗理解（全国只有这一个地名与之相差一个字）",
    });
    // 灵邱县 is one character from eight counties across the country (灵丘县, 灵石县, 霍邱县…): no guess.
    expect(correctBodyName("灵邱县", "本县")).toBeNull();
  });

  it.each([
    ["灵丘县", "大同", "an official name"],
    ["灵邱县", "本县", "no province or city mentioned"],
    ["灵邱县", "山西省", "two names one character away in the province (灵丘县, 灵石县)"],
    ["平宁县", "山西", "four (平定县, 平顺县, 平遥县, 平陆县)"],
    ["灵邱市", "大同", "the suffix differs"],
  ])("%s with “%s”: no correction (%s)", (body, text) => {
    expect(correctBodyName(body, text)).toBeNull();
  });

  it("reads the report's text only for a name one character off, and each report's own", () => {
    const unread = () => {
      throw new Error("text read");
    };
    expect(correctBodyName("灵丘县人民政府", unread)).toBeNull();
    expect(correctBodyName("某某单位", unread)).toBeNull();
    expect(correctBodyName("灵邱县", () => "大同")?.body).toBe("灵丘县");
    expect(correctBodyName("灵邱县", () => "本县")).toBeNull();
  });
});

/** The seed report as an OCR would print it: 灵邱 for 灵丘 throughout. */
async function corpusWith(mention: boolean): Promise<{ out: string; log: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "ocr-"));
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  let text = readFileSync(join(SEED_CORPUS, "lingqiu-2019.txt"), "utf8").replaceAll("灵丘", "灵邱");
  if (mention) text = text.replace("市政府办公室", "大同市政府办公室");
  writeFileSync(join(corpus, "lingqiu-2019-ocr.txt"), text);
  const log: string[] = [];
  await buildIndex({ corpus, out: join(dir, "index"), log: (l) => log.push(l) });
  return { out: join(dir, "index"), log };
}

describe("an OCR-misread body name, end to end", () => {
  it("is indexed under the official name, and answers say how it was printed", async () => {
    const { out, log } = await corpusWith(true);
    expect(log[0]).toContain("body name 灵邱县 read as 灵丘县");
    const index = openIndex(out, { readonly: true });
    try {
      const engine = createEngine({ store: index.store, now: () => new Date("2026-11-27T00:00:00Z") });
      for (const q of ["2019年灵丘行政处罚多少", "大同灵丘县2019年行政处罚多少", "灵邱县2019年行政处罚多少"]) {
        const a = await engine.ask(q);
        expect(a.status, q).toBe("answered");
        expect(a.facts[0]).toMatchObject({ body: "灵丘县", raw: "1249", report: { title: "灵邱县2019年政府信息公开工作年度报告" } });
        expect(a.notes, q).toContain("报告中写作“灵邱县”，按灵丘县理解");
        expect(a.reply).toContain("说明：报告中写作“灵邱县”，按灵丘县理解");
      }
    } finally {
      index.close();
    }
  });

  it("is left as printed when the report names no province or city to check it against", async () => {
    const { out, log } = await corpusWith(false);
    expect(log[0]).not.toContain("read as");
    const index = openIndex(out, { readonly: true });
    try {
      const engine = createEngine({ store: index.store, now: () => new Date("2026-11-27T00:00:00Z") });
      expect((await engine.ask("2019年灵丘行政处罚多少")).status).toBe("not_found");
      const a = await engine.ask("灵邱县2019年行政处罚多少");
      expect(a.facts[0]).toMatchObject({ body: "灵邱县", raw: "1249" });
      expect(a.notes.join()).not.toContain("报告中写作");
    } finally {
      index.close();
    }
  });
});
