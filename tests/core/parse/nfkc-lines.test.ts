import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldDigits, labelKey, labelKeyOfNormalized, nfkc, nfkcAll } from "../../../src/core/text/normalize.js";

// The parser normalises every line once (nfkcAll) and skips normalising a line again where that
// would change nothing: that must hold for every line it calls stable.
const PIECES = [
  "a",
  "e",
  "\u0301",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u00ad",
  "\u00a0",
  "\u3000",
  "（",
  "１",
  "規",
  "规",
  "㈠",
  "ｶ",
  "\u309a",
  "ﾞ",
  "가",
  "\u1161",
  "\u11a8",
  " ",
  "|",
];

describe("nfkcAll", () => {
  it("property: each line's text is its nfkc, and a line called stable is its own nfkc", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join("")),
          { maxLength: 5 },
        ),
        (lines) => {
          const { text, stable } = nfkcAll(lines);
          expect(text).toEqual(lines.map(nfkc));
          text.forEach((t, i) => {
            if (stable[i]) expect(nfkc(t)).toBe(t);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("calls a line unstable when removing a zero-width character lets NFKC compose", () => {
    const { text, stable } = nfkcAll(["e\u200d\u0301", "规章"]);
    expect(stable).toEqual([false, true]);
    expect(nfkc(text[0] as string)).toBe("é");
  });
});

describe("foldDigits", () => {
  it("property: folds exactly the full-width figures and signs, comma included, and nothing else", () => {
    const FULL = "０１２３４５６７８９＋－．，";
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FULL, "a", "1", ",", "、", "。", "规", "－－", "，，"), { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        const want = [...s].map((ch) => (FULL.includes(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch)).join("");
        expect(foldDigits(s)).toBe(want);
      }),
    );
  });
});

describe("labelKeyOfNormalized", () => {
  it("removes from normalised text exactly what labelKey removes", () => {
    for (let cp = 0; cp < 0x10000; cp++) {
      const s = `a${String.fromCharCode(cp)}b`;
      if (s.normalize("NFKC") !== s) continue;
      expect(labelKeyOfNormalized(s)).toBe(labelKey(s));
    }
  });
});
