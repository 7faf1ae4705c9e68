/**
 * A memory Store (src/adapters/memory-store.ts) from report texts, read as `npm run index` reads
 * them: parse-report, the OCR correction of the body name, the body's identity and aliases, and
 * the gazetteer's places. Imports no native addon (no better-sqlite3, no nodejieba).
 */

import { type MemoryReport, memoryStore } from "../../src/adapters/memory-store.js";
import { identify, placeAliases } from "../../src/build/aliases.js";
import { correctBodyName } from "../../src/build/ocr-names.js";
import type { ReportMeta } from "../../src/core/model.js";
import { parseReport } from "../../src/core/parse/parse-report.js";
import type { Store } from "../../src/core/ports.js";

export interface ReportText {
  file: string;
  text: string;
  /** What a sidecar NAME.meta.json would hold. */
  meta?: Partial<ReportMeta>;
}

/** One report parsed, with its body's identity as build-index.ts forms it. */
export function memoryReport({ file, text, meta }: ReportText): MemoryReport {
  const report = parseReport({ text, file, meta: { ...meta } });
  const fix = report.meta.body ? correctBodyName(report.meta.body, () => report.lines.join("\n")) : null;
  if (fix) report.warnings.push(`body name ${fix.printed} read as ${fix.body} (one character from the gazetteer's name)`);
  const body = fix?.body ?? report.meta.body;
  const who = identify(body);
  const aliases = who.aliases.map((a) => ({ ...a, note: fix?.note ?? null }));
  if (fix) aliases.push({ alias: fix.printed, weight: 3, note: fix.note });
  return { file, report, body, identity: { ...who, aliases } };
}

let places: Map<string, string> | undefined;

/** A Store over these reports (numbered 1, 2… in order), with the gazetteer's places unless `places` is false. */
export function memoryIndex(texts: ReportText[], opts: { places?: boolean } = {}): Store {
  places ??= placeAliases();
  return memoryStore(texts.map(memoryReport), { places: opts.places === false ? [] : places });
}
