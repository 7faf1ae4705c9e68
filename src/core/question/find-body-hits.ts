/** Resolving the bodies a question names against the store (see find-body.ts for the matching). */

import { organAlias } from "../organ-names.js";
import type { ReportRow, Store } from "../ports.js";
import { aliasCandidates, type BodyPick, chooseBodies, placeOrgans } from "./find-body.js";

/** An organ named right after a place: a department, a township, an office. */
const ORGAN_AFTER =
  /^办(?![理结法事件])|^(?:人民)?(?:政府)?[\u4e00-\u9fff]{0,10}?(?:局|委员会|委|厅|办公室|政府办|街道办事处|街道|管委会|管理委员会|分局|中心|镇人民政府|乡人民政府)(?![\u4e00-\u9fff]{0,2}(?:申请|公开|处罚|许可))/;

export type BodiesFound =
  | { kind: "ok"; bodies: BodyPick[]; notes: string[] }
  | { kind: "none"; lines: string[] }
  | { kind: "ambiguous"; lines: string[] };

function describe(rows: ReportRow[]): string {
  const by = new Map<string, { body: string; path: string | null; years: Set<number> }>();
  for (const r of rows) {
    const e = by.get(r.bodyKey) ?? { body: r.body, path: r.regionPath, years: new Set<number>() };
    if (r.year !== null) e.years.add(r.year);
    by.set(r.bodyKey, e);
  }
  return [...by.values()]
    .slice(0, 8)
    .map((e) => `${e.body}（${[...e.years].sort().join("、")}）`)
    .join("、");
}

/**
 * The bodies a question names. `years` (the years it asks about) settle an organ named without its
 * place that several bodies share (公安局): when exactly one of them has a report for those years.
 */
export async function findBodies(store: Store, text: string, years: readonly number[] = []): Promise<BodiesFound> {
  // Aliases name bodies, not reports: only the bodies a question names are read, however many
  // reports the corpus holds (their years are read later, one body at a time).
  const hits = await store.findAliases(aliasCandidates(text));
  const placed = placeOrgans(text, hits, chooseBodies(text, hits));
  if (placed.kind === "other-place") {
    const some = await store.listReports(50);
    const held = [...new Set(placed.picks.map((p) => p.body))].join("、");
    return {
      kind: "none",
      lines: [`本库未收录“${placed.named}”的报告（本库有${held}的报告，但地方不同）。本库收录的有：${describe(some)}。`],
    };
  }
  // A place several bodies share, said again beside a body already named ("公安局…“某某警方在线”"):
  // it names that body again, not another one; and a body named twice is one body.
  const named = new Set(placed.groups.filter((g) => g.length === 1).map((g) => g[0]?.bodyKey));
  const seen = new Set<string>();
  const groups = placed.groups.filter((g) => {
    if (g.length > 1) return !g.some((p) => named.has(p.bodyKey));
    const key = g[0]?.bodyKey ?? "";
    return !seen.has(key) && Boolean(seen.add(key));
  });
  const notes: string[] = [];
  // An organ named without its place (公安局) that several bodies share: the year may settle it.
  for (const [i, g] of groups.entries()) {
    if (g.length < 2 || years.length === 0 || g.some((p) => organAlias(p.alias, p.body) === null)) continue;
    const inYear: BodyPick[] = [];
    for (const p of g) if ((await store.reportsOfBody(p.bodyKey)).some((r) => r.year !== null && years.includes(r.year))) inYear.push(p);
    const only = inYear[0];
    if (inYear.length === 1 && only) {
      groups[i] = [only];
      notes.push(`“${only.alias}”按${only.body}理解：本库${years.join("、")}年的报告中只有它叫“${only.alias}”`);
    }
  }
  // Places the gazetteer knows but the corpus has no report of (body key ""): say so.
  const known = hits.filter((h) => h.bodyKey === "" && !groups.some((g) => g.some((p) => p.alias.includes(h.alias))));
  if (known.length > 0 && groups.length === 0) {
    const name = [...known].sort((a, b) => b.alias.length - a.alias.length)[0]?.note ?? known[0]?.alias;
    const some = await store.listReports(50);
    return { kind: "none", lines: [`本库未收录${name}的报告。本库收录的有：${describe(some)}。`] };
  }
  if (groups.length === 0) {
    const some = await store.listReports(50);
    const total = await store.countReports();
    return {
      kind: "none",
      lines: [
        total === 0
          ? "索引中还没有任何报告。"
          : `请在问题中指明机关或地区（例如“灵丘县”）。本库收录的有：${describe(some)}${total > some.length ? "等" : ""}（共${total}份报告）。`,
      ],
    };
  }
  const amb = groups.find((g) => g.length > 1);
  if (amb) {
    const rows: ReportRow[] = [];
    for (const p of amb) rows.push(...(await store.reportsOfBody(p.bodyKey)));
    return { kind: "ambiguous", lines: [`“${amb[0]?.alias}”可能指：${describe(rows)}。请说明是哪一个，例如加上所属的市或省。`] };
  }
  const bodies = groups.map((g) => g[0] as BodyPick);
  // "灵丘县教育局" when only 灵丘县's own report is indexed: another body, not in the corpus.
  for (const b of bodies) {
    const end = b.at + b.alias.length;
    const organ = ORGAN_AFTER.exec(text.slice(end))?.[0];
    // "文旅局和公安局": the organ after it is another body the question names.
    if (organ && !bodies.some((o) => o !== b && o.at >= end && o.at < end + organ.length)) {
      const some = await store.listReports(50);
      return {
        kind: "none",
        lines: [`本库未收录“${b.alias}${organ}”的报告（本库有${b.body}的报告，但那是另一个机关）。本库收录的有：${describe(some)}。`],
      };
    }
  }
  notes.push(...bodies.filter((b) => b.note).map((b) => b.note as string));
  return { kind: "ok", bodies, notes };
}
