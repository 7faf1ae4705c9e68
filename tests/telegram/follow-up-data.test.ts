import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../../src/core/template.js";
import { decodeFollowUp, encodeFollowUp, type FollowUp, MAX_CALLBACK_DATA } from "../../src/telegram/follow-up-data.js";

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe("follow-up callback data", () => {
  it("round-trips every cell of both templates within 64 bytes, even for the largest report id", () => {
    for (const t of Object.values(TEMPLATES)) {
      for (const b of t.blocks) {
        for (const row of b.rows) {
          for (const col of b.columns) {
            for (const kind of ["q", "r", "y", "k"] as const) {
              const f: FollowUp = { kind, reportId: Number.MAX_SAFE_INTEGER, table: b.table, item: b.item, rowId: row.id, colId: col.id };
              const data = encodeFollowUp(f);
              expect(data).not.toBeNull();
              expect(bytes(data as string)).toBeLessThanOrEqual(MAX_CALLBACK_DATA);
              expect(decodeFollowUp(data as string)).toEqual(f);
            }
          }
        }
      }
    }
  });

  it("is compact", () => {
    expect(encodeFollowUp({ kind: "y", reportId: 12, table: "二", item: "（六）", rowId: "penalty", colId: "prev_items" })).toBe(
      "y:12:2:六:penalty:prev_items",
    );
  });

  it("refuses ids it cannot encode and data it did not produce", () => {
    expect(encodeFollowUp({ kind: "q", reportId: 1, table: "三", item: null, rowId: "x".repeat(30), colId: "total" })).toBeNull();
    expect(encodeFollowUp({ kind: "q", reportId: 1, table: "三", item: null, rowId: "a:b", colId: "total" })).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const f = decodeFollowUp(s);
        if (f) expect(encodeFollowUp(f)).toBe(s);
      }),
    );
  });
});
