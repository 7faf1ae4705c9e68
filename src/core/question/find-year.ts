/** Years a question names: 2019年, 2019, 19年, 二〇一九年, 去年/前年/今年 (against the given clock). */

export interface YearMention {
  year: number;
  /** The words that named it, e.g. "去年". */
  text: string;
  relative: boolean;
}

const RELATIVE: [string, number][] = [
  ["大前年", 3],
  ["前年", 2],
  ["去年", 1],
  ["上一年度", 1],
  ["上年度", 1],
  ["今年", 0],
  ["本年度", 0],
];

export function findYears(text: string, now: Date): { years: YearMention[]; rest: string } {
  const years: YearMention[] = [];
  let rest = text;
  const take = (re: RegExp, toYear: (m: RegExpExecArray) => number | null, relative = false) => {
    rest = rest.replace(re, (...args) => {
      const m = args as unknown as RegExpExecArray;
      const y = toYear(m);
      if (y === null) return m[0];
      years.push({ year: y, text: m[0], relative });
      return " ";
    });
  };
  take(/(?<!\d)((?:19|20)\d{2})(?:年度|年)?(?!\d)/g, (m) => Number(m[1]));
  take(/(?<!\d)(\d{2})年(?:度)?/g, (m) => 2000 + Number(m[1]));
  const y0 = now.getUTCFullYear();
  for (const [word, back] of RELATIVE) {
    // "上年结转" names a table row, not a year.
    const re = word === "上年度" ? /上年度(?!结转)/g : new RegExp(word, "g");
    take(re, () => y0 - back, true);
  }
  const seen = new Set<number>();
  return { years: years.filter((y) => !seen.has(y.year) && seen.add(y.year)), rest };
}
