/**
 * The buttons under an answer address the cited cell. For an answer the engine made, the address
 * comes with it (no store read while the reply is sent); any other answer is looked up in the index.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../src/adapters/sqlite-store.js";
import type { Engine } from "../../src/core/answer/answer-question.js";
import type { Answer } from "../../src/core/answer/answer-types.js";
import type { Store } from "../../src/core/ports.js";
import { followUpKeyboard } from "../../src/telegram/follow-up-keyboard.js";
import { engineFor, SEED_CORPUS } from "../helpers/seed-index.js";

let seed: { engine: Engine; index: SqliteIndex };
beforeAll(async () => {
  seed = await engineFor(SEED_CORPUS);
});
afterAll(() => seed.index.close());

/** A store that fails every read: proves a keyboard was built without one. */
const noStore = new Proxy({} as Store, {
  get: (_t, name) => () => {
    throw new Error(`store.${String(name)} was read`);
  },
});

const data = (kb: Awaited<ReturnType<typeof followUpKeyboard>>) =>
  kb?.inline_keyboard[0]?.map((b) => ("callback_data" in b ? b.callback_data : null));

describe("followUpKeyboard", () => {
  it("addresses the cited cell of an engine answer without reading the store", async () => {
    const a = await seed.engine.ask("2019年灵丘行政处罚多少");
    expect(a.facts[0]?.raw).toBe("1249");
    expect(data(await followUpKeyboard(noStore, a))).toEqual([
      "q:1:2:六:penalty:prev_items",
      "r:1:2:六:penalty:prev_items",
      "y:1:2:六:penalty:prev_items",
      "k:1:2:六:penalty:prev_items",
    ]);
  });

  it("looks the cell up in the index for an answer that did not come from the engine (here, through JSON)", async () => {
    const a = JSON.parse(JSON.stringify(await seed.engine.ask("灵丘2019年被申请行政复议几次"))) as Answer;
    const direct = data(await followUpKeyboard(noStore, await seed.engine.ask("灵丘2019年被申请行政复议几次")));
    expect(direct?.[0]).toMatch(/^q:1:4:-:review:/);
    expect(data(await followUpKeyboard(seed.index.store, a))).toEqual(direct);
    await expect(followUpKeyboard(noStore, a)).rejects.toThrow(/store\.findAliases was read/);
  });

  it("has no buttons for a prose answer", async () => {
    const a = await seed.engine.ask("灵丘2019年12345热线和政民互动共收到多少件信息");
    expect(a.facts[0]?.table).toBe("prose");
    expect(await followUpKeyboard(noStore, a)).toBeUndefined();
  });
});
