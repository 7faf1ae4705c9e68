import { describe, expect, it } from "vitest";
import { identify } from "../../src/build/aliases.js";

const names = (body: string) => identify(body).aliases.map((a) => a.alias);

describe("body aliases from the gazetteer", () => {
  it("a county: short form, with its city and province, with 政府", () => {
    const id = identify("灵丘县");
    expect(id.bodyKey).toBe("140224|");
    expect(id.regionPath).toBe("山西省大同市灵丘县");
    expect(names("灵丘县")).toEqual(expect.arrayContaining(["灵丘", "灵丘县政府", "大同灵丘", "山西灵丘", "大同市灵丘县"]));
  });

  it("keeps 县 when one character would be left (盂县)", () => {
    expect(names("盂县")).toContain("盂县");
    expect(names("盂县")).not.toContain("盂");
  });

  it("an office and a department are other bodies than the government", () => {
    expect(identify("灵丘县人民政府办公室").bodyKey).toBe("140224|政府办公室");
    expect(names("灵丘县人民政府办公室")).toContain("灵丘县政府办");
    expect(identify("武汉市生态环境局").bodyKey).toBe("4201|生态环境局");
    expect(names("武汉市生态环境局")).toContain("武汉环保局");
  });

  it("a bare place name reaches a department only at the lowest weight", () => {
    const w = identify("武汉市生态环境局").aliases.find((a) => a.alias === "武汉")?.weight;
    expect(w).toBe(1);
  });

  it("a place named inside the body's name, and a sub-unit by its last part", () => {
    expect(names("国家税务总局灵丘县税务局")).toEqual(expect.arrayContaining(["灵丘县税务局", "灵丘税务局"]));
    expect(names("武汉市生态环境局东湖分局")).toEqual(expect.arrayContaining(["东湖分局", "武汉东湖分局"]));
  });

  it("a name the gazetteer shares between places stays unresolved", () => {
    expect(identify("城区").regionPath).toBeNull();
  });
});

describe("a place name several places share", () => {
  it("still gives short forms of the body's name, under the name's own key", () => {
    const id = identify("青山区生态环境局");
    expect(id.bodyKey).toBe("name:青山区生态环境局");
    expect(id.aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(["青山生态环境局", "青山区环保局", "青山环保局"]));
  });
});

describe("organ short forms and forms without the place", () => {
  it("a county department: place × organ forms, the organ alone and after 县", () => {
    const id = identify("灵丘县发展和改革局");
    expect(id.bodyKey).toBe("140224|发展和改革局");
    expect(names("灵丘县发展和改革局")).toEqual(
      expect.arrayContaining(["灵丘发改局", "灵丘县发改局", "大同灵丘发改局", "县发改局", "发改局"]),
    );
    expect(id.aliases.find((a) => a.alias === "发改局")?.weight).toBe(2);
    expect(id.aliases.find((a) => a.alias === "灵丘发改局")?.weight).toBe(3);
  });

  it("the two-word rule gives the everyday form (社会事业局 → 社事局)", () => {
    expect(names("灵丘县社会事业局")).toEqual(expect.arrayContaining(["灵丘社事局", "县社事局", "社事局"]));
  });

  it("a government has no alias without its place, an office only after a level word", () => {
    expect(names("灵丘县")).not.toContain("政府");
    expect(names("灵丘县人民政府办公室")).toEqual(expect.arrayContaining(["县政府办公室", "县政府办"]));
    expect(names("灵丘县人民政府办公室")).not.toContain("办公室");
  });

  it("公安局 is also 公安, but only after a place", () => {
    expect(names("灵丘县公安局")).toEqual(expect.arrayContaining(["灵丘公安", "灵丘公安局", "公安局", "县公安局"]));
    expect(names("灵丘县公安局")).not.toContain("公安");
  });
});

describe("a development zone on a county's code", () => {
  it("an unnamed zone goes by the place's name with its kind, and by the place's short name below it", () => {
    const id = identify("平潭综合实验区文化和旅游局");
    expect(id.bodyKey).toBe("350128|综合实验区文化和旅游局");
    const w = (a: string) => id.aliases.find((x) => x.alias === a)?.weight;
    expect(w("平潭综合实验区文旅局")).toBe(3);
    expect(w("平潭实验区文旅局")).toBe(3);
    expect(w("平潭文旅局")).toBe(2);
    expect(w("文旅局")).toBe(2);
    expect(w("区文旅局")).toBe(2);
    expect(w("实验区文化和旅游局")).toBe(2);
    expect(w("平潭")).toBe(1);
    // Not the county's own name: 平潭县文旅局 is the county's body.
    expect(w("平潭县文旅局")).toBeUndefined();
  });

  it("a zone with its own name goes by it", () => {
    const id = identify("重庆两江新区管理委员会");
    expect(id.aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(["两江新区管委会", "两江管委会", "新区管委会", "区管委会"]));
  });

  it("a zone's department is not the place's own department", () => {
    expect(identify("灵丘经济技术开发区财政局").bodyKey).not.toBe(identify("灵丘县财政局").bodyKey);
    expect(names("灵丘经济技术开发区财政局")).toEqual(expect.arrayContaining(["灵丘经开区财政局", "灵丘开发区财政局", "开发区财政局"]));
  });
});
