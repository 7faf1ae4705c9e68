import { describe, expect, it } from "vitest";
import { colList, withAliasHead } from "../../src/core/queries.js";
import { aliasCandidates } from "../../src/core/question/find-body.js";

describe("withAliasHead", () => {
  it("keeps the substrings that start like an alias and are no longer than the longest such alias", () => {
    const heads = new Map([
      ["灵丘", 6], // the longest alias starting 灵丘 has six characters
      ["行政", 4],
    ]);
    const kept = withAliasHead(aliasCandidates("2019年灵丘县人民政府行政处罚多少"), heads);
    expect(kept).toEqual(["灵丘", "灵丘县", "灵丘县人", "灵丘县人民", "灵丘县人民政", "行政", "行政处", "行政处罚"]);
  });
  it("filters nothing without heads (an empty table)", () => {
    expect(withAliasHead(["甲乙", "丙丁"], new Map())).toEqual(["甲乙", "丙丁"]);
    expect(withAliasHead(["甲乙"], null)).toEqual(["甲乙"]);
  });
});

describe("colList", () => {
  it("wraps column ids in commas for instr()", () => {
    expect(colList(["tot", "np"])).toBe(",tot,np,");
  });
});
