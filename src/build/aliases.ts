/**
 * The names a question may use for a body (stored in the index's aliases table): its place's
 * forms × its organ's forms (organ-names.ts), and the organ's forms without the place (公安局,
 * 区公安局, 县发改局), which several bodies may share.
 *
 * Weights (the question reader keeps the best weight among bodies sharing one alias): 3 the body's
 * own name and its place + organ forms; 2 lesser forms (a government by its bare place name, a
 * zone's body by its place's short name, a sub-unit by its last part, an organ without its place);
 * 1 a bare place name reaching the place's departments. `placeAliases` gives the gazetteer's places
 * themselves (weight 0, no body).
 */

import { formsAfterPlace, LEVEL_WORDS, organForms, standsAlone } from "../core/organ-names.js";
import { allPlaceNames, findRegion, leadingPlace, shortName, splitZone } from "./gazetteer.js";

export interface BodyIdentity {
  bodyKey: string;
  regionPath: string | null;
  aliases: { alias: string; weight: number }[];
}

type Kind = "gov" | "office" | "dept";

function organKind(organ: string): Kind {
  const o = organ.replace(/^人民/, "");
  if (o === "" || o === "政府") return "gov";
  if (/^政府办(公室|公厅)?$/.test(o)) return "office";
  return "dept";
}

/** The forms of an organ (organ-names.ts), each also with 人民政府 → 政府 and a final 办公室 → 办. */
function organVariants(organ: string): string[] {
  const kind = organKind(organ);
  if (kind === "gov") return ["", "人民政府", "政府"];
  if (kind === "office") return [organ, organ.replace(/^人民/, ""), "政府办", "政府办公室", "办公室", "政府办公厅", "办公厅"];
  const out = new Set<string>();
  for (const f of organForms(organ)) {
    out.add(f);
    out.add(f.replace(/人民政府/, "政府").replace(/办公室$/, "办"));
  }
  return [...out];
}

/** The level word a place's own bodies go by when the place is left out: 区 (区公安局), 县, 市, 省… */
function levelWord(name: string): string | null {
  const last = name[name.length - 1] as string;
  return name.length >= 2 && (LEVEL_WORDS as readonly string[]).includes(last) ? last : null;
}

/**
 * Aliases without the body's own place name (weight 2): a department's organ alone (公安局, 文旅局),
 * and a department's or an office's organ after a generic place word (区文化旅游局, 县发改局,
 * 实验区公安局, 区政府办). Several bodies may share one; the question reader then says so.
 */
function placelessAliases(organs: string[], kind: Kind, words: string[], add: (a: string, w: number) => void) {
  if (kind === "gov") return;
  for (const o of organs) {
    if (o === "" || (kind === "office" && !o.startsWith("政府"))) continue;
    if (kind === "dept" && standsAlone(o)) add(o, 2);
    for (const w of words) add(w + o, 2);
  }
}

/**
 * A place named inside the body name ("国家税务总局灵丘县税务局"): the earliest county or city
 * name followed by an organ; the words before it are dropped from the short forms.
 */
function innerRegion(body: string): ReturnType<typeof findRegion> {
  for (let i = 1; i < body.length - 2; i++) {
    const r = findRegion(body.slice(i));
    if (r && r.organ.length >= 2 && (r.chain[0]?.level === "county" || r.chain[0]?.level === "city")) return r;
  }
  return null;
}

const present = (xs: (string | null | undefined)[]): string[] => xs.filter((x): x is string => Boolean(x));

