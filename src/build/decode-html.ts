/**
 * A saved or fetched web page's bytes → text, in the charset the server or the page declares
 * (many government sites still serve GBK/GB2312 pages). Order: a byte-order mark, the HTTP
 * Content-Type header, a <meta charset> or <meta http-equiv="Content-Type"> in the first bytes,
 * then UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312).
 */

const META = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The charset label a Content-Type value or a page's head declares, lower-cased; null if none. */
export function declaredCharset(contentType: string | null, head: string): string | null {
  const h = contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType) : null;
  const m = h ?? META.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function decoderFor(label: string) {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** Decode page bytes; the charset's name is returned for diagnostics. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null = null): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes), charset: "utf-8" };
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const label = declaredCharset(contentType, head);
  const dec = label ? decoderFor(label) : null;
  if (dec) return { text: dec.decode(bytes), charset: dec.encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), charset: "gb18030" };
  }
}
