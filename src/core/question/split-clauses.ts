/**
 * A question that asks for several figures ("新制发几件？现行有效几件？", "制发几件、废止几件、
 * 现行有效几件", "收到几件申请，其中予以公开几件") → one clause per figure, in the asked order.
 * Pure text work: the body and year were read from the whole question before.
 */

/** What makes a piece of text ask for a figure. */
const ASKS_FIGURE = /多少|几|是多少|占比|比例|比重|多大|哪些/;
/** A yes/no question ("收取信息处理费了吗？") is context for the figure asked after it. */
const YES_NO = /(?:吗|么|是否|有没有|没有)[\s?？]*$/;

/** Split at sentence ends, then at commas and 、 where the pieces on both sides each ask for a figure. */
export function splitClauses(text: string): string[] {
  const sentences = text.split(/[?？;；。!！]+/).filter((s) => s.trim() !== "");
  const out: string[] = [];
  let pending = ""; // a yes/no question or a piece that asks for nothing yet: joined to what follows
  for (const sentence of sentences) {
    const parts = sentence.split(/(?<=[,，、])/);
    let cur = pending;
    pending = "";
    for (const part of parts) {
      const bare = part.replace(/[,，、]$/, "");
      if (ASKS_FIGURE.test(cur) && ASKS_FIGURE.test(bare)) {
        out.push(cur.replace(/[,，、]$/, ""));
        cur = part;
      } else cur += part;
    }
    cur = cur.replace(/[,，、]$/, "");
    if (!ASKS_FIGURE.test(cur) || (YES_NO.test(cur) && !/多少|几/.test(cur))) pending = cur;
    else out.push(cur);
  }
  if (pending.trim() !== "") {
    if (out.length > 0) out[out.length - 1] += pending;
    else out.push(pending);
  }
  return out.length > 0 ? out : [text];
}
