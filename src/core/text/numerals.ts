/** Chinese numerals in years and counts: 二〇一九年 → 2019年, 十九年 → 19年. */

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Replace digit-by-digit Chinese years ("二〇一九年", "二零二一年度") with Arabic ones. */
export function chineseYear(s: string): string {
  return s.replace(/([〇零O一二三四五六七八九]{4})(?=\s*年)/g, (m) => [...m].map((ch) => String(DIGIT[ch] ?? ch)).join(""));
}

/** A small Chinese number (一 … 九千九百九十九) to its value; null if it is not one. */
export function chineseNumber(s: string): number | null {
  if (!/^[〇零一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let cur = 0;
  const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  for (const ch of s) {
    if (ch in DIGIT) cur = DIGIT[ch] as number;
    else {
      total += (cur || 1) * (unit[ch] as number);
      cur = 0;
    }
  }
  return total + cur;
}

/** A date written in Chinese numerals ("二〇二二年一月二十日") with Arabic figures ("2022年1月20日"). */
export function chineseDate(s: string): string {
  return chineseYear(s).replace(/([〇零一二三四五六七八九十]{1,3})(?=\s*[月日])/g, (m) => {
    const n = /^[〇零]/.test(m) ? Number([...m].map((ch) => DIGIT[ch] ?? 0).join("")) : chineseNumber(m);
    return n === null ? m : String(n);
  });
}
