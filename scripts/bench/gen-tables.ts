/**
 * Synthetic tables 二/三/四 for one report, in the template's own labels (src/core/template.ts),
 * with figures that satisfy the 勾稽 rules (report-format.md §6: T3-1, T3-2, T3-3, T4-1), and
 * their layout in the two text forms the parser reads: one cell per line and one row per line.
 */

import { blocksOf, type TemplateVersion } from "../../src/core/template.js";
import type { Random } from "./random.js";

export type Form = "cell-per-line" | "row-per-line";

/** A printed cell: its text as printed ("" for a blank). */
export interface Table2Row {
  item: string;
  label: string;
  cells: string[];
}

export interface Tables {
  version: TemplateVersion;
  t2: { item: string; caption: string; header: string[]; rows: Table2Row[] }[];
  /** Table 三: row id → seven values (自然人 … 其他, 总计). */
  t3: Map<string, number[]>;
  /** Table 四: fifteen values, three groups of (维持, 纠正, 其他, 尚未审结, 总计). */
  t4: number[];
}

const T3_LABELS_2019_TAIL = ["（六）其他处理"];

/** Row labels of table 三 as printed, with the group cell that precedes the first row of a group. */
function t3Layout(version: TemplateVersion): { id: string; label: string; lead: string | null }[] {
  const block = blocksOf(version, "三")[0];
  if (!block) throw new Error("gen-tables: template has no table 三");
  const seen = new Set<string>();
  return block.rows.map((r) => {
    let lead: string | null = null;
    if (r.id === "granted") lead = "三、本年度办理结果";
    else if (r.group && !seen.has(r.group)) lead = r.group;
    if (r.group) seen.add(r.group);
    const label = version === "2019" && r.id === "other" ? (T3_LABELS_2019_TAIL[0] as string) : r.label;
    return { id: r.id, label, lead };
  });
}

const TOP = new Set(["new", "carried_in", "total", "carried_out"]);

/** Table 三 figures for one of four sizes of body: none, small, medium, large. */
function table3(version: TemplateVersion, rnd: Random): Map<string, number[]> {
  const layout = t3Layout(version);
  const scale = rnd.pick([0, 0, 3, 3, 12, 40, 150]);
  const colWeight = [1, 0.3, 0.03, 0.05, 0.1, 0.08];
  const rowWeight: Record<string, number> = { granted: 1, partial: 0.3, not_held: 0.4, petition: 0.15, repeat: 0.1, other: 0.1 };
  const out = new Map<string, number[]>();
  const results = layout.filter((r) => !TOP.has(r.id));
  const cols: number[][] = [];
  for (let c = 0; c < 6; c++) {
    const vals = results.map((r) => {
      const w = (rowWeight[r.id] ?? 0.02) * (colWeight[c] as number) * scale;
      return w > 0 && rnd.chance(Math.min(0.9, w + 0.05)) ? rnd.int(0, Math.ceil(w * 2)) : 0;
    });
    const total = vals.reduce((a, b) => a + b, 0);
    const carriedOut = total > 0 ? rnd.int(0, Math.ceil(total / 8)) : 0;
    const carriedIn = rnd.int(0, Math.min(total + carriedOut, Math.ceil(total / 6)));
    const fresh = total + carriedOut - carriedIn;
    cols.push([fresh, carriedIn, ...vals, total, carriedOut]);
  }
  const order = ["new", "carried_in", ...results.map((r) => r.id), "total", "carried_out"];
  order.forEach((id, i) => {
    const six = cols.map((col) => col[i] as number);
    out.set(id, [...six, six.reduce((a, b) => a + b, 0)]);
  });
  return out;
}

