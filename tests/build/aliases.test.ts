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
