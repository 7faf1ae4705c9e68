import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCell } from "../../../src/core/parse/value.js";

describe("parseCell", () => {
  it.each([
    ["0", "number", 0, null],
    ["-0", "number", 0, null],
    ["+12", "number", 12, null],
    ["-7", "number", -7, null],
    ["0012", "number", 12, null],
    ["1,234", "number", 1234, null],
    ["１２", "number", 12, null],
    ["−3", "number", -3, null],
    ["12.5万元", "number", 12.5, "万元"],
    ["增加3项", "number", 3, "项"],
    ["减少2", "number", -2, null],
    ["新增4件", "number", 4, "件"],
    ["", "empty", null, null],
    ["/", "na", null, null],
    ["—", "na", null, null],
    ["无", "none", null, null],
    ["规章", "text", null, null],
    ["3件规章", "text", null, null],
    ["⑴", "text", null, null],
  ])("%j is %s %j", (raw, state, value, unit) => {
    const c = parseCell(raw);
    expect(c).toEqual({ state, value, unit });
    if (value === 0) expect(Object.is(c.value, -0)).toBe(false);
  });

  it("property: plain digits, signed or not, are their number", () => {
    fc.assert(
      fc.property(fc.constantFrom("", "+", "-"), fc.stringMatching(/^\d{1,20}$/), (sign, digits) => {
        const c = parseCell(sign + digits);
        const v = (sign === "-" ? -1 : 1) * Number(digits);
        expect(c).toEqual({ state: "number", value: Object.is(v, -0) ? 0 : v, unit: null });
      }),
    );
  });

  it("property: text holding an ideograph that no figure pattern has is text, whatever surrounds it", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 6 }),
        fc.constantFrom("规", "章", "政", "府", "处", "罚"),
        fc.string({ maxLength: 6 }),
        (a, ch, b) => {
          expect(parseCell(a + ch + b).state).toBe("text");
        },
      ),
    );
  });
});
