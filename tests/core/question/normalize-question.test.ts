import { describe, expect, it } from "vitest";
import { normalizeQuestion } from "../../../src/core/question/normalize-question.js";

describe("normalizeQuestion", () => {
  it("converts traditional characters and keeps the text as typed for body names", () => {
    expect(normalizeQuestion("2019年靈丘行政處罰多少")).toMatchObject({ text: "2019年灵丘行政处罚多少", traditional: true });
  });

  it("keeps a place name the converter would change (乾安县 is not 干安县) in the unconverted text", () => {
    const n = normalizeQuestion("2022年乾安县人民政府办公室行政处罚多少");
    expect(n.text).not.toContain("乾安");
    expect(n.unconverted).toBe("2022年乾安县人民政府办公室行政处罚多少");
  });
});
