/**
 * Body names misread by OCR (灵邱县 for 灵丘县). A name the gazetteer does not know, one character
 * away from exactly one official county or city name inside a province or city the report itself
 * mentions (or that the body name already names), is read as that official name. The suffix
 * (县/区/市…) must match, and two or more such names mean no correction: never a guess.
 */

import { allPlaceNames, findRegion, shortName } from "./gazetteer.js";

export interface Correction {
  /** The body name as printed. */
  printed: string;
  /** The body name with the place name corrected. */
  body: string;
  /** For the answer: 报告中写作“灵邱县”，按灵丘县理解 */
  note: string;
}

interface Place {
  name: string;
  code: string;
  parent: string | null;
}

let INDEX: { places: Place[]; byCode: Map<string, Place>; names: Set<string> } | null = null;

function index() {
  if (!INDEX) {
    const places = allPlaceNames();
    INDEX = { places, byCode: new Map(places.map((p) => [p.code, p])), names: new Set(places.map((p) => p.name)) };
  }
  return INDEX;
}

function chain(p: Place): string[] {
  const out: string[] = [];
  for (let c: Place | undefined = p; c; c = c.parent ? index().byCode.get(c.parent) : undefined) out.push(c.code);
  return out;
}

/** Codes of the cities, then of the provinces, whose name (or short name) the text mentions. */
function mentioned(text: string): Set<string>[] {
  const cities = new Set<string>();
  const provinces = new Set<string>();
  for (const p of index().places) {
    if (p.code.length > 4) continue; // provinces ("14") and cities ("1402") only
    const s = shortName(p.name);
    if (text.includes(p.name) || (s && text.includes(s))) (p.code.length === 4 ? cities : provinces).add(p.code);
  }
  return [cities, provinces];
}

function oneOff(a: string, b: string): boolean {
  if (a.length !== b.length || a[a.length - 1] !== b[b.length - 1]) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d === 1;
}

/** What a body name alone decides (the build asks once per report, and a body has many reports). */
interface NameReading {
  region: ReturnType<typeof findRegion>;
  prefix: string;
  rest: string;
  /** Official names one character from the unplaced part. */
  near: Place[];
}

const readings = new Map<string, NameReading>();

function readName(body: string): NameReading {
  const known = readings.get(body);
  if (known) return known;
  const region = findRegion(body);
  // The part the gazetteer could not place: the whole name, or what follows a known prefix (大同市灵邱县).
  const rest = region ? region.organ : body;
  const prefix = body.slice(0, body.length - rest.length);
  const near = !/^[\u4e00-\u9fff]{2,8}?(县|区|市|旗|自治县|自治旗)/.test(rest)
    ? []
    : index().places.filter((p) => {
        const printed = rest.slice(0, p.name.length);
        return p.name.length >= 2 && !index().names.has(printed) && oneOff(printed, p.name);
      });
  const reading = { region, prefix, rest, near };
  if (readings.size >= 10_000) readings.clear();
  readings.set(body, reading);
  return reading;
}

/**
 * The correction of a body name, or null when the name is known, nothing is one character away,
 * or more than one official name is. `text` (the report's, for the places it mentions) may be
 * given as a function: it is only read when a name is one character off.
 */
export function correctBodyName(body: string, text: string | (() => string)): Correction | null {
  const { region, prefix, rest, near } = readName(body);
  if (near.length === 0) return null;
  // The narrowest scope decides: the place the name already names, else a mentioned city, else a province.
  const scopes = region ? [new Set([region.code])] : mentioned(typeof text === "string" ? text : text());
  const p = scopes.map((scope) => near.filter((x) => chain(x).some((c) => c !== x.code && scope.has(c)))).find((hits) => hits.length > 0);
  if (p) return p.length === 1 ? fixWith(body, prefix, rest, p[0] as Place) : null;
  // A report that never names its city or province (report-format.md §12 item 11): only when
  // exactly one official name in the whole country is one character away, and the note says so.
  if (region || near.length !== 1) return null;
  const only = fixWith(body, prefix, rest, near[0] as Place);
  return { ...only, note: `${only.note}（全国只有这一个地名与之相差一个字）` };
}

function fixWith(body: string, prefix: string, rest: string, p: Place): Correction {
  const fixed = `${prefix}${p.name}${rest.slice(p.name.length)}`;
  return { printed: body, body: fixed, note: `报告中写作“${body}”，按${fixed}理解` };
}
