/**
 * The permalink of a table fact (design.md): a path on the serving host to its report's table with
 * the cell marked. It names the report by file (stable across rebuilds, unlike row ids) and the
 * cell by its template address, so any face that serves reports can open it.
 */

export interface CellRef {
  table: "二" | "三" | "四";
  item: string | null;
  rowId: string;
  colId: string;
}

export const REPORT_PATH = "/report/";

export function cellPermalink(file: string, at: CellRef): string {
  const q = new URLSearchParams({ t: at.table, row: at.rowId, col: at.colId });
  if (at.item) q.set("item", at.item);
  return `${REPORT_PATH}${encodeURIComponent(file)}?${q.toString()}#cell`;
}

/** The report file and cell a permalink names, or null when it is not one. */
export function parseCellPermalink(pathAndQuery: string): { file: string; cell: CellRef | null } | null {
  const url = new URL(pathAndQuery, "http://x");
  if (!url.pathname.startsWith(REPORT_PATH)) return null;
  let file: string;
  try {
    file = decodeURIComponent(url.pathname.slice(REPORT_PATH.length));
  } catch {
    return null;
  }
  if (!file || file.includes("/")) return null;
  const t = url.searchParams.get("t");
  const rowId = url.searchParams.get("row");
  const colId = url.searchParams.get("col");
  if ((t !== "二" && t !== "三" && t !== "四") || !rowId || !colId) return { file, cell: null };
  return { file, cell: { table: t, item: url.searchParams.get("item"), rowId, colId } };
}
