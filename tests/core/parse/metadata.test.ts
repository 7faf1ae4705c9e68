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

describe("metadata on real page furniture", () => {
  it("drops a breadcrumb or a field name before the title", () => {
    expect(findTitle(["当前位置：首页 > 政务公开 > 青山区2021年政府信息公开工作年度报告"])).toMatchObject({
      title: "青山区2021年政府信息公开工作年度报告",
      body: "青山区",
    });
    expect(findTitle(["标题：灵丘县2019年政府信息公开工作年度报告"])).toMatchObject({ body: "灵丘县", year: 2019 });
  });

  it("takes the date under the title, even far down a page", () => {
    const nav = Array.from({ length: 60 }, (_, i) => `栏目${i}`);
    const lines = [...nav, "青山区2021年政府信息公开工作年度报告", "发布时间：2022-01-18 09:30 来源：区政府办"];
    expect(findPublished(lines, 2021, 60)).toBe("2022-01-18");
  });

  it("takes the signature after section 六, not a date in the page footer", () => {
    const lines = ["六、其他需要报告的事项", "无。", "青山区生态环境局", "2022年1月20日", "网站地图", "更新时间：2024年3月1日"];
    expect(findPublished(lines, 2021)).toBe("2022-01-20");
  });
});

describe("title wordings", () => {
  it.each([
    ["青山区生态环境局2021年度政府信息公开工作情况的报告", "青山区生态环境局", 2021],
    ["灵丘县2019年政府信息公开工作年报", "灵丘县", 2019],
    ["青山区生态环境局政府信息公开工作年度报告（2022年度）", "青山区生态环境局", 2022],
    ["关于青山区人民政府2023年政府信息公开工作年度报告", "青山区人民政府", 2023],
  ])("%s", (line, body, year) => {
    expect(findTitle([line])).toMatchObject({ body, year });
  });
});

describe("body names in titles worded with 关于", () => {
  it("drops 关于 before the year as well as at the start", () => {
    expect(findTitle(["灵丘县教育局关于2021年政府信息公开工作年度报告"])?.body).toBe("灵丘县教育局");
    expect(findTitle(["关于灵丘县2022年政府信息公开工作年度报告的公告"])?.body).toBe("灵丘县");
  });
});
