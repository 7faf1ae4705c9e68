/** PDF → text lines rebuilt from glyph positions (pdfjs-dist). Placeholder until the PDF reader lands. */

export async function pdfToLines(_bytes: Uint8Array): Promise<string[]> {
  throw new Error("PDF reading is not implemented yet");
}
