/** Text normalisation shared by the parser and the question reader (report-format.md §6.6, §8.1). */

const ZERO_WIDTH = /[\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]/g;

/** NFKC (（）→(), ：→:, full-width digits → ASCII), no zero-width characters, nbsp → space. */
export function nfkc(s: string): string {
  return s
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(/\u00a0/g, " ");
}

/**
 * nfkc of every string, and for each whether nfkc leaves its result unchanged. It always does,
 * unless removing a zero-width character brought together a sequence that NFKC would compose
 * (NFKC is idempotent, and it leaves no no-break space behind), so a caller that must normalise
 * text derived from a stable result can skip the second pass when the text is unchanged.
 */
export function nfkcAll(ss: string[]): { text: string[]; stable: boolean[] } {
  const text: string[] = [];
  const stable: boolean[] = [];
  for (let i = 0; i < ss.length; i++) {
    const n = (ss[i] as string).normalize("NFKC");
    // NFKC already makes a no-break space a space, so nfkc's last step changes nothing here.
    const z = n.replace(ZERO_WIDTH, "");
    text.push(z);
    stable.push(z.length === n.length);
  }
  return { text, stable };
}

const LABEL_NOISE = /[\s()（）【】[\]“”"'‘’「」『』、,，.．。:：;；·•\-—_*#|/\\〔〕<>《》]/g;

/**
 * The key a printed label is matched on: NFKC, then no whitespace, brackets, quotes or
 * list punctuation. "（三）不\n予\n公\n开" and "(三)不予公开" both become "三不予公开".
 */
export function labelKey(s: string): string {
  return nfkc(s).replace(LABEL_NOISE, "");
}

/** labelKey of text that is already NFKC-normalised (the parser's lines): skips the second NFKC. */
export function labelKeyOfNormalized(s: string): string {
  return s.replace(ZERO_WIDTH_OR_NOISE, "");
}

/** ZERO_WIDTH and LABEL_NOISE as one class: removing the characters of both, in one pass. */
const ZERO_WIDTH_OR_NOISE = new RegExp(`[${ZERO_WIDTH.source.slice(1, -1)}${LABEL_NOISE.source.slice(1, -1)}]`, "g");

/** Collapse runs of whitespace to one space and trim. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Full-width digits and signs (０-９ ＋ － ． ，) as ASCII; everything else unchanged. */
export function foldDigits(s: string): string {
  // The full-width comma is by far the commonest of them (it is prose punctuation): no callback per comma.
  if (!FULL_WIDTH_FIGURE.test(s)) return s.includes("，") ? s.replaceAll("，", ",") : s;
  return s.replace(/[０-９＋－．，]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const FULL_WIDTH_FIGURE = /[０-９＋－．]/;
