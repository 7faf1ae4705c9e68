/**
 * The Store and UpdateLog contract, one suite for every adapter: sqlite-store (Node, in
 * tests/adapters) and d1-store (workerd, in tests/worker). Expects the seed index
 * (corpus/lingqiu-2019.txt as report 1). Imports nothing runtime-specific.
 */

import { describe, expect, it } from "vitest";
import type { Store, UpdateLog } from "../../src/core/ports.js";

export function storeContract(name: string, open: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    it("is ready: the index is there, of this code's schema version", async () => {
      const store = await open();
      expect(await store.ready()).toBeUndefined();
    });

    it("finds aliases, with a list longer than D1's 100 bound parameters", async () => {
      const store = await open();
      expect(await store.findAliases([])).toEqual([]);
      const many = ["灵丘", ...Array.from({ length: 150 }, (_, i) => `没有${i}`)];
      const hits = await store.findAliases(many);
      expect([...hits].sort((a, b) => a.weight - b.weight)).toEqual([
        { alias: "灵丘", bodyKey: "", body: null, weight: 0, note: "灵丘县" },
        { alias: "灵丘", bodyKey: expect.stringMatching(/^140224/), body: "灵丘县", weight: 2, note: null },
      ]);
    });

    it("reads reports by id, by body, as a list and as a count", async () => {
      const store = await open();
      expect(await store.reports([])).toEqual([]);
      const [r] = await store.reports([1, 999]);
      expect(r).toMatchObject({ id: 1, file: "lingqiu-2019.txt", body: "灵丘县", year: 2019, published: "2020-02-19" });
      expect(r?.bodyKey).toMatch(/^140224/);
      expect(Array.isArray(r?.warnings)).toBe(true);
      expect(r).not.toHaveProperty("checks");
      expect((await store.reportsOfBody(r?.bodyKey ?? "")).map((x) => x.id)).toEqual([1]);
      expect(await store.reportsOfBody("nope")).toEqual([]);
      expect((await store.listReports(10)).map((x) => x.id)).toEqual([1]);
      expect(await store.countReports()).toBe(1);
      expect(await store.reportByFile("lingqiu-2019.txt")).toEqual(r);
      expect(await store.reportByFile("nope.txt")).toBeNull();
    });

    it("lists the bodies of a place, by gazetteer path or by name prefix", async () => {
      const store = await open();
      const [r] = await store.reports([1]);
      const own = { bodyKey: r?.bodyKey, body: "灵丘县", regionPath: r?.regionPath };
      expect(await store.bodiesIn("大同市")).toEqual([own]);
      expect(await store.bodiesIn("灵丘")).toEqual([own]);
      expect(await store.bodiesIn("没有这个地方")).toEqual([]);
    });

    it("reads a report's 勾稽 checks on demand, not with the report row", async () => {
      const store = await open();
      const checks = await store.checks(1);
      expect(checks.length).toBeGreaterThan(20);
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      expect(await store.checks(999)).toEqual([]);
    });

    it("reads facts by row, by table and all, in source order", async () => {
      const store = await open();
      const row = await store.facts(1, { table: "二", rowIds: ["penalty"] });
      expect(row.map((f) => [f.colId, f.value, f.raw, f.state])).toEqual([
        ["prev_items", 1249, "1249", "number"],
        ["change", 0, "0", "number"],
        ["decisions", null, "", "empty"],
      ]);
      expect(row[0]).toMatchObject({ reportId: 1, table: "二", item: "（六）", row: "行政处罚", unit: "项", warnings: [] });
      const cells = await store.facts(1, { table: "二", rowIds: ["penalty", "license"], colIds: ["decisions", "change"] });
      expect(cells.map((f) => [f.rowId, f.colId])).toEqual([
        ["license", "change"],
        ["license", "decisions"],
        ["penalty", "change"],
        ["penalty", "decisions"],
      ]);
      const all = await store.facts(1, {});
      expect(all).toHaveLength(198);
      expect((await store.facts(1, { table: "三" })).every((f) => f.table === "三")).toBe(true);
      expect(await store.facts(999, {})).toEqual([]);
    });

    it("reads passages in order and the report's MiniSearch JSON with its vocabulary", async () => {
      const store = await open();
      const ps = await store.passages(1);
      expect(ps).toHaveLength(17);
      expect(Object.keys(ps[0] ?? {})).toEqual(["section", "text", "line"]);
      expect(ps.map((p) => p.line)).toEqual([...ps.map((p) => p.line)].sort((a, b) => a - b));
      const idx = await store.searchIndex(1);
      expect(JSON.parse(idx?.json ?? "null")).toMatchObject({ documentCount: 17 });
      expect(idx?.vocab).toContain("热线");
      expect(await store.searchIndex(999)).toBeNull();
      expect(await store.searchVocab(1)).toEqual(idx?.vocab);
      expect(await store.searchVocab(999)).toBeNull();
    });
  });
}

export function updateLogContract(name: string, open: () => UpdateLog | Promise<UpdateLog>): void {
  describe(`UpdateLog contract: ${name}`, () => {
    const t0 = 1_700_000_000_000;
    const day = 24 * 3600 * 1000;

    it("is true the first time an id is seen, false for every redelivery", async () => {
      const log = await open();
      expect(await log.firstSeen(101, t0)).toBe(true);
      expect(await log.firstSeen(101, t0 + 1000)).toBe(false);
      expect(await log.firstSeen(102, t0)).toBe(true);
    });

    it("lets exactly one of concurrent deliveries of the same id through", async () => {
      const log = await open();
      const seen = await Promise.all(Array.from({ length: 5 }, () => log.firstSeen(7001, t0)));
      expect(seen.filter(Boolean)).toHaveLength(1);
    });

    it("forgets ids after a day (Telegram gives up on an update after 24 h)", async () => {
      const log = await open();
      expect(await log.firstSeen(301, t0)).toBe(true);
      expect(await log.firstSeen(400, t0 + day + 1)).toBe(true);
      expect(await log.firstSeen(301, t0 + day + 2)).toBe(true);
      expect(await log.firstSeen(400, t0 + day + 3)).toBe(false);
    });

    it("claims: new, then busy while in progress, done once answered; a failed one is handled again", async () => {
      const log = await open();
      const lease = 60_000;
      expect(await log.claim(501, t0, lease)).toBe("new");
      expect(await log.claim(501, t0 + 1000, lease)).toBe("busy");
      await log.settle(501, true, t0 + 2000);
      expect(await log.claim(501, t0 + 3000, lease)).toBe("done");
      expect(await log.claim(502, t0, lease)).toBe("new");
      await log.settle(502, false, t0 + 1000);
      expect(await log.claim(502, t0 + 2000, lease)).toBe("new");
      expect(await log.claim(502, t0 + 3000, lease)).toBe("busy");
    });

    it("claims: an in-progress claim past its lease (its handler died) is taken over, once", async () => {
      const log = await open();
      expect(await log.claim(601, t0, 10_000)).toBe("new");
      expect(await log.claim(601, t0 + 5_000, 10_000)).toBe("busy");
      const again = await Promise.all(Array.from({ length: 4 }, () => log.claim(601, t0 + 20_000, 10_000)));
      expect(again.filter((c) => c === "new")).toHaveLength(1);
      expect(again.filter((c) => c === "busy")).toHaveLength(3);
    });
  });
}
