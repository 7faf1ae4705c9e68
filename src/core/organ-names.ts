/**
 * Organ (department) names and the everyday forms people use for them (report-format.md §8.3,
 * §12 item 11): 发展和改革局 ↔ 发改局, 市场监督管理局 ↔ 市监局 / 市场监管局, and the generic place
 * words a body is called by when its place is left out (区财政局, 县发改局, 开发区管委会).
 *
 * Three parts, one place:
 * - SHORT_FORMS: the short forms no rule gives (人力资源和社会保障局 → 人社局). An organ listed here
 *   gets exactly these forms; the rule below is not applied to it.
 * - abbreviate(): the rule for organ names built of two two-character words: the first character
 *   of each word, then the suffix (文化旅游局 → 文旅局, 工业与信息局 → 工信局, 城乡规划管理局 →
 *   城规局, 卫生健康委员会 → 卫健委). Conservative: only when the whole stem splits evenly into
 *   exactly two words once the connectives 和/与/及 between words and a 管理 before 局 are dropped.
 * - GENERIC_PLACES: the words that stand for a body's own place (区, 县, 实验区, 开发区…).
 *
 * Pure data and functions: the index build writes aliases with them, and the question reader uses
 * them to tell an alias that names a body by its organ alone (公安局, 区公安局) from one with a place.
 */

/** Full organ name → its usual short forms. */
const SHORT_FORMS: Record<string, readonly string[]> = {
  人民政府: ["政府"],
  人民政府办公室: ["政府办公室", "政府办"],
  人民政府办公厅: ["政府办公厅", "政府办"],
  管理委员会: ["管委会"],
  发展和改革局: ["发改局", "发展改革局"],
  发展改革局: ["发改局"],
  发展和改革委员会: ["发改委", "发展改革委"],
  发展改革委员会: ["发改委", "发展改革委"],
  卫生健康委员会: ["卫健委", "卫生健康委"],
  卫生健康局: ["卫健局"],
  卫生和计划生育委员会: ["卫计委"],
  卫生和计划生育局: ["卫计局"],
  市场监督管理局: ["市监局", "市场监管局"],
  行政审批局: ["审批局"],
  行政审批服务局: ["行政审批局", "审批局", "行审局"],
  自然资源和规划局: ["自然资源局", "资规局", "自然资源规划局"],
  自然资源局: [],
  国土资源局: ["国土局"],
  住房和城乡建设局: ["住建局", "住房城乡建设局"],
  住房和城乡建设委员会: ["住建委"],
  人力资源和社会保障局: ["人社局", "人力社保局"],
  生态环境局: ["环保局"],
  环境保护局: ["环保局"],
  农业农村局: ["农业局"],
  农业农村委员会: ["农委", "农业农村委"],
  教育局: [],
  教育和体育局: ["教体局", "教育体育局"],
  教育委员会: ["教委"],
  文化和旅游局: ["文旅局", "文化旅游局"],
  文化广电和旅游局: ["文广旅局", "文旅局"],
  文化体育和旅游局: ["文体旅局", "文旅局"],
  交通运输局: ["交通局", "交运局"],
  国有资产监督管理委员会: ["国资委"],
  应急管理局: ["应急局"],
  医疗保障局: ["医保局"],
  退役军人事务局: ["退役军人局"],
  科学技术局: ["科技局"],
  科学技术委员会: ["科委", "科技委"],
  工业和信息化局: ["工信局"],
  经济和信息化局: ["经信局"],
  经济和信息化委员会: ["经信委"],
  城市管理局: ["城管局"],
  城市管理综合行政执法局: ["城管局", "城管执法局", "综合执法局"],
  综合行政执法局: ["综合执法局"],
  机关事务管理局: ["机关事务局", "机管局"],
  民族宗教事务局: ["民宗局"],
  民族宗教事务委员会: ["民宗委"],
  人民防空办公室: ["人防办"],
  金融工作办公室: ["金融办"],
  地方金融监督管理局: ["金融局", "地方金融监管局"],
  外事办公室: ["外办"],
  台湾事务办公室: ["台办"],
  林业和草原局: ["林草局"],
  粮食和物资储备局: ["粮储局"],
  政务服务和大数据管理局: ["政务服务局", "大数据局", "数据局"],
  政务服务管理局: ["政务服务局"],
  大数据管理局: ["大数据局", "数据局"],
  安全生产监督管理局: ["安监局"],
  食品药品监督管理局: ["食药监局"],
  广播电视局: ["广电局"],
  乡村振兴局: [],
};

const CONNECTIVES = "和与及";

/**
 * The two-word abbreviation of an organ name, or null when the rule does not apply:
 * 文化旅游局 → 文旅局, 体育运动局 → 体运局, 工业与信息局 → 工信局, 城乡规划管理局 → 城规局,
 * 卫生健康委员会 → 卫健委. The stem (before 局/委员会/委) must split evenly into exactly two
 * two-character words once 和/与/及 between words and a 管理 before 局 are dropped.
 */
