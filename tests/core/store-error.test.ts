/** StoreError and guarded: what an adapter's failure looks like to the HTTP layer. */

import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../src/core/schema.js";
import { checkSchemaVersion, guarded, StoreError, storeError, unavailable } from "../../src/core/store-error.js";

const SRC = { name: "D1", fix: "load it" };

describe("storeError", () => {
  it("tells a database without a usable index from a failing one, and says what to do", () => {
    const a = storeError(new Error("D1_ERROR: no such table: aliases: SQLITE_ERROR"), SRC);
    expect(a).toBeInstanceOf(StoreError);
    expect([a.problem, a.message]).toEqual([
      "no_index",
      "D1 holds no usable index (D1_ERROR: no such table: aliases: SQLITE_ERROR): load it",
    ]);
    expect(storeError(new Error("database disk image is malformed"), SRC).problem).toBe("no_index");
    expect(storeError(new Error("schema version 0, expected 1"), SRC).problem).toBe("no_index");
    const b = storeError(new Error("D1_ERROR: Network connection lost."), SRC);
    expect([b.problem, b.message]).toEqual(["failed", "D1 failed: D1_ERROR: Network connection lost."]);
    expect(b.cause).toBeInstanceOf(Error);
    const c = new StoreError("missing", "no binding");
    expect(storeError(c, SRC)).toBe(c);
  });

  it("checks the schema version", () => {
    expect(() => checkSchemaVersion(String(SCHEMA_VERSION))).not.toThrow();
    expect(() => checkSchemaVersion(undefined)).toThrow(`schema version missing, expected ${SCHEMA_VERSION}`);
    expect(() => checkSchemaVersion("1")).toThrow(`schema version 1, expected ${SCHEMA_VERSION}`);
  });
});

describe("guarded", () => {
  it("keeps synchronous results synchronous and turns throws and rejections into StoreErrors", async () => {
    const port = guarded(
      {
        sync: (n: number) => n + 1,
        async: async (n: number) => n * 2,
        throws: (): number => {
          throw new Error("no such table: facts");
        },
        rejects: async (): Promise<number> => {
          throw new Error("D1_ERROR: boom");
        },
      },
      SRC,
    );
    expect(port.sync(1)).toBe(2);
    expect(await port.async(2)).toBe(4);
    expect(() => port.throws()).toThrow(StoreError);
    await expect(port.rejects()).rejects.toMatchObject({ name: "StoreError", problem: "failed", message: "D1 failed: D1_ERROR: boom" });
  });

  it("unavailable() fails every call with the given error", async () => {
    const e = new StoreError("missing", "no D1 binding");
    const { store, updates } = unavailable(e);
    await expect(store.ready()).rejects.toBe(e);
    await expect(store.findAliases(["灵丘"])).rejects.toBe(e);
    await expect(updates.firstSeen(1, 0)).rejects.toBe(e);
  });
});