function table4(rnd: Random): number[] {
  const out: number[] = [];
  const busy = rnd.chance(0.3);
  for (let g = 0; g < 3; g++) {
    const four = [0, 0, 0, 0].map(() => (busy && rnd.chance(0.5) ? rnd.int(0, g === 0 ? 12 : 4) : 0));
    out.push(
      ...four,
      four.reduce((a, b) => a + b, 0),
    );
  }
  return out;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Table 二 as printed. 2019 sometimes leaves 处理决定数量 blank, as the seed report does. */
function table2(version: TemplateVersion, rnd: Random, form: Form): Tables["t2"] {
  const blank = () => (form === "cell-per-line" && rnd.chance(0.15) ? "" : String(rnd.int(0, 900)));
  return blocksOf(version, "二").map((b) => {
    const caption = `第二十条第${b.item?.replace("（", "(").replace("）", ")")}项`;
    const rows = b.rows.map((r) => {
      let prev = 0;
      const cells = b.columns.map((c) => {
        // SOFT rule T2-2019: 上一年项目数量 + 本年增/减 ≥ 0.
        if (c.id === "change") return signed(rnd.int(-Math.min(8, prev), 12));
        if (c.id === "decisions") return version === "2019" ? blank() : String(rnd.int(0, 3000));
        if (c.id === "fee_amount") return (rnd.int(0, 50000) / 10).toFixed(1);
        if (c.id === "proc_amount") return rnd.chance(0.5) ? `${rnd.int(1, 900) * 1000}元` : `${(rnd.int(10, 99999) / 100).toFixed(2)}万元`;
        if (r.id === "rules") return "0";
        if (c.id === "prev_items") {
          prev = rnd.int(0, 1500);
          return String(prev);
        }
        return String(rnd.int(0, 60));
      });
      return { item: b.item as string, label: r.label, cells };
    });
    return {
      item: b.item as string,
      caption,
      header: ["信息内容", ...b.columns.map((c) => c.label.replace("（", "(").replace("）", ")"))],
      rows,
    };
  });
}

export function makeTables(version: TemplateVersion, rnd: Random, form: Form): Tables {
  return { version, t2: table2(version, rnd, form), t3: table3(version, rnd), t4: table4(rnd) };
}

const T4_HEAD = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/** Table lines in one cell per line, the seed report's form (report-format.md §12.2). */
function cellPerLine(t: Tables): { t2: string[]; t3: string[]; t4: string[] } {
  const cell = (s: string) => (s === "" ? "|" : `${s} |`);
  const t2: string[] = [];
  for (const b of t.t2) {
    t2.push(cell(b.caption), "|||", ...b.header.map(cell));
    for (const r of b.rows) t2.push(cell(r.label), ...r.cells.map(cell));
  }
  const t3 = [
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |",
    "申请人情况 |",
    "||||||||",
    "自然人 |",
    "法人或其他组织 |",
    "总计 |",
    "|||||||",
    ...["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map(cell),
    "|||||",
  ];
  for (const r of t3Layout(t.version)) {
    if (r.lead) t3.push(cell(r.lead));
    t3.push(cell(r.label), ...(t.t3.get(r.id) as number[]).map((v) => cell(String(v))), "||");
  }
  const t4 = [
    "行政复议 |",
    "行政诉讼 |",
    "|||||||||||||",
    ...T4_HEAD.map(cell),
    "未经复议直接起诉 |",
    "复议后起诉 |",
    "||||||||",
    ...[...T4_HEAD, ...T4_HEAD].map(cell),
    "|||||",
    ...t.t4.map((v) => cell(String(v))),
  ];
  return { t2, t3, t4 };
}

/** Table lines in one row per line, cells separated by " | " (report-format.md §12.3). */
function rowPerLine(t: Tables): { t2: string[]; t3: string[]; t4: string[] } {
  const row = (xs: string[]) => xs.join(" | ");
  const t2: string[] = [];
  for (const b of t.t2) {
    t2.push(b.caption, row(b.header));
    for (const r of b.rows) t2.push(row([r.label, ...r.cells]));
  }
  const t3 = [
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况",
    row(["自然人", "法人或其他组织", "总计"]),
    row(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]),
  ];
  for (const r of t3Layout(t.version)) {
    const vals = (t.t3.get(r.id) as number[]).map(String);
    t3.push(row([...(r.lead ? [r.lead] : []), r.label, ...vals]));
  }
  const t4 = [
    row(["行政复议", "行政诉讼"]),
    row([...T4_HEAD, "未经复议直接起诉", "复议后起诉"]),
    row([...T4_HEAD, ...T4_HEAD]),
    row(t.t4.map(String)),
  ];
  return { t2, t3, t4 };
}

export function tableLines(t: Tables, form: Form): { t2: string[]; t3: string[]; t4: string[] } {
  return form === "cell-per-line" ? cellPerLine(t) : rowPerLine(t);
}
