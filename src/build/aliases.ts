/** The names a question may use for a body (stored in the index's aliases table). */

import { findRegion, leadingPlace, shortName } from "./gazetteer.js";

export interface BodyIdentity {
  bodyKey: string;
  regionPath: string | null;
  aliases: { alias: string; weight: number }[];
}

const DEPT_ABBREV: [RegExp, string][] = [
  [/发展和改革/, "发改"],
  [/人力资源和社会保障/, "人社"],
  [/住房和城乡建设/, "住建"],
  [/市场监督管理/, "市场监管"],
  [/卫生健康/, "卫健"],
  [/自然资源和规划/, "自然资源"],
  [/农业农村/, "农业"],
  [/文化和旅游/, "文旅"],
  [/交通运输/, "交通"],
  [/生态环境/, "环保"],
  [/应急管理/, "应急"],
  [/退役军人事务/, "退役军人"],
  [/医疗保障/, "医保"],
  [/行政审批服务/, "行政审批"],
  [/人民政府/, "政府"],
  [/办公室$/, "办"],
];

function organKind(organ: string): "gov" | "office" | "dept" {
  const o = organ.replace(/^人民/, "");
  if (o === "" || o === "政府") return "gov";
  if (/^政府办(公室|公厅)?$/.test(o)) return "office";
  return "dept";
}

function organVariants(organ: string): string[] {
  const kind = organKind(organ);
  if (kind === "gov") return ["", "人民政府", "政府"];
  if (kind === "office") return [organ, organ.replace(/^人民/, ""), "政府办", "政府办公室", "办公室", "政府办公厅", "办公厅"];
  const out = new Set([organ]);
  let abbrev = organ;
  for (const [re, to] of DEPT_ABBREV) abbrev = abbrev.replace(re, to);
  out.add(abbrev);
  return [...out];
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

/** Identity and aliases of the body a report names. */
export function identify(body: string): BodyIdentity {
  const region = findRegion(body) ?? innerRegion(body);
  const out = new Map<string, number>();
  const add = (a: string, w: number) => {
    if (a.length >= 2 && (out.get(a) ?? 0) < w) out.set(a, w);
  };
  add(body, 3);
  add(body.replace(/人民政府/, "政府"), 3);
  if (!region) {
    const organ = body;
    for (const v of organVariants(organ)) add(v, 2);
    // A place name several places share (青山区): still offer its short forms, under the name's own key.
    const lead = leadingPlace(body);
    if (lead && lead.organ.length >= 2) {
      for (const pre of [lead.full, lead.short].filter((x): x is string => Boolean(x)))
        for (const o of organVariants(lead.organ)) if (o !== "") add(pre + o, 2);
    }
    return { bodyKey: `name:${body}`, regionPath: null, aliases: [...out].map(([alias, weight]) => ({ alias, weight })) };
  }
  const kind = organKind(region.organ);
  const [self, ...parents] = region.chain;
  const selfNames = [self?.name as string, shortName(self?.name as string)].filter((x): x is string => Boolean(x));
  const prefixes = [...selfNames];
  for (const p of parents) {
    for (const pn of [p.name, shortName(p.name)].filter((x): x is string => Boolean(x))) {
      for (const sn of selfNames) prefixes.push(pn + sn);
    }
  }
  const organs = organVariants(region.organ);
  // A sub-unit ("生态环境局东湖分局") is also called by its own last part ("东湖分局").
  const parts = region.organ.split(/(?<=局|委员会|委|厅)/).filter(Boolean);
  const tail = parts.length > 1 ? (parts[parts.length - 1] as string) : null;
  if (tail && tail.length >= 3) {
    add(tail, 2);
    for (const pre of prefixes) add(pre + tail, 2);
  }
  for (const pre of prefixes) {
    const full = pre === self?.name;
    for (const o of organs) {
      if (o === "" && kind !== "gov") continue;
      add(pre + o, full || o !== "" ? 3 : 2);
    }
    // A bare place name reaches the body's own departments only as a last resort.
    if (kind !== "gov") add(pre, 1);
  }
  const organKey = kind === "gov" ? "" : kind === "office" ? "政府办公室" : region.organ;
  return {
    bodyKey: `${region.code}|${organKey}`,
    regionPath: region.path,
    aliases: [...out].map(([alias, weight]) => ({ alias, weight })),
  };
}
