/**
 * Derived facts (design.md § Derived facts): a total the template does not print (行政诉讼 =
 * 未经复议直接起诉 + 复议后起诉; a 三 group without a subtotal row; 复议 and 诉讼 together) is a
 * fact of its own, labelled as calculated, whose inputs are the ordinary cited facts. It is
 * made only when every input is a published number: a blank, "/" or ambiguous input is shown
 * as it is, never summed.
 */

import type { FactCitation } from "./answer-types.js";

/** Whether a fact is a published number an arithmetic step may use. */
export function isNumber(f: FactCitation): f is FactCitation & { value: number } {
  return f.value !== null && !f.derived;
}

/** Round away binary noise (0.1 + 0.2) without inventing precision the inputs lack. */
function tidy(x: number, inputs: FactCitation[]): number {
  const places = Math.max(0, ...inputs.map((f) => /\.(\d+)/.exec(f.raw)?.[1]?.length ?? 0));
  return Number(x.toFixed(places));
}

/** A calculated fact: the first input's citation fields, no quote, and the inputs it was calculated from. */
function derivedFact(
  first: FactCitation,
  value: number,
  derived: NonNullable<FactCitation["derived"]>,
  named: Pick<FactCitation, "row" | "column" | "item" | "body" | "report">,
): FactCitation {
  // In the contract's key order (design.md), as every other fact.
  return {
    value,
    raw: String(value),
    unit: first.unit,
    body: named.body,
    year: first.year,
    table: first.table,
    item: named.item,
    row: named.row,
    column: named.column,
    quote: "",
    report: named.report,
    warnings: [],
    derived,
  };
}

/** The sum of cited facts as one derived fact named `row`, or null when an input is not a number. */
export function sumOf(parts: FactCitation[], row: string, column: string | null): FactCitation | null {
  // A sum over sums (复议 + 诉讼, where 诉讼 is itself two groups) is one sum over the published cells.
  const inputs = parts.flatMap((f) => (f.derived?.op === "sum" ? f.derived.inputs : [f]));
  if (inputs.length < 2 || !inputs.every(isNumber)) return null;
  const first = inputs[0] as FactCitation;
  if (inputs.some((f) => f.report.file !== first.report.file)) return null;
  const value = tidy(
    inputs.reduce((a, f) => a + (f.value as number), 0),
    inputs,
  );
  // What the sum stands for is named by `row`; its table is the first input's (复议 + 诉讼 are both 四).
  const item = inputs.every((f) => f.item === first.item) ? first.item : null;
  return derivedFact(first, value, { op: "sum", inputs }, { row, column, item, body: first.body, report: first.report });
}

/** The formula a derived fact was calculated by, as shown in replies: "6 + 2 = 8". */
export function formulaOf(f: FactCitation): string {
  if (!f.derived) return f.raw;
  const sign = f.derived.op === "sum" ? " + " : f.derived.op === "difference" ? " − " : " ÷ ";
  return `${f.derived.inputs.map((x) => x.raw).join(sign)} = ${f.raw}`;
}

/** A published number, or a sum of published numbers (行政诉讼's two groups): what a comparison may use. */
function isFigure(f: FactCitation): f is FactCitation & { value: number } {
  return f.value !== null && (!f.derived || f.derived.op === "sum");
}

/**
 * A year-on-year change: `later − earlier`, both cited, named `row` (what it stands for) and
 * dated to the later year. Null when either is not a published number.
 */
export function differenceOf(later: FactCitation, earlier: FactCitation, row: string): FactCitation | null {
  if (!isFigure(later) || !isFigure(earlier)) return null;
  const value = tidy(later.value - earlier.value, [later, earlier]);
  const named = { row, column: later.column, item: later.item, body: later.body, report: later.report };
  return derivedFact(later, value, { op: "difference", inputs: [later, earlier] }, named);
}

/** A change as a share of the earlier figure (增长率): `difference ÷ earlier`, in percent; null when the earlier figure is 0. */
export function ratioOf(difference: FactCitation, earlier: FactCitation, row: string): FactCitation | null {
  if (difference.value === null || !isFigure(earlier) || earlier.value === 0) return null;
  const value = Number(((difference.value / earlier.value) * 100).toFixed(1));
  return {
    ...difference,
    value,
    raw: `${value}%`,
    unit: null,
    row,
    warnings: [],
    derived: { op: "ratio", inputs: [difference, earlier] },
  };
}

/**
 * A total over several bodies' reports (全市合计): one derived sum whose `row` names what it covers
 * and whose `body` is the place; null when an input is not a published number. Unlike sumOf, the
 * inputs come from different reports: each keeps its own citation.
 */
export function sumAcross(parts: FactCitation[], place: string, row: string): FactCitation | null {
  if (parts.length < 2 || !parts.every(isFigure)) return null;
  const first = parts[0] as FactCitation;
  const value = tidy(
    parts.reduce((a, f) => a + (f.value as number), 0),
    parts,
  );
  const report = { title: `${parts.length}份报告`, file: "", url: null, published: null };
  return derivedFact(first, value, { op: "sum", inputs: parts }, { row, column: first.column, item: first.item, body: place, report });
}
