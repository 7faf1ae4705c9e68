/**
 * Body, year, title and publication date of a report, from a metadata sidecar when there is
 * one, else from the text: the title line, the 统计期限 sentence, the 发布日期 fields and the
 * signature date (report-format.md §8.4).
 */

import type { ReportMeta } from "../model.js";
import { nfkc } from "../text/normalize.js";
import { chineseYear } from "../text/numerals.js";

const TITLE = /^(.*?)\s*((?:19|20)\d{2})\s*年度?\s*(.*?)\s*政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/;
const STAT_PERIOD =
  /统计(?:期限|时限|时段|时间段|期间|区间)?(?:为|是|自|从)?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|-|—)\s*(?:\1\s*年\s*)?12\s*月\s*31\s*日/;
const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;

function cleanBody(s: string): string {
  return nfkc(s)
    .replace(/^[\s《“"【[(（]*(关于)?/, "")
    .replace(/[\s》”"】\])）:：,，]+$/, "")
    .replace(/\s+/g, "")
    .replace(/(的)$/, "");
}

/** The title line: "灵丘县2019年政府信息公开工作年度报告" or "2019年灵丘县政府信息公开工作年度报告". */
export function findTitle(lines: string[]): { title: string; body: string; year: number } | null {
  for (const raw of lines.slice(0, 80)) {
    const line = chineseYear(nfkc(raw)).replace(/^[#*\s|]+|[*\s|]+$/g, "");
    const cells = line.split("|").map((c) => c.trim());
    for (const cell of cells) {
      if (cell.length > 80) continue;
      const m = TITLE.exec(cell);
      if (!m) continue;
      const body = cleanBody(m[1] || m[3] || "");
      if (!body) continue;
      return { title: cell.replace(/^[:：\s]+/, "").trim(), body, year: Number(m[2]) };
    }
  }
  return null;
}

function iso(m: RegExpExecArray): string {
  return `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}`;
}

/** A publication date printed in the page header ("发布日期: 2020-02-19") or at the signature. */
export function findPublished(lines: string[], year: number | null): string | null {
  for (const raw of lines.slice(0, 30)) {
    const line = nfkc(raw);
    const at = line.search(/发布(日期|时间)|成文日期|发文日期|日期[:：]/);
    if (at < 0) continue;
    const m = DATE.exec(line.slice(at));
    if (m) return iso(m);
  }
  for (const raw of lines.slice(-12).reverse()) {
    const line = chineseYear(nfkc(raw)).trim();
    if (line.length > 30) continue;
    const m = DATE.exec(line);
    if (m && (year === null || Number(m[1]) > year)) return iso(m);
  }
  return null;
}

/** Reporting year from the statistics-period sentence. */
export function findStatYear(lines: string[]): number | null {
  for (const raw of lines) {
    if (!raw.includes("统计")) continue;
    const m = STAT_PERIOD.exec(nfkc(raw));
    if (m) return Number(m[1]);
  }
  return null;
}

export function readMeta(lines: string[], sidecar: Partial<ReportMeta>, file: string): ReportMeta {
  const t = findTitle(sidecar.title ? [sidecar.title, ...lines] : lines);
  let year = sidecar.year ?? t?.year ?? findStatYear(lines);
  const published = sidecar.published ?? findPublished(lines, year ?? null);
  if (year == null && published) year = Number(published.slice(0, 4)) - 1;
  return {
    title: sidecar.title ?? t?.title ?? file,
    body: sidecar.body ?? t?.body ?? "",
    year: year ?? null,
    published: published ?? null,
    url: sidecar.url ?? lines.map((l) => /https?:\/\/[^\s|"'<>，。]+/.exec(l)?.[0]).find(Boolean) ?? null,
    publisher: sidecar.publisher ?? null,
  };
}
