/**
 * Body, year, title and publication date of a report, from a metadata sidecar when there is
 * one, else from the text: the title line, the 统计期限 sentence, the 发布日期 fields and the
 * signature date (report-format.md §8.4).
 */

import type { ReportMeta } from "../model.js";
import { organForms } from "../organ-names.js";
import { nfkc } from "../text/normalize.js";
import { chineseDate, chineseYear } from "../text/numerals.js";
import { findHeadings, type Heading } from "./sections.js";

/** "…政府信息公开工作年度报告", "…政府信息公开工作情况的报告", "…政府信息公开工作年报". */
const REPORT = "政府信息公开(?:工作)?(?:情况)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报)";
const TITLE = new RegExp(`^(.*?)\\s*((?:19|20)\\d{2})\\s*年度?\\s*(.*?)\\s*(?:的)?${REPORT}`);
/** The year printed after the title: "…政府信息公开工作年度报告（2021年度）". */
const TITLE_YEAR_AFTER = new RegExp(`^(.{2,30}?)\\s*(?:的)?${REPORT}\\s*[(（]((?:19|20)\\d{2})\\s*年?度?[)）]$`);
const STAT_PERIOD =
  /统计[^0-9。]{0,12}?((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*起?\s*(?:至|到|-|—|~)\s*(?:\1\s*年\s*)?12\s*月\s*31\s*日/;
const STAT_YEAR = /统计(?:期限|时限|时段|时间段|期间|区间|范围)[^0-9。]{0,4}?((?:19|20)\d{2})\s*年度/;
/** A title line without a year: "青山区生态环境局政府信息公开工作年度报告". */
const TITLE_NO_YEAR = new RegExp(`^(.{2,30}?)\\s*(?:的)?${REPORT}$`);
const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;

function cleanBody(s: string): string {
  return nfkc(s)
    .replace(/^.*[:>›»]/, "")
    .replace(/^[\s《“"【[(（]*(关于)?/, "")
    .replace(/[\s》”"】\])）:：,，]+$/, "")
    .replace(/\s+/g, "")
    .replace(/(关于|的)$/, "");
}

/** Endings of body names (governments, offices, departments, places, sub-units). */
const BODY_END = /(?:政府|办公室|办公厅|局|委员会|委|办|厅|县|区|市|州|盟|旗|镇|乡|街道|办事处|中心|院|会|所|站|队|处|室|部|署|行|管委会)$/;

/** A short line that names a body: the first half of a title broken over two lines. */
function bodyLine(s: string | undefined): string {
  const t = cleanBody((s ?? "").replace(/^[#*\s|]+|[*\s|]+$/g, ""));
  return t.length >= 2 && t.length <= 30 && !/[\d。，,:：;；]/.test(t) && BODY_END.test(t) ? t : "";
}

/**
 * The title line: "灵丘县2019年政府信息公开工作年度报告" or "2019年灵丘县政府信息公开工作年度报告";
 * a title broken after the body name; or one without a year (year null: the caller falls back
 * to the 统计期限 sentence).
 */
export function findTitle(lines: string[]): { title: string; body: string; year: number | null } | null {
  // The first 80 lines, cleaned as they are first needed: the title is usually one of the first few.
  const n = Math.min(lines.length, 80);
  const cleaned: string[] = [];
  const at = (i: number): string | undefined => {
    if (i < 0 || i >= n) return undefined;
    cleaned[i] ??= chineseYear(nfkc(lines[i] as string)).replace(/^[#*\s|]+|[*\s|]+$/g, "");
    return cleaned[i];
  };
  for (let i = 0; i < n; i++) {
    const line = at(i) as string;
    // A title wrapped over two lines ("2023 年广灵县农业农村局政府信息公开工作" / "年度报告"): read joined.
    const next = at(i + 1);
    const wrapped = next && next.length <= 14 && /报告|年报/.test(next) && !/报告|年报/.test(line) ? [`${line}${next}`] : [];
    // Drop a breadcrumb ("首页 > 政务公开 > …") or a field name ("标题:") before the title.
    for (const cell of [...line.split("|"), ...wrapped].map((c) => c.replace(/^.*[>›»]|^[^:]{0,8}:/, "").trim())) {
      if (cell.length > 80) continue;
      const m = TITLE.exec(cell);
      if (!m) continue;
      const body = cleanBody(m[1] || m[3] || "") || bodyLine(at(i - 1));
      if (!body) continue;
      const title = (m[1] || m[3] ? m[0] : cell).replace(/^[:：\s《“"]+/, "").trim();
      return { title: m[1] || m[3] ? title : `${body}${title}`, body, year: Number(m[2]) };
    }
  }
  for (let i = 0; i < n; i++) {
    const line = at(i) as string;
    const after = TITLE_YEAR_AFTER.exec(line.trim());
    const body = after ? bodyLine(after[1]) : "";
    if (body) return { title: line.trim(), body, year: Number(after?.[2]) };
  }
  for (let i = 0; i < n; i++) {
    const line = at(i) as string;
    const m = TITLE_NO_YEAR.exec(line.trim());
    const body = m ? bodyLine(m[1]) : "";
    if (body) return { title: line.trim(), body, year: null };
  }
  return null;
}

function iso(m: RegExpExecArray): string {
  return `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}`;
}

/** A publication date printed in the page header ("发布日期: 2020-02-19") or at the signature. */
const HEADER_DATE = /发布(日期|时间)|成文日期|发文日期|日期[:：]|(?:publishDate|pubDate|publishTime|releaseDate)"?\s*[:=]/;

/**
 * A publication date printed in the page header ("发布日期: 2020-02-19", near the top or just
 * under the title) or at the signature (a short dated line after section 六, else near the end).
 */
export function findPublished(lines: string[], year: number | null, titleLine = -1, headings?: Heading[]): string | null {
  const near = titleLine >= 0 ? lines.slice(Math.max(0, titleLine - 5), titleLine + 12) : [];
  for (const raw of [...near, ...lines.slice(0, 30)]) {
    const line = nfkc(raw);
    const at = line.search(HEADER_DATE);
    if (at < 0) continue;
    const m = DATE.exec(line.slice(at));
    if (m) return iso(m);
  }
  const six = (headings ?? findHeadings(lines)).find((h) => h.id === "六")?.line ?? -1;
  const tail = six >= 0 ? lines.slice(six + 1, six + 40) : [];
  for (const raw of [...tail, ...lines.slice(-12).reverse()]) {
    const line = chineseDate(nfkc(raw)).trim();
    if (line.length > 30) continue;
    const m = DATE.exec(line);
    if (m && (year === null || Number(m[1]) > year)) return iso(m);
  }
  return null;
}

/** Reporting year from the statistics-period sentence. */
export function findStatYear(lines: string[]): number | null {
  for (const raw of lines) {
    // Both patterns start with 统计, and neither NFKC nor chineseDate makes a 统: skip the NFKC of every other line.
    if (!raw.includes("统")) continue;
    const line = chineseDate(nfkc(raw));
    const m = STAT_PERIOD.exec(line) ?? STAT_YEAR.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The first web address printed in the text. */
function firstUrl(lines: string[]): string | null {
  for (const l of lines) {
    const m = /https?:\/\/[^\s|"'<>，。]+/.exec(l);
    if (m) return m[0];
  }
  return null;
}

/** The preamble's "由XX编制" / "XX编制完成本报告" (report-format.md §12 item 10). */
const PREAMBLE = [
  /由([\u4e00-\u9fff]{2,30}?)(?:负责|组织)?(?:编制|制作|编写)/,
  /([\u4e00-\u9fff]{2,30}?)(?:编制完成|编制了|编制|编写)(?:了)?本(?:年度)?报告/,
];

/**
 * The body when no title names it: the preamble's "由XX编制", else the signature (a short line
 * that is a body's name, near the end, before or beside the date).
 */
export function bodyFromText(lines: string[]): string {
  for (const raw of lines.slice(0, 40)) {
    const line = nfkc(raw);
    for (const re of PREAMBLE) {
      const m = re.exec(line);
      const body = m ? bodyLine((m[1] as string).replace(/^(?:本报告|根据|按照|现|特|今|经)/, "")) : "";
      if (body) return body;
    }
  }
  const tail = lines.slice(-12);
  for (let i = tail.length - 1; i >= 0; i--) {
    // The signature line, or the name before the date on one line ("XX局 2022年1月20日").
    const line = nfkc(tail[i] as string)
      .replace(/\s*(?:19|20)\d{2}\s*年.*$/, "")
      .trim();
    const body = bodyLine(line);
    if (body) return body;
  }
  return "";
}

/**
 * A title that abbreviates its body ("大同市卫健委") with the full name in the preamble or signature
 * ("由大同市卫生健康委员会编制"): the full name, so the body is indexed under it (the short form
 * stays an alias). Null when the text gives no such full name.
 */
function fullName(short: string, lines: string[]): string | null {
  if (!short) return null;
  const full = bodyFromText(lines);
  if (!full || full === short || full.length <= short.length) return null;
  let k = 0;
  while (k < short.length && short[k] === full[k]) k++;
  // The shared place may end inside the organ's first character (大同市卫健委 / 大同市卫生…): step back.
  for (; k >= 2; k--) if (organForms(full.slice(k)).includes(short.slice(k))) return full;
  return null;
}

/** `headings` is findHeadings(lines), when the caller has it already. */
export function readMeta(lines: string[], sidecar: Partial<ReportMeta>, file: string, headings?: Heading[]): ReportMeta {
  const t = findTitle(sidecar.title ? [sidecar.title, ...lines] : lines);
  let year = sidecar.year ?? t?.year ?? findStatYear(lines);
  const titleLine = t ? lines.findIndex((l) => nfkc(l).includes(t.title)) : -1;
  const published = sidecar.published ?? findPublished(lines, year ?? null, titleLine, headings);
  if (year == null && published) year = Number(published.slice(0, 4)) - 1;
  const body = sidecar.body ?? fullName(t?.body ?? "", lines) ?? t?.body ?? bodyFromText(lines);
  // No title line: the first line that calls itself the report, as printed; else the file name.
  const printed = t
    ? null
    : lines
        .slice(0, 20)
        .map((l) => l.replace(/^[#*\s|]+|[*\s|]+$/g, ""))
        .find((l) => l.length <= 60 && /年度报告|年报$/.test(l));
  return {
    title: sidecar.title ?? t?.title ?? printed ?? file,
    body,
    year: year ?? null,
    published: published ?? null,
    url: sidecar.url ?? firstUrl(lines),
    publisher: sidecar.publisher ?? null,
  };
}
