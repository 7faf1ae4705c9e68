import fc from "fast-check";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { FOLLOWS_SEARCH_OPTIONS, indexedTokens, searchJson } from "../../src/build/search-json.js";
import { type PassageDoc, processTerm, SEARCH_OPTIONS } from "../../src/core/search-options.js";

const WORDS = [
  ...[
    "政府",
    "信息",
    "公开",
    "政府信息",
    "政",
    "府",
    "的",
    "年",
    "多少",
    "，",
    "。",
    "、",
    "A",
    "a",
    "Ab",
    "ab",
    "12",
    "1",
    "123",
    "12.5",
    "%",
  ],
  ...["", " ", "\t", "\u3000", "行政复议", "行政", "复议", "行", "政府信息公开", "信息公开", "公", "公开", "abc", "abd", "b", "ba", "bab"],
  ...["𠀀", "𠀁", "x𠀀"],
];
const DOC = fc.record({
  seg: fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((ws) => ws.join(" ")),
  section: fc.constantFrom("前言", "一", "二", "六"),
  line: fc.nat(400),
  text: fc.string({ maxLength: 20 }),
});

/** What the index build stored before: MiniSearch itself, serialised. */
function viaMiniSearch(docs: PassageDoc[]): string {
  const ms = new MiniSearch<PassageDoc>(SEARCH_OPTIONS);
  ms.addAll(docs);
  return JSON.stringify(ms);
}

describe("searchJson", () => {
  it("follows the current SEARCH_OPTIONS", () => {
    expect(FOLLOWS_SEARCH_OPTIONS).toBe(true);
  });

  it("property: writes exactly what MiniSearch serialises, and MiniSearch loads it back", () => {
    fc.assert(
      fc.property(fc.array(DOC, { maxLength: 12 }), (raw) => {
        const docs: PassageDoc[] = raw.map((d, id) => ({ id, ...d }));
        const { json } = searchJson(docs, processTerm);
        expect(json).toBe(viaMiniSearch(docs));
        // Loading rebuilds the tree in the stored order, which its own JSON then lists differently: compare the terms as a set.
        const byTerm = (j: { index: [string, unknown][] }) => ({ ...j, index: [...j.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) });
        expect(byTerm(JSON.parse(JSON.stringify(MiniSearch.loadJSON(json, SEARCH_OPTIONS))))).toEqual(byTerm(JSON.parse(json)));
      }),
      { numRuns: 1000 },
    );
  });

  it("property: lists terms in the order of MiniSearch's tree, however they share prefixes", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab政府行]{1,5}$/), { maxLength: 40 }), (words) => {
        const docs: PassageDoc[] = [{ id: 0, seg: words.join(" "), section: "一", line: 1, text: "" }];
        expect(searchJson(docs, processTerm).json).toBe(viaMiniSearch(docs));
      }),
      { numRuns: 1000 },
    );
  });

  it("writes an empty index as MiniSearch does", () => {
    expect(searchJson([], processTerm).json).toBe(viaMiniSearch([]));
  });

  it("property: indexedTokens gives what the index's tokenizer reads back from seg, and the vocabulary's terms", () => {
    const TOKEN = fc.constantFrom(...WORDS, "a b", " x", "y\t", "\u3000", "  ", "\t");
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(TOKEN, { maxLength: 15 }), (tokens) => {
        const stream = indexedTokens(tokens);
        if (!stream) return;
        accepted++;
        const seg = tokens.join(" ");
        expect(SEARCH_OPTIONS.tokenize?.(seg, "seg")).toEqual(stream);
        const terms = (xs: string[]) => xs.map((x) => processTerm(x)).filter((x) => x !== null);
        expect(terms(seg.split(" "))).toEqual(terms(stream));
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
    expect([[], [""], [" ", "a"], ["a", "\t"], ["a b"], ["a", "x y", "b"]].map(indexedTokens)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(indexedTokens(["a", " ", "\u3000", "", "b"])).toEqual(["a", "b"]);
  });

  it("property: given those token streams, writes the same JSON, and its terms are the vocabulary in first-use order", () => {
    const TOKEN = fc.constantFrom(...WORDS, "a b", " x");
    fc.assert(
      fc.property(fc.array(fc.array(TOKEN, { maxLength: 15 }), { maxLength: 8 }), (passages) => {
        const docs: PassageDoc[] = passages.map((tokens, id) => ({ id, seg: tokens.join(" "), section: "一", line: id, text: "" }));
        const streams = passages.map(indexedTokens);
        const r = searchJson(docs, processTerm, streams);
        expect(r.json).toBe(viaMiniSearch(docs));
        if (streams.some((x) => x === null)) return;
        const vocab = new Set<string>();
        for (const d of docs)
          for (const t of d.seg.split(" ")) {
            const p = processTerm(t);
            if (p) vocab.add(p);
          }
        expect(r.terms).toEqual([...vocab]);
      }),
      { numRuns: 2000 },
    );
  });
});