/** Identity and aliases of the body a report names. */
export function identify(body: string): BodyIdentity {
  const region = findRegion(body) ?? innerRegion(body);
  const out = new Map<string, number>();
  const add = (a: string, w: number) => {
    if (a.length >= 2 && (out.get(a) ?? 0) < w) out.set(a, w);
  };
  const result = (bodyKey: string, regionPath: string | null): BodyIdentity => ({
    bodyKey,
    regionPath,
    aliases: [...out].map(([alias, weight]) => ({ alias, weight })),
  });
  add(body, 3);
  add(body.replace(/人民政府/, "政府"), 3);
  if (!region) {
    for (const v of organVariants(body)) add(v, 2);
    // A place name several places share (青山区): still offer its short forms, under the name's own key.
    const lead = leadingPlace(body);
    if (lead && lead.organ.length >= 2) {
      const organs = organVariants(lead.organ);
      for (const pre of present([lead.full, lead.short])) for (const o of organs) if (o !== "") add(pre + o, 2);
      placelessAliases(organs, organKind(lead.organ), present([levelWord(lead.full)]), add);
    }
    return result(`name:${body}`, null);
  }
  // A development zone on the place's code (舟山 + 群岛新区文化旅游局): the zone is the body's place.
  const zone = splitZone(region.organ);
  const organ = zone ? zone.organ : region.organ;
  // Nothing after the zone's name: the zone's own body (its 管委会), like a place's government.
  const kind: Kind = zone && organ === "" ? "gov" : organKind(organ);
  const [self, ...parents] = region.chain;
  const selfName = self?.name as string;
  const placeNames = present([selfName, shortName(selfName)]);
  const placeShort = placeNames[placeNames.length - 1] as string;
  // The body's own place, its full names first. A zone goes by its own name (两江新区, 两江) or,
  // when it has none, by the place's name with the zone's kind (舟山群岛新区), and by the
  // place's short name alone (舟山) as a lesser form, below the place's own bodies.
  let full = [selfName];
  let lesser: string[] = [];
  if (zone) {
    full = placeNames.map((n) => n + zone.printed).filter((n) => body.includes(n));
    if (full.length === 0) full = [placeShort + zone.printed];
    // The zone's kind in its everyday words: 灌南经开区, 灌南开发区, 舟山新区.
    const named = zone.own || placeShort;
    for (const w of zone.words) if (w.length >= 2) full.push(named + w);
    if (zone.own) full.push(zone.printed, ...(zone.own.length >= 2 ? [zone.own] : []));
    else lesser = [placeShort];
    full = [...new Set(full)];
  }
  const selfNames = zone ? [...full, ...lesser] : placeNames;
  const prefixes = selfNames.map((n) => ({ pre: n, lesser: lesser.includes(n), full: full.includes(n) }));
  for (const p of parents) {
    for (const pn of present([p.name, shortName(p.name)])) {
      for (const sn of selfNames) prefixes.push({ pre: pn + sn, lesser: lesser.includes(sn), full: false });
    }
  }
  const organs = zone && organ === "" ? ["", "管委会", "管理委员会"] : organVariants(organ);
  // A sub-unit ("生态环境局东湖分局") is also called by its own last part ("东湖分局").
  const parts = organ.split(/(?<=局|委员会|委|厅)/).filter(Boolean);
  const tail = parts.length > 1 ? (parts[parts.length - 1] as string) : null;
  if (tail && tail.length >= 3) {
    add(tail, 2);
    for (const { pre } of prefixes) add(pre + tail, 2);
  }
  for (const p of prefixes) {
    for (const o of organs) {
      if (o === "" && kind !== "gov") continue;
      add(p.pre + o, p.lesser ? 2 : p.full || o !== "" ? 3 : 2);
    }
    // 舟山公安: a stem said only after a place name.
    for (const o of formsAfterPlace(organ)) add(p.pre + o, 2);
    // A bare place name reaches the body's own departments only as a last resort.
    if (kind !== "gov") add(p.pre, 1);
  }
  placelessAliases(organs, kind, zone ? zone.words : present([levelWord(selfName)]), add);
  const organKey = kind === "gov" ? "" : kind === "office" ? "政府办公室" : organ;
  return result(`${region.code}|${zone?.printed ?? ""}${organKey}`, region.path);
}

/**
 * Every place the gazetteer knows, for the aliases of body "" (weight 0): a question about a place
 * with no report is then told the corpus lacks it. Place names (full and short) → the full name,
 * or the name itself when several places share it.
 */
export function placeAliases(): Map<string, string> {
  const out = new Map<string, string>();
  const add = (alias: string, full: string) => {
    const prev = out.get(alias);
    out.set(alias, prev === undefined || prev === full ? full : alias);
  };
  for (const p of allPlaceNames()) {
    if (/^(市辖区|县)$/.test(p.name)) continue;
    add(p.name, p.name);
    const s = shortName(p.name);
    if (s) add(s, p.name);
  }
  return out;
}
