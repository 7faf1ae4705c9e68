import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { d1Store, d1UpdateLog } from "../../src/adapters/d1-store.js";
import { storeContract, updateLogContract } from "../contract/store.case.js";

storeContract("D1", () => d1Store(env.DB));
updateLogContract("D1", async () => {
  await env.DB.exec("DELETE FROM seen_updates");
  return d1UpdateLog(env.DB);
});

describe("D1 update log across isolates", () => {
  it("two isolates (two logs on one database) let a redelivered update through once", async () => {
    await env.DB.exec("DELETE FROM seen_updates");
    const a = d1UpdateLog(env.DB);
    const b = d1UpdateLog(env.DB);
    const seen = await Promise.all([a.firstSeen(900_001, Date.now()), b.firstSeen(900_001, Date.now())]);
    expect(seen.sort()).toEqual([false, true]);
    const row = await env.DB.prepare("SELECT update_id FROM seen_updates").all();
    expect(row.results).toEqual([{ update_id: 900_001 }]);
  });
});
