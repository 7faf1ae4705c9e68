import { describe, expect, it } from "vitest";
import { identify } from "../../../src/build/aliases.js";
import type { AliasHit, ReportRow, Store } from "../../../src/core/ports.js";
import { findBodies } from "../../../src/core/question/find-body-hits.js";

/** An in-memory store holding the aliases the build would write for these bodies, and some known places. */
function storeOf(bodies: { body: string; years: number[] }[], places: Record<string, string> = {}): Store {
  const rows: AliasHit[] = [];
  const reports: ReportRow[] = [];
  for (const { body, years } of bodies) {
    const id = identify(body);
    for (const a of id.aliases) rows.push({ alias: a.alias, bodyKey: id.bodyKey, body, weight: a.weight, note: null });
    for (const year of years)
      reports.push({
        id: reports.length + 1,
        file: `${body}-${year}.txt`,
        title: `${body}${year}年政府信息公开工作年度报告`,
        body,
        bodyKey: id.bodyKey,
        regionPath: id.regionPath,
        year,
        published: null,
        url: null,
        template: "2021",
        form: "plain",
        warnings: [],
      });
  }
  for (const [alias, note] of Object.entries(places)) rows.push({ alias, bodyKey: "", body: null, weight: 0, note });
  const store: Partial<Store> = {
    findAliases: (cands) => rows.filter((r) => cands.includes(r.alias)),
    reportsOfBody: (key) => reports.filter((r) => r.bodyKey === key),
    listReports: (limit) => reports.slice(0, limit),
    countReports: () => reports.length,
  };
  return store as Store;
}

const ZONE_POLICE = { body: "平潭综合实验区公安局", years: [2019, 2022] };
const ZONE_FINANCE = { body: "平潭综合实验区财政金融局", years: [2019] };
const COUNTY_POLICE = { body: "灵丘县公安局", years: [2019, 2021] };
const PLACES = { 平潭: "平潭县", 平潭县: "平潭县", 大同: "大同市", 大同市: "大同市", 公安: "公安县", 灵丘: "灵丘县", 灵丘县: "灵丘县" };

const bodiesOf = (found: Awaited<ReturnType<typeof findBodies>>) => (found.kind === "ok" ? found.bodies.map((b) => b.body) : found.kind);

describe("a body named by its organ alone", () => {
  it("is found when one body of the corpus has that organ", async () => {
    const store = storeOf([ZONE_POLICE, ZONE_FINANCE], PLACES);
    expect(bodiesOf(await findBodies(store, "公安局 收到几件申请"))).toEqual(["平潭综合实验区公安局"]);
    expect(bodiesOf(await findBodies(store, "财金局 收到几件申请"))).toEqual(["平潭综合实验区财政金融局"]);
    expect(bodiesOf(await findBodies(store, "区财政金融局 新制作了多少件规范性文件"))).toEqual(["平潭综合实验区财政金融局"]);
    expect(bodiesOf(await findBodies(store, "平潭财金局 收到几件申请"))).toEqual(["平潭综合实验区财政金融局"]);
    expect(bodiesOf(await findBodies(store, "平潭公安 主动公开了多少条"))).toEqual(["平潭综合实验区公安局"]);
  });

  it("names two bodies when two organs are asked", async () => {
    const store = storeOf([ZONE_POLICE, ZONE_FINANCE], PLACES);
    expect(bodiesOf(await findBodies(store, "财金局和公安局 收到几件申请"))).toEqual(["平潭综合实验区财政金融局", "平潭综合实验区公安局"]);
  });

  it("is ambiguous when several bodies share the organ, unless the year settles it", async () => {
    const store = storeOf([ZONE_POLICE, COUNTY_POLICE], PLACES);
    const both = await findBodies(store, "公安局 收到几件申请");
    expect(both.kind).toBe("ambiguous");
    expect(both.kind === "ambiguous" && both.lines[0]).toMatch(
      /“公安局”可能指：.*平潭综合实验区公安局.*灵丘县公安局|“公安局”可能指：.*灵丘县公安局.*平潭综合实验区公安局/,
    );
    expect((await findBodies(store, "公安局 收到几件申请", [2019])).kind).toBe("ambiguous");
    const settled = await findBodies(store, "公安局 收到几件申请", [2022]);
    expect(bodiesOf(settled)).toEqual(["平潭综合实验区公安局"]);
    expect(settled.kind === "ok" && settled.notes.join("")).toContain("2022年的报告中只有它");
    // A place name settles it too.
    expect(bodiesOf(await findBodies(store, "灵丘公安局 收到几件申请"))).toEqual(["灵丘县公安局"]);
  });

  it("is not taken when another place stands before it", async () => {
    const store = storeOf([ZONE_POLICE], PLACES);
    const other = await findBodies(store, "大同公安局 收到几件申请");
    expect(other.kind).toBe("none");
    expect(other.kind === "none" && other.lines[0]).toContain("本库未收录“大同公安局”的报告");
  });

  it("is not taken after a level word its own aliases do not use (市公安局 for a 区 body)", async () => {
    const store = storeOf([ZONE_POLICE], PLACES);
    const other = await findBodies(store, " 市公安局 收到几件申请");
    expect(other.kind === "none" && other.lines[0]).toContain("本库未收录“市公安局”的报告");
    expect(bodiesOf(await findBodies(store, " 区公安局 收到几件申请"))).toEqual(["平潭综合实验区公安局"]);
  });

  it("joins a name the body goes by with the organ after it", async () => {
    const store = storeOf([ZONE_POLICE, ZONE_FINANCE], PLACES);
    const found = await findBodies(store, "平潭区公安局 收到几件申请");
    expect(bodiesOf(found)).toEqual(["平潭综合实验区公安局"]);
    expect(found.kind === "ok" && found.bodies[0]?.alias).toBe("平潭区公安局");
  });

  it("a shared place said again beside the body is that body, not a question of which", async () => {
    const store = storeOf([ZONE_POLICE, ZONE_FINANCE], PLACES);
    expect(bodiesOf(await findBodies(store, "公安局 “平潭警方在线”有多少粉丝"))).toEqual(["平潭综合实验区公安局"]);
    // Alone, the shared place still asks which body is meant.
    expect((await findBodies(store, "平潭 收到几件申请")).kind).toBe("ambiguous");
  });
});
