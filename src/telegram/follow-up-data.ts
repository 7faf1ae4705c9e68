/**
 * Callback data for the follow-up buttons, at most 64 bytes: the kind, the report id and the
 * cell's template address, e.g. "y:12:2:六:penalty:prev_items". Stateless, so any process (or
 * Worker isolate) can answer a press; a report id that no longer exists is answered politely.
 */

import type { TableId } from "../core/template.js";

/** q: the source quote, r: the whole table row, y: the same cell in other years (历年), k: in the same year's peers (同级排名). */
export type FollowUpKind = "q" | "r" | "y" | "k";

export interface CellAddress {
  reportId: number;
  table: TableId;
  /** Table 二 item such as "（六）"; null for 三 and 四. */
  item: string | null;
  rowId: string;
  colId: string;
}

export interface FollowUp extends CellAddress {
  kind: FollowUpKind;
}

/** Telegram's limit on callback_data, in bytes. */
export const MAX_CALLBACK_DATA = 64;

const TABLES: Record<string, TableId> = { "2": "二", "3": "三", "4": "四" };
const TABLE_CODES: Record<TableId, string> = { 二: "2", 三: "3", 四: "4" };
const ID = /^[a-z0-9_]{1,24}$/;
const ITEM = /^（([一二三四五六七八九十]+)）$/;

/** The callback data for a button, or null when it would not fit in 64 bytes. */
export function encodeFollowUp(f: FollowUp): string | null {
  const item = f.item === null ? "-" : ITEM.exec(f.item)?.[1];
  if (!item || !ID.test(f.rowId) || !ID.test(f.colId) || !Number.isSafeInteger(f.reportId) || f.reportId < 0) return null;
  const data = `${f.kind}:${f.reportId}:${TABLE_CODES[f.table]}:${item}:${f.rowId}:${f.colId}`;
  return new TextEncoder().encode(data).length <= MAX_CALLBACK_DATA ? data : null;
}

/** Parse callback data; null for anything this bot did not produce. */
export function decodeFollowUp(data: string): FollowUp | null {
  const m = /^([qryk]):(0|[1-9]\d{0,15}):([234]):(-|[一二三四五六七八九十]+):([a-z0-9_]{1,24}):([a-z0-9_]{1,24})$/.exec(data);
  if (!m || !Number.isSafeInteger(Number(m[2]))) return null;
  return {
    kind: m[1] as FollowUpKind,
    reportId: Number(m[2]),
    table: TABLES[m[3] as string] as TableId,
    item: m[4] === "-" ? null : `（${m[4]}）`,
    rowId: m[5] as string,
    colId: m[6] as string,
  };
}
