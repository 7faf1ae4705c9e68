/**
 * answerFromProse reads a report's prose in steps, each only when needed: the vocabulary, then
 * the passages, then (only when candidate sentences stand in several passages) the MiniSearch
 * index that ranks them.
 */

import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { answerFromProse, type ProseSource } from "../../../src/core/answer/from-prose.js";
import type { Passage } from "../../../src/core/model.js";
import { type PassageDoc, processTerm, SEARCH_OPTIONS } from "../../../src/core/search-options.js";

/** A report's prose source from passages already segmented (words separated by spaces), counting what was read. */
function source(segmented: { section: string; seg: string }[]) {
  const passages: Passage[] = segmented.map((p, i) => ({ section: p.section, text: p.seg.replace(/ /g, ""), line: 10 + i }));
  const docs: PassageDoc[] = segmented.map((p, i) => ({
    id: i,
    seg: p.seg,
    section: p.section,
    line: 10 + i,
    text: passages[i]?.text ?? "",
  }));
  const ms = new MiniSearch<PassageDoc>(SEARCH_OPTIONS);
  ms.addAll(docs);
  const vocab = [...new Set(segmented.flatMap((p) => p.seg.split(" ").map(processTerm)).filter((t): t is string => t !== null))];
  const reads = { vocab: 0, passages: 0, index: 0 };
  const src: ProseSource = {
    vocab: () => {
      reads.vocab++;
      return vocab;
    },
    passages: () => {
      reads.passages++;
      return passages;
    },
    index: () => {
      reads.index++;
      return JSON.stringify(ms);
    },
  };
  return { src, reads, ms };
}

describe("answerFromProse", () => {
  it("answers from the one passage that holds the question's words without loading the index", async () => {
    const { src, reads } = source([
      { section: "一", seg: "全年 通过 政府 网站 主动 公开 政府 信息 9861 条 。" },
      { section: "二", seg: "全年 举办 新闻 发布会 12 场 ， 接听 热线 电话 300 次 。" },
    ]);
    const r = await answerFromProse("举办新闻发布会多少场", src);
    expect(r).toEqual({
      kind: "hit",
      hit: { raw: "12", value: 12, unit: "场", quote: "全年举办新闻发布会12场，接听热线电话300次。", section: "二", line: 11 },
    });
    expect(reads).toEqual({ vocab: 1, passages: 1, index: 0 });
  });

  it("ranks candidate sentences from several passages by the MiniSearch index", async () => {
    // Both sentences hold 新闻发布会 right before their number, so only the passages' scores decide.
    const { src, reads, ms } = source([
      { section: "一", seg: "筹备 期间 ， 配合 上级 新闻 发布会 4 场 ， 另 有 协调会 、 座谈会 、 培训会 多次 ， 工作 量 较 大 。" },
      { section: "二", seg: "全年 举办 新闻 发布会 12 场 。" },
    ]);
    const top = ms.search("新闻 发布会")[0];
    expect(top?.id).toBe(1);
    const r = await answerFromProse("新闻发布会多少场", src);
    expect(r.kind === "hit" && r.hit).toMatchObject({ raw: "12", section: "二", line: 11 });
    expect(reads).toEqual({ vocab: 1, passages: 1, index: 1 });
  });

  it("declines, without the search index, when the report never uses the question's words, and names them", async () => {
    const { src, reads } = source([{ section: "一", seg: "全年 举办 新闻 发布会 12 场 。" }]);
    const r = await answerFromProse("召开听证会多少场", src);
    expect(r).toEqual({ kind: "miss", missing: ["召开听证会"] });
    // Words the vocabulary lacks are looked for as typed in the passages (jieba may have cut them otherwise).
    expect(reads).toEqual({ vocab: 1, passages: 1, index: 0 });
  });

  it("finds words the vocabulary cut otherwise as typed, and the figure of the noun it counts", async () => {
    const { src } = source([{ section: "一", seg: "完成 对接 不动产 等 16 个 部门 25 个 业务系统 。" }]);
    const r = await answerFromProse("对接了几个部门", src);
    expect(r).toMatchObject({ kind: "hit", hit: { value: 16, unit: "个" } });
  });

  it("declines when no one sentence holds every content word, never joining two sentences", async () => {
    const { src, reads } = source([{ section: "一", seg: "全年 举办 新闻 发布会 。 接听 热线 电话 300 次 。" }]);
    expect(await answerFromProse("新闻发布会热线电话多少次", src)).toEqual({ kind: "miss", missing: [] });
    expect(reads.index).toBe(0);
  });
});
