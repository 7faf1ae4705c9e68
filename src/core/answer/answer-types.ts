/** The answer contract of design.md: what `npm run ask --json`, /api/ask and the bot render. */

export type AnswerStatus = "answered" | "not_found" | "ambiguous" | "invalid";

export interface FactCitation {
  value: number | null;
  raw: string;
  unit: string | null;
  body: string;
  year: number;
  table: "二" | "三" | "四" | "prose";
  item: string | null;
  row: string;
  column: string | null;
  quote: string;
  report: { title: string; file: string; url: string | null; published: string | null };
  warnings: string[];
  /** Table facts: the path of their report's table view with this cell marked (permalink.ts). */
  permalink?: string;
  /**
   * A figure the report does not print, calculated from cited facts (design.md § Derived facts):
   * its quote is empty and the reply shows the formula beside the inputs' citations.
   */
  derived?: { op: "sum" | "difference" | "ratio"; inputs: FactCitation[] };
}

export interface Answer {
  question: string;
  status: AnswerStatus;
  facts: FactCitation[];
  notes: string[];
  reply: string;
}

/** Where a table fact is stored in the index: enough to read its row again (follow-up buttons). */
export interface FactAddress {
  reportId: number;
  table: "二" | "三" | "四";
  item: string | null;
  rowId: string;
  colId: string;
  /** The cell's reading state as stored ("number", "empty", "ambiguous"…): the answer's status is decided from it, never from warning text. */
  state?: string;
}

/**
 * The index address of each table fact the engine cites, kept beside the Answer rather than in it:
 * the Answer is the JSON contract of design.md, and an address is an internal detail. A fact not
 * made by the engine here (or a prose fact) has none.
 */
const addresses = new WeakMap<FactCitation, FactAddress>();

export function withAddress(f: FactCitation, at: FactAddress): FactCitation {
  addresses.set(f, at);
  return f;
}

export function addressOf(f: FactCitation): FactAddress | undefined {
  return addresses.get(f);
}