export function abbreviate(organ: string): string | null {
  const m = /^([\u4e00-\u9fff]+?)(委员会|局|委)$/.exec(organ);
  if (!m) return null;
  const suffix = m[2] === "委员会" ? "委" : (m[2] as string);
  let stem = m[1] as string;
  // 城乡规划管理局 → 城乡规划; 城市管理局 keeps its 管理 (one word would be left).
  if (suffix === "局") stem = stem.replace(/^(.{4,})管理$/, "$1");
  const words: string[] = [];
  for (let i = 0; i < stem.length; ) {
    if (words.length > 0 && CONNECTIVES.includes(stem[i] as string)) {
      i++;
      continue;
    }
    const w = stem.slice(i, i + 2);
    if (w.length < 2 || CONNECTIVES.includes(w[1] as string)) return null;
    words.push(w);
    i += 2;
  }
  if (words.length !== 2) return null;
  return words.map((w) => w[0]).join("") + suffix;
}

/** An organ name ending like this is a department a question may name on its own (公安局, 发改委). */
const ORGAN_END = /(局|委员会|委|厅|办公室|办|管委会|署)$/;

/** The head of a sub-unit's name (生态环境局|东湖分局): an organ name, then the sub-unit's own part. */
const SUB_UNIT = /^(.+?(?:局|委员会|委|厅))(.+(?:分局|支队|大队|中队|所|站))$/;

/**
 * The forms of an organ name, the name itself first: 发展和改革局 → [发展和改革局, 发改局, 发展改革局];
 * 文化旅游局 → [文化旅游局, 文旅局]; a sub-unit keeps its own part: 生态环境局东湖分局 → […, 环保局东湖分局].
 */
export function organForms(organ: string): string[] {
  const out = new Set([organ]);
  const listed = SHORT_FORMS[organ];
  if (listed) for (const s of listed) out.add(s);
  else {
    const a = abbreviate(organ);
    if (a) out.add(a);
    // 委员会 is also said 委 (卫生健康委员会 → 卫生健康委); 管理委员会 is 管委会.
    if (/管理委员会$/.test(organ)) out.add(organ.replace(/管理委员会$/, "管委会"));
    else if (/..委员会$/.test(organ)) out.add(organ.replace(/委员会$/, "委"));
    const sub = SUB_UNIT.exec(organ);
    if (sub) for (const f of organForms(sub[1] as string)) out.add(f + (sub[2] as string));
  }
  return [...out];
}

/**
 * Organs also named by their bare stem, but only right after a place name (舟山公安, 灵丘税务): on
 * its own the stem is an ordinary word (or a place: 公安县).
 */
const STEM_AFTER_PLACE: Record<string, string> = { 公安局: "公安", 税务局: "税务" };

/** The forms of an organ usable only after a place name: 公安局 → [公安]. */
export function formsAfterPlace(organ: string): string[] {
  const stem = STEM_AFTER_PLACE[organ];
  return stem ? [stem] : [];
}

/** Whether a department may be named by an organ form alone ("公安局2022年…"): three characters or more, ending like an organ. */
export function standsAlone(form: string): boolean {
  return form.length >= 3 && ORGAN_END.test(form);
}

/**
 * Development zones named after a place (舟山群岛新区, 灌南经济开发区) and the generic words
 * for them, longest first. Every zone is also a 区.
 */
export const ZONES: readonly { suffix: string; forms: readonly string[] }[] = [
  { suffix: "高新技术产业开发区", forms: ["高新区", "开发区"] },
  { suffix: "经济技术开发区", forms: ["经开区", "开发区"] },
  { suffix: "高新技术开发区", forms: ["高新区", "开发区"] },
  { suffix: "经济开发区", forms: ["经开区", "开发区"] },
  { suffix: "综合实验区", forms: ["实验区"] },
  { suffix: "综合试验区", forms: ["试验区"] },
  { suffix: "工业园区", forms: ["园区"] },
  { suffix: "高新区", forms: [] },
  { suffix: "开发区", forms: [] },
  { suffix: "实验区", forms: [] },
  { suffix: "试验区", forms: [] },
  { suffix: "新区", forms: [] },
];

/** The level words a body's own place goes by when its name is left out (区公安局, 县发改局). */
export const LEVEL_WORDS = ["省", "市", "县", "区", "旗", "州", "盟"] as const;

/** Every generic place word, longest first: the zone words, then the level words. */
const GENERIC_PLACES: readonly string[] = [
  ...new Set([...ZONES.flatMap((z) => [z.suffix, ...z.forms]), ...LEVEL_WORDS].sort((a, b) => b.length - a.length)),
];

/**
 * When `alias` names `body` by its organ alone, possibly after a generic place word (公安局, 区公安局,
 * 实验区公安局 for 舟山群岛新区公安局; 县发改局 for 灌南县发展和改革局): that place word ("" for
 * none). Null when the alias carries the body's own place name (舟山公安局) or is the whole name.
 */
export function organAlias(alias: string, body: string): { place: string } | null {
  if (alias === body) return null;
  const forms = new Set<string>();
  for (let i = 1; i < body.length - 1; i++) for (const f of organForms(body.slice(i))) forms.add(f);
  for (const w of GENERIC_PLACES) if (alias.startsWith(w) && forms.has(alias.slice(w.length))) return { place: w };
  return forms.has(alias) ? { place: "" } : null;
}
