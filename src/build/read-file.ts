/** A corpus file's bytes → text for the parser (PDF files are read by position, see adapters/pdfjs-text.ts). */

import { extname } from "node:path";
import type { ReportInput } from "../core/parse/parse-report.js";

export async function readReportFile(file: string, bytes: Buffer): Promise<Pick<ReportInput, "text" | "lines" | "form">> {
  const ext = extname(file).toLowerCase();
  if (ext === ".pdf") {
    const { pdfToLines } = await import("../adapters/pdfjs-text.js");
    const lines = await pdfToLines(new Uint8Array(bytes));
    if (lines.every((l) => l.trim() === "")) throw new Error("PDF has no text layer (a scanned image?): OCR it to text first");
    return { text: lines.join("\n"), lines, form: "pdf-layout" };
  }
  if (bytes.includes(0)) throw new Error("binary file (NUL bytes), not a report text");
  const text = bytes.toString("utf8");
  if (text.includes("\ufffd") && text.replace(/[^\ufffd]/g, "").length > text.length / 20) throw new Error("not UTF-8 text");
  return { text };
}
