/**
 * The follow-up buttons on the multi-year corpus: "历年" and "同级排名" after a single-figure answer,
 * none of them after a series or a ranking; a series' reply carries its text chart, in bold where
 * its figures stand. Expectations come from the engine's single answers and the index.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteIndex } from "../../src/adapters/sqlite-store.js";
import type { Engine } from "../../src/core/answer/answer-question.js";
import { figureText } from "../../src/core/answer/render-text.js";
import { answerMessage } from "../../src/telegram/answer-message.js";
import { decodeFollowUp } from "../../src/telegram/follow-up-data.js";
import { followUpKeyboard } from "../../src/telegram/follow-up-keyboard.js";
import { followUpReply } from "../../src/telegram/follow-up-replies.js";
import { engineFor, FULL_CORPUS } from "../helpers/seed-index.js";

let full: { engine: Engine; index: SqliteIndex };
beforeAll(async () => {
  full = await engineFor(FULL_CORPUS);
});
afterAll(() => full.index.close());

const buttons = (kb: Awaited<ReturnType<typeof followUpKeyboard>>) =>
  (kb?.inline_keyboard.flat() ?? []).map((b) => ({ text: b.text, data: "callback_data" in b ? (b.callback_data as string) : "" }));

describe("历年 and 同级排名 buttons", () => {
  it("follow a single-figure answer, and answer with the other years and the same year's peers", async () => {
    const a = await full.engine.ask("平潭公安局2022年收到申请");
    const bs = buttons(await followUpKeyboard(full.index.store, a));
    expect(bs.map((b) => b.text)).toEqual(["原文", "整行", "历年", "同级排名"]);
    const years = await followUpReply(
      full.index.store,
      decodeFollowUp(bs[2]?.data ?? "") as NonNullable<ReturnType<typeof decodeFollowUp>>,
    );
    const series = await full.engine.ask("平潭公安局历年收到申请");
    for (const f of series.facts) expect(years?.text).toContain(`${f.year}年：${figureText(f)}`);
    expect(years?.text).toMatch(/走势（[\d→]+）：[▁▂▃▄▅▆▇█·]+$/);

    const peers = await followUpReply(
      full.index.store,
      decodeFollowUp(bs[3]?.data ?? "") as NonNullable<ReturnType<typeof decodeFollowUp>>,
    );
    const rank = await full.engine.ask("平潭各部门2022年收到申请排名");
    const order = rank.facts.map((f) => f.body);
    expect(order.length).toBeGreaterThan(1);
    const lines = (peers?.text ?? "").split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines.map((l) => l.replace(/^\d+\. /, "").split("：")[0])).toEqual(order);
    for (const [i, f] of rank.facts.entries()) expect(lines[i]).toContain(`：${figureText(f)}`);
  });

  it("are not offered after a series or a ranking; the series' reply leads with its figures and chart", async () => {
    const a = await full.engine.ask("平潭公安局历年收到申请");
    expect(buttons(await followUpKeyboard(full.index.store, a)).map((b) => b.text)).toEqual(["原文", "整行"]);
    const msg = answerMessage(a);
    expect(msg.text.split("\n")[1]).toMatch(/^走势/);
    const bold = msg.entities.map((e) => msg.text.slice(e.offset, e.offset + e.length));
    expect(bold).toEqual(a.facts.map((f) => expect.stringContaining(`${f.year}年`)));
    // A reply that does not hold the facts' text (a face's own) gets no bold at all.
    expect(answerMessage({ ...a, reply: "另写的回复" }).entities).toEqual([]);
    const r = await full.engine.ask("平潭各部门2023年收到申请排名");
    expect(buttons(await followUpKeyboard(full.index.store, r)).map((b) => b.text)).toEqual(["原文", "整行"]);
  });
});
