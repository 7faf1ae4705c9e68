import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { openIndex, type SqliteIndex, sqliteUpdateLog } from "../../src/adapters/sqlite-store.js";
import { storeContract, updateLogContract } from "../contract/store.case.js";
import { indexFor, SEED_CORPUS } from "../helpers/seed-index.js";

let index: SqliteIndex;
beforeAll(async () => {
  index = openIndex(await indexFor(SEED_CORPUS), { readonly: true });
});
afterAll(() => index.close());

storeContract("better-sqlite3", () => index.store);
updateLogContract("better-sqlite3", () => sqliteUpdateLog(new Database(":memory:")));
