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
  return {
    value,
    raw: String(value),
    unit: first.unit,
    body: first.body,
    year: first.year,
    // What the sum stands for is named by `row`; its table is the first input's (复议 + 诉讼 are both 四).
    table: first.table,
    item: inputs.every((f) => f.item === first.item) ? first.item : null,
    row,
    column,
    quote: "",
    report: first.report,
    warnings: [],
    derived: { op: "sum", inputs },
  };
}

/** The formula a derived fact was calculated by, as shown in replies: "6 + 2 = 8". */
export function formulaOf(f: FactCitation): string {
  if (!f.derived) return f.raw;
  const sign = f.derived.op === "sum" ? " + " : f.derived.op === "difference" ? " − " : " ÷ ";
  return `${f.derived.inputs.map((x) => x.raw).join(sign)} = ${f.raw}`;
}
