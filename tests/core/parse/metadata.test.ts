import { describe, expect, it } from "vitest";
import { findPublished, findStatYear, findTitle } from "../../../src/core/parse/metadata.js";
import { parseFixture } from "../../helpers/forms.js";

describe("a report without a metadata header", () => {
  const r = parseFixture("cells-2021-no-header-misnumbered.txt");

  it("takes the body from a title without a year, the year from the 统计期限 sentence, the date from the signature", () => {
    expect(r.meta).toMatchObject({
      title: "青山区生态环境局政府信息公开工作年度报告",
      body: "青山区生态环境局",
      year: 2021,
      published: "2022-01-20",
    });
    expect(r.template).toBe("2021");
    expect(r.cells).toHaveLength(200);
  });
});

describe("metadata from the text", () => {
  it("reads a title with the year before or after the body", () => {
    expect(findTitle(["2021年青山区生态环境局政府信息公开工作年度报告"])).toMatchObject({ body: "青山区生态环境局", year: 2021 });
    expect(findTitle(["灵丘县2019年度政府信息公开工作年度报告"])).toMatchObject({ body: "灵丘县", year: 2019 });
  });

  it("reads a title broken after the body name", () => {
    expect(findTitle(["", "武汉市生态环境局东湖分局", "2023年政府信息公开工作年度报告"])).toEqual({
      title: "武汉市生态环境局东湖分局2023年政府信息公开工作年度报告",
      body: "武汉市生态环境局东湖分局",
      year: 2023,
    });
    expect(findTitle(["首页 > 信息公开", "2023年政府信息公开工作年度报告"])).toBeNull();
  });

  it("reads the statistics period in its usual wordings", () => {
    expect(findStatYear(["本年度报告中所列数据统计期限为2021年1月1日至12月31日。"])).toBe(2021);
    expect(findStatYear(["本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"])).toBe(2022);
    expect(findStatYear(["本报告所列数据统计时限为：2020年1月1日-2020年12月31日"])).toBe(2020);
    expect(findStatYear(["本报告统计期限为2021年度。"])).toBe(2021);
  });

  it("takes the signature date, in Arabic or Chinese numerals, as the publication date", () => {
    expect(findPublished(["正文", "青山区生态环境局", "2022年1月20日"], 2021)).toBe("2022-01-20");
    expect(findPublished(["正文", "青山区生态环境局", "二〇二二年一月二十日"], 2021)).toBe("2022-01-20");
    expect(findPublished(["正文", "2021年12月31日"], 2021)).toBeNull();
  });
});
