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
}

export interface Answer {
  question: string;
  status: AnswerStatus;
  facts: FactCitation[];
  notes: string[];
  reply: string;
}
