/** Segmentation for the index build, with nodejieba (a native addon: Node only, build time only). */

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let jieba: { cut(text: string, hmm?: boolean): string[] } | null = null;

/** Segment Chinese text into words; numbers stay whole (`cut(text, true)`). Loads the dictionary once. */
export function cut(text: string): string[] {
  jieba ??= require("nodejieba") as { cut(text: string, hmm?: boolean): string[] };
  return jieba.cut(text, true);
}
