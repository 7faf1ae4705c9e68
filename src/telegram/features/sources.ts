/** /sources: the reports the index holds (body, year, publication date, title). */

import { Composer, type Context } from "grammy";
import type { Store } from "../../core/ports.js";
import { rich } from "../rich-text.js";
import { sendRich } from "../send-rich.js";

const SHOWN = 200;

export function sources(store: Store): Composer<Context> {
  const c = new Composer<Context>();
  c.command("sources", async (ctx) => {
    const total = await store.countReports();
    const reports = await store.listReports(SHOWN);
    const b = rich().bold(`本库收录 ${total} 份报告`);
    for (const r of reports) {
      b.text(`\n· ${r.body} ${r.year ?? "年份不详"}年 · ${r.published ? `${r.published}发布` : "发布日期不详"} · 《${r.title}》`);
    }
    if (total > reports.length) b.text(`\n……另有 ${total - reports.length} 份未列出。`);
    await sendRich(ctx, b.done());
  });
  return c;
}
