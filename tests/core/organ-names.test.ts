import { describe, expect, it } from "vitest";
import { abbreviate, formsAfterPlace, organAlias, organForms, standsAlone } from "../../src/core/organ-names.js";

describe("abbreviate: organ names of two two-character words", () => {
  it.each([
    ["财政金融局", "财金局"],
    ["社会事业局", "社事局"],
    ["经济发展局", "经发局"],
    ["投资促进局", "投促局"],
    ["国有资产管理局", "国资局"],
    ["交通与建设局", "交建局"],
    ["文化和旅游局", "文旅局"],
    ["城市管理局", "城管局"],
    ["房产管理局", "房管局"],
    ["卫生健康委员会", "卫健委"],
    ["科学技术委员会", "科技委"],
  ])("%s → %s", (organ, short) => {
    expect(abbreviate(organ)).toBe(short);
  });

  it.each([
    ["公安局", "one word"],
    ["住房和城乡建设局", "three words (住城建 is not said)"],
    ["工业和信息化局", "odd stem"],
    ["安全生产监督局", "three words"],
    ["财政金融处", "not a 局 or 委"],
  ])("%s: no abbreviation (%s)", (organ) => {
    expect(abbreviate(organ)).toBeNull();
  });
});

describe("organForms", () => {
  it("lists the forms no rule gives, and then the rule is not applied", () => {
    expect(organForms("市场监督管理局")).toEqual(["市场监督管理局", "市监局", "市场监管局"]);
    expect(organForms("发展和改革局")).toEqual(expect.arrayContaining(["发改局"]));
    expect(organForms("住房和城乡建设局")).toContain("住建局");
    expect(organForms("应急管理局")).toEqual(["应急管理局", "应急局"]);
    expect(organForms("乡村振兴局")).toEqual(["乡村振兴局"]);
  });

  it("uses the rule for names the list lacks, and 委员会 → 委", () => {
    expect(organForms("社会事业局")).toEqual(["社会事业局", "社事局"]);
    expect(organForms("民族事务委员会")).toContain("民族事务委");
    expect(organForms("开发区管理委员会")).toContain("开发区管委会");
  });

  it("keeps a sub-unit's own part", () => {
    expect(organForms("生态环境局东湖分局")).toContain("环保局东湖分局");
  });

  it("names stems that are said only after a place", () => {
    expect(formsAfterPlace("公安局")).toEqual(["公安"]);
    expect(formsAfterPlace("财政局")).toEqual([]);
  });

  it("lets a department be named alone only by a name of three characters or more ending like an organ", () => {
    expect(standsAlone("发改局")).toBe(true);
    expect(standsAlone("发改委")).toBe(true);
    expect(standsAlone("科委")).toBe(false);
    expect(standsAlone("政务服务中心")).toBe(false);
  });
});

describe("organAlias: an alias that names a body without its place", () => {
  it.each([
    ["公安局", "平潭综合实验区公安局", ""],
    ["区公安局", "平潭综合实验区公安局", "区"],
    ["实验区公安局", "平潭综合实验区公安局", "实验区"],
    ["县发改局", "灵丘县发展和改革局", "县"],
    ["发改局", "灵丘县发展和改革局", ""],
    ["市监局", "灵丘县市场监督管理局", ""],
  ])("%s of %s (place word “%s”)", (alias, body, place) => {
    expect(organAlias(alias, body)).toEqual({ place });
  });

  it.each([
    ["平潭公安局", "平潭综合实验区公安局"],
    ["灵丘发改局", "灵丘县发展和改革局"],
    ["灵丘县", "灵丘县"],
    ["灵丘", "灵丘县"],
  ])("%s of %s carries the place", (alias, body) => {
    expect(organAlias(alias, body)).toBeNull();
  });
});
