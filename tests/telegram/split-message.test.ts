import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_MESSAGE, splitRich, splitText } from "../../src/telegram/split-message.js";

const noSpace = (s: string) => s.replace(/[\n\r\t ]/g, "");
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

describe("splitText", () => {
  it("keeps a short message whole", () => {
    expect(splitText("灵丘县2019年：1249 项")).toEqual(["灵丘县2019年：1249 项"]);
  });

  it("cuts at paragraph boundaries when the paragraphs fit", () => {
    const para = (ch: string) => ch.repeat(3000);
    const parts = splitText(`${para("甲")}\n\n${para("乙")}\n\n${para("丙")}`);
    expect(parts).toEqual([para("甲"), para("乙"), para("丙")]);
  });

  it("falls back to line breaks, then to a hard cut that never splits a surrogate pair", () => {
    const lines = `${"行".repeat(3000)}\n${"列".repeat(3000)}`;
    expect(splitText(lines).map((p) => p.length)).toEqual([3000, 3000]);
    const emoji = "😀".repeat(3000); // 6000 UTF-16 units, no break anywhere
    const parts = splitText(emoji);
    expect(parts.map((p) => p.length)).toEqual([4096, 1904]);
    expect(parts.join("")).toBe(emoji);
    const odd = `a${emoji}`; // pairs now straddle the 4096 boundary
    const oddParts = splitText(odd);
    expect(oddParts[0]?.length).toBe(4095);
    expect(oddParts.join("")).toBe(odd);
  });

  it("drops whitespace-only parts", () => {
    expect(splitText("\n\n  \n")).toEqual([]);
  });

  it("clips and re-bases entities to their part", () => {
    const text = `${"一".repeat(10)}\n\n${"二".repeat(10)}`;
    const parts = splitRich({ text, entities: [{ type: "bold", offset: 5, length: 12 }] }, 12);
    expect(parts).toEqual([
      { text: "一".repeat(10), entities: [{ type: "bold", offset: 5, length: 5 }] },
      { text: "二".repeat(10), entities: [{ type: "bold", offset: 0, length: 5 }] },
    ]);
  });
});

describe("splitText properties", () => {
  const pieces = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("\n", "\n\n", " ", "😀", "𠮷")), {
    maxLength: 300,
  });
  const limits = fc.integer({ min: 2, max: 200 });

  it("every part is within the limit, no surrogate pair is split, and no visible character is lost", () => {
    fc.assert(
      fc.property(pieces, limits, (ps, limit) => {
        const text = ps.join("");
        const parts = splitText(text, limit);
        for (const p of parts) {
          expect(p.length).toBeGreaterThan(0);
          expect(p.length).toBeLessThanOrEqual(limit);
          expect(isLow(p.charCodeAt(0))).toBe(false);
          expect(isHigh(p.charCodeAt(p.length - 1))).toBe(false);
        }
        expect(noSpace(parts.join(""))).toBe(noSpace(text));
      }),
    );
  });

  it("when every paragraph fits, each part is whole paragraphs", () => {
    const para = fc.string({ unit: "grapheme", minLength: 1, maxLength: 50 }).map((s) => s.replace(/\s/g, "字"));
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 60 }), fc.integer({ min: 50, max: 300 }), (paras, limit) => {
        const parts = splitText(paras.join("\n\n"), limit);
        expect(parts.flatMap((p) => p.split("\n\n"))).toEqual(paras);
      }),
    );
  });

  it("uses Telegram's limit by default", () => {
    expect(MAX_MESSAGE).toBe(4096);
  });
});
