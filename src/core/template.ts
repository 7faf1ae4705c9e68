/**
 * The one table of truth for the national report template (report-format.md §2–§6):
 * both versions, tables 二/三/四, every row and column with its printed label, the
 * variants real reports print, its unit, its plain-words meaning and the everyday
 * words people use for it. The parser, the checks, the question understanding and
 * the answer text all read this module; a new synonym is one edit here.
 */

export type TemplateVersion = "2019" | "2021";
export type TableId = "二" | "三" | "四";

export interface ColumnDef {
  /** Stable id, unique within its table/block. */
  id: string;
  /** The label as the national template prints it. */
  label: string;
  /** Core keywords (already in label-key form) that identify this column header. */
  keys: string[];
  unit: string | null;
  meaning: string;
  /** Values may be negative (2019 本年增/减). */
  signed?: boolean;
  /** Values may be decimal money amounts with a unit suffix. */
  money?: boolean;
  /** Words in a question that pick this column. */
  words: string[];
}

export interface RowDef {
  id: string;
  label: string;
  /**
   * Core keywords (label-key form); the longest keyword found in a printed label wins. Leading
   * parts are listed too where PDF text wraps a label around its values ("…大量反复申" / 0 0 0 / "请").
   */
  keys: string[];
  meaning: string;
  /** Everyday words that name this row in a question. */
  words: string[];
  /** Group heading the row sits under (table 三), e.g. "（三）不予公开". */
  group?: string;
}

/** A block of table 二 (第二十条第（N）项) or a whole table (三, 四). */
export interface BlockDef {
  table: TableId;
  /** Table 二 item, e.g. "（六）"; null for 三 and 四. */
  item: string | null;
  title: string;
  columns: ColumnDef[];
  rows: RowDef[];
}

const col = (
  id: string,
  label: string,
  keys: string[],
  unit: string | null,
  meaning: string,
  words: string[] = [],
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({ id, label, keys, unit, meaning, words, ...extra });

const row = (id: string, label: string, keys: string[], meaning: string, words: string[] = [], group?: string): RowDef => ({
  id,
  label,
  keys,
  meaning,
  words,
  ...(group ? { group } : {}),
});

// ---------- Table 二 columns ----------
const C19_MADE = col("new_made", "本年新制作数量", ["本年新制作", "新制作数量", "新制作"], "件", "本年新起草制定并印发的件数", [
  "新制作",
  "制作",
  "制定",
  "新出台",
  "出台",
  "发布",
  "印发",
]);
const C19_PUBLISHED = col(
  "new_published",
  "本年新公开数量",
  ["本年新公开", "新公开数量", "新公开"],
  "件",
  "本年新公开的件数（可含以前制作、今年才公开的）",
  ["新公开", "公开了"],
);
const C19_TOTAL_PUBLIC = col(
  "total_public",
  "对外公开总数量",
  ["对外公开总数", "公开总数量", "对外公开"],
  "件",
  "累计对外公开的总件数（部分机关填的是现行有效件数）；不可与2021版的现行有效件数直接比较",
  ["总数", "累计", "一共公开", "总共"],
);
const C19_PREV_ITEMS = col(
  "prev_items",
  "上一年项目数量",
  ["上一年项目数量", "上一年项目", "上年项目数量", "项目数量"],
  "项",
  "上一年末该机关负责的事项（项目）种类数，来自权责清单/事项清单；不是处理决定的件数，也不是金额",
  ["项目数", "事项数", "多少项", "几项", "事项", "清单", "种类", "多少种"],
);
const C19_CHANGE = col(
  "change",
  "本年增/减",
  ["本年增减", "增减", "本年增/减"],
  "项",
  "本年事项（项目）数量的净增减，可为负数",
  ["增减", "增加", "减少", "变化", "增/减"],
  { signed: true },
);
const C19_DECISIONS = col(
  "decisions",
  "处理决定数量",
  ["处理决定数量", "处理决定", "决定数量"],
  "件",
  "本年实际作出的处理决定件数（办件量）；这是2019版中唯一可与2021版“本年处理决定数量”比较的数字",
  ["处理决定", "决定", "办件", "作出", "做出", "罚了", "处罚了", "多少件", "几件", "件数", "案件"],
);
const C19_FEE_PREV = col(
  "prev_items",
  "上一年项目数量",
  ["上一年项目数量", "上一年项目", "上年项目数量", "项目数量"],
  "项",
  "上一年末的收费项目数（多少种收费），不是收费金额",
  ["项目数", "多少项", "几项", "种类", "多少种"],
);
const C19_PROC_COUNT = col("proc_count", "采购项目数量", ["采购项目数量", "采购项目数", "项目数量"], "项", "本年政府集中采购项目的个数", [
  "项目数",
  "多少项",
  "几项",
  "个数",
  "多少个",
]);
const C19_PROC_AMOUNT = col(
  "proc_amount",
  "采购总金额",
  ["采购总金额", "总金额", "金额"],
  null,
  "本年政府集中采购的总金额（单位以报告所写为准，元或万元）",
  ["金额", "多少钱", "总额", "花了"],
  { money: true },
);

const C21_MADE = col("made", "本年制发件数", ["本年制发件数", "制发件数", "本年制发", "制发"], "件", "本年新制定并印发的件数", [
  "制发",
  "新制定",
  "制定",
  "出台",
  "新出台",
  "印发",
  "发布",
  "发了",
]);
const C21_REPEALED = col("repealed", "本年废止件数", ["本年废止件数", "废止件数", "本年废止", "废止"], "件", "本年废止的件数", [
  "废止",
  "废除",
  "取消",
]);
const C21_IN_FORCE = col(
  "in_force",
  "现行有效件数",
  ["现行有效件数", "现行有效件", "现行有效"],
  "件",
  "年末仍然现行有效的件数（存量，不是当年新增）",
  ["现行有效", "有效", "现行", "存量"],
);
const C21_DECISIONS = col(
  "decisions",
  "本年处理决定数量",
  ["本年处理决定数量", "处理决定数量", "处理决定", "决定数量"],
  "件",
  "本年作出的处理决定件数（办件量），不是事项种类数",
  ["处理决定", "决定", "办件", "作出", "做出", "罚了", "处罚了", "多少件", "件数", "案件"],
);
const C21_FEE_AMOUNT = col(
  "fee_amount",
  "本年收费金额（单位：万元）",
  ["本年收费金额", "收费金额", "金额"],
  "万元",
  "本年收取的行政事业性收费总额，单位万元（12.5即12.5万元）；不是信息处理费",
  ["金额", "多少钱", "收了", "收费额"],
  { money: true },
);

// ---------- Table 二 rows ----------
const R_RULES = row("rules", "规章", ["规章"], "政府规章：只有省级政府、设区的市和自治州政府、国务院部门能制定，县级机关通常填0", ["规章"]);
const R_NORMATIVE_2019 = row(
  "normative",
  "规范性文件",
  ["行政规范性文件", "规范性文件"],
  "规范性文件（红头文件中对公众设定权利义务的那类）",
  ["规范性文件", "红头文件", "规范文件"],
);
const R_NORMATIVE_2021 = { ...R_NORMATIVE_2019, label: "行政规范性文件" };
const R_LICENSE = row("license", "行政许可", ["行政许可"], "行政许可（审批、许可证）", ["行政许可", "许可", "审批"]);
const R_OTHER_SERVICE = row(
  "other_service",
  "其他对外管理服务事项",
  ["其他对外管理服务事项", "对外管理服务", "其他对外管理"],
  "行政许可以外的其他对外管理和服务事项（如行政确认、奖励、给付、检查、公共服务事项）",
  ["其他对外管理服务", "对外管理服务", "管理服务事项"],
);
const R_PENALTY = row("penalty", "行政处罚", ["行政处罚"], "行政处罚（罚款、没收、责令停产停业等）", ["行政处罚", "处罚", "罚款", "罚了"]);
const R_COERCION = row("coercion", "行政强制", ["行政强制"], "行政强制措施和强制执行（查封、扣押、冻结等）", [
  "行政强制",
  "强制措施",
  "强制执行",
  "查封",
  "扣押",
]);
const R_FEES = row("fees", "行政事业性收费", ["行政事业性收费", "事业性收费"], "行政事业性收费；不是政府信息公开的信息处理费", [
  "行政事业性收费",
  "事业性收费",
  "收费",
]);
const R_PROCUREMENT = row("procurement", "政府集中采购", ["政府集中采购", "集中采购"], "政府集中采购项目", [
  "政府集中采购",
  "集中采购",
  "政府采购",
  "采购",
]);

// ---------- Table 三 ----------
const T3_COLUMNS: ColumnDef[] = [
  col("np", "自然人", ["自然人"], "件", "个人（自然人）提出的申请", ["自然人", "个人", "老百姓", "群众", "公民"]),
  col("com", "商业企业", ["商业企业"], "件", "商业企业提出的申请", ["商业企业", "企业", "公司"]),
  col("res", "科研机构", ["科研机构"], "件", "科研机构提出的申请", ["科研机构", "科研"]),
  col("ngo", "社会公益组织", ["社会公益组织", "社会公益"], "件", "社会公益组织提出的申请", ["社会公益组织", "公益组织", "公益"]),
  col("law", "法律服务机构", ["法律服务机构", "法律服务"], "件", "律师事务所等法律服务机构提出的申请", [
    "法律服务机构",
    "律师",
    "律所",
    "法律服务",
  ]),
  col("oth", "其他", ["其他组织", "其他"], "件", "其他法人或组织提出的申请", ["其他组织"]),
  col("tot", "总计", ["总计", "合计"], "件", "全部申请人合计", ["总计", "合计", "总共", "一共", "全部"]),
];

/**
 * Table 三's merged header over the five legal-person columns: a question about 法人或其他组织 as a
 * whole is answered with their sum, a derived figure (the template prints no such total).
 */
export const LEGAL_PERSON = {
  label: "法人或其他组织",
  columns: ["com", "res", "ngo", "law", "oth"],
  words: ["法人或其他组织", "法人或者其他组织", "法人和其他组织", "自然人以外", "非自然人", "法人", "单位和组织"],
};

const G3 = "（三）不予公开";
const G4 = "（四）无法提供";
const G5 = "（五）不予处理";
const G6 = "（六）其他处理";

const T3_HEAD_ROWS: RowDef[] = [
  row("new", "一、本年新收政府信息公开申请数量", ["本年新收", "新收政府信息公开申请"], "本年新收到的政府信息公开申请数", [
    "新收",
    "收到申请",
    "受理申请",
    "申请数",
    "多少申请",
    "申请量",
    "申请了",
  ]),
  row("carried_in", "二、上年结转政府信息公开申请数量", ["上年结转"], "上一年未办完、结转到本年的申请数", [
    "上年结转",
    "去年结转",
    "结转过来",
  ]),
  row("granted", "（一）予以公开", ["予以公开"], "全部予以公开的申请数", ["予以公开", "全部公开", "同意公开"]),
  row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["部分公开"], "部分公开（区分处理）的申请数", [
    "部分公开",
    "区分处理",
  ]),
  row("secret", "1.属于国家秘密", ["属于国家秘密", "国家秘密"], "因属于国家秘密不予公开", ["国家秘密"], G3),
  row(
    "law_forbids",
    "2.其他法律行政法规禁止公开",
    ["其他法律行政法规禁止公开", "法律行政法规禁止公开", "禁止公开", "法律行政法规禁止"],
    "因其他法律、行政法规禁止公开而不予公开",
    ["法律行政法规禁止", "法规禁止"],
    G3,
  ),
  row(
    "security",
    "3.危及“三安全一稳定”",
    ["危及三安全一稳定", "三安全一稳定"],
    "公开后可能危及国家安全、公共安全、经济安全、社会稳定而不予公开",
    ["三安全一稳定", "危及安全"],
    G3,
  ),
  row(
    "third_party",
    "4.保护第三方合法权益",
    ["保护第三方合法权益", "第三方合法权益", "第三方"],
    "为保护第三方合法权益（商业秘密、个人隐私等）不予公开",
    ["第三方", "个人隐私", "商业秘密"],
    G3,
  ),
  row(
    "internal",
    "5.属于三类内部事务信息",
    ["三类内部事务信息", "内部事务"],
    "属于人事、后勤、内部工作流程等内部事务信息",
    ["内部事务"],
    G3,
  ),
  row(
    "process",
    "6.属于四类过程性信息",
    ["四类过程性信息", "过程性信息"],
    "属于讨论记录、过程稿、磋商函件、请示报告等过程性信息",
    ["过程性信息", "过程性"],
    G3,
  ),
  row("case_file", "7.属于行政执法案卷", ["行政执法案卷", "执法案卷"], "属于行政执法案卷", ["执法案卷"], G3),
  row("query", "8.属于行政查询事项", ["行政查询事项", "查询事项"], "属于通过专门查询程序办理的行政查询事项", ["行政查询", "查询事项"], G3),
  row(
    "not_held",
    "1.本机关不掌握相关政府信息",
    ["本机关不掌握", "不掌握相关政府信息", "不掌握"],
    "本机关不掌握相关政府信息",
    ["不掌握", "没有该信息"],
    G4,
  ),
  row(
    "must_create",
    "2.没有现成信息需要另行制作",
    ["没有现成信息需要另行制作", "没有现成信息", "另行制作"],
    "没有现成信息、需要另行制作",
    ["没有现成信息", "另行制作"],
    G4,
  ),
  row(
    "unclear",
    "3.补正后申请内容仍不明确",
    ["补正后申请内容仍不明确", "仍不明确", "申请内容不明确", "补正后申请内容"],
    "经补正后申请内容仍不明确",
    ["内容不明确", "仍不明确"],
    G4,
  ),
  row(
    "petition",
    "1.信访举报投诉类申请",
    ["信访举报投诉类申请", "信访举报投诉", "信访"],
    "实为信访、举报、投诉的申请",
    ["信访", "举报", "投诉"],
    G5,
  ),
  row("repeat", "2.重复申请", ["重复申请"], "重复申请", ["重复申请"], G5),
  row("publication", "3.要求提供公开出版物", ["要求提供公开出版物", "公开出版物"], "要求提供公开出版物", ["公开出版物", "出版物"], G5),
  row(
    "mass_repeat",
    "4.无正当理由大量反复申请",
    ["无正当理由大量反复申请", "大量反复申请", "大量反复"],
    "无正当理由大量反复申请",
    ["大量反复", "反复申请"],
    G5,
  ),
  row(
    "confirm",
    "5.要求行政机关确认或重新出具已获取信息",
    ["要求行政机关确认或重新出具已获取信息", "重新出具", "确认或重新出具", "要求行政机关确认"],
    "要求行政机关确认或重新出具已获取的信息",
    ["重新出具", "确认已获取"],
    G5,
  ),
];

const T3_TAIL_ROWS: RowDef[] = [
  row("total", "（七）总计", ["七总计", "七合计", "办理结果总计"], "本年办结的申请总数（各种办理结果之和）", [
    "办理结果总计",
    "办结",
    "办理了",
    "答复",
    "处理了",
    "办理总数",
  ]),
  row(
    "carried_out",
    "四、结转下年度继续办理",
    ["结转下年度继续办理", "结转下年度", "结转下年"],
    "年末尚未办完、结转到下一年继续办理的申请数",
    ["结转下年", "结转到下一年", "结转明年", "未办结", "没办完"],
  ),
];

const T3_OTHER_2019 = row("other", "（六）其他处理", ["六其他处理", "其他处理"], "其他处理（2019版为一行）", ["其他处理"]);
const T3_OTHER_2021: RowDef[] = [
  row(
    "no_correction",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ["逾期不补正", "不补正", "申请人无正当理由"],
    "申请人无正当理由逾期不补正，视为放弃",
    ["逾期不补正", "不补正"],
    G6,
  ),
  row(
    "no_fee",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ["逾期未按收费通知要求缴纳费用", "收费通知", "缴纳费用", "申请人逾期未按"],
    "申请人逾期未缴纳信息处理费，视为放弃",
    ["未缴费", "缴纳费用", "收费通知", "不缴纳", "未缴纳", "没缴费", "没有缴费", "不交费", "未交费", "缴费"],
    G6,
  ),
  row("other", "3.其他", ["3其他"], "其他处理（如申请人撤回申请）", ["撤回"], G6),
];

// ---------- Table 四 ----------
const T4_RESULT_COLUMNS: ColumnDef[] = [
  col("upheld", "结果维持", ["结果维持", "维持"], "件", "机关的决定被维持", ["维持", "胜诉", "赢"]),
  col("corrected", "结果纠正", ["结果纠正", "纠正"], "件", "机关的行为被撤销、变更、责令重做或确认违法（机关“输了”）", [
    "纠正",
    "撤销",
    "败诉",
    "输",
    "确认违法",
  ]),
  col("other", "其他结果", ["其他结果"], "件", "其他结果，如撤回、终止、驳回", ["其他结果", "撤回", "驳回", "终止"]),
  col("pending", "尚未审结", ["尚未审结", "未审结"], "件", "年末尚未审结", [
    "尚未审结",
    "未审结",
    "还没审结",
    "没审结",
    "没有审结",
    "还没审",
    "在审",
  ]),
  col("total", "总计", ["总计", "合计"], "件", "该类案件总数", ["总计", "合计", "一共", "总共"]),
];
const T4_ROWS: RowDef[] = [
  row("review", "行政复议", ["行政复议"], "行政复议：向上级行政机关申请复查该机关的信息公开处理", ["行政复议", "复议", "被复议"]),
  row("suit_direct", "行政诉讼·未经复议直接起诉", ["未经复议直接起诉", "直接起诉"], "未经复议、直接向法院提起的行政诉讼", [
    "直接起诉",
    "未经复议",
  ]),
  row("suit_after", "行政诉讼·复议后起诉", ["复议后起诉"], "经过行政复议后又向法院提起的行政诉讼", ["复议后起诉", "复议后"]),
];

/** Everyday words for 行政诉讼 as a whole: answered with both 诉讼 groups' totals. */
export const LAWSUIT_WORDS = ["行政诉讼", "诉讼", "起诉", "打官司", "官司", "被告", "告上法庭", "被起诉", "被告了"];

// ---------- Blocks per version ----------
const T2_2019: BlockDef[] = [
  {
    table: "二",
    item: "（一）",
    title: "第二十条第（一）项",
    columns: [C19_MADE, C19_PUBLISHED, C19_TOTAL_PUBLIC],
    rows: [R_RULES, R_NORMATIVE_2019],
  },
  {
    table: "二",
    item: "（五）",
    title: "第二十条第（五）项",
    columns: [C19_PREV_ITEMS, C19_CHANGE, C19_DECISIONS],
    rows: [R_LICENSE, R_OTHER_SERVICE],
  },
  {
    table: "二",
    item: "（六）",
    title: "第二十条第（六）项",
    columns: [C19_PREV_ITEMS, C19_CHANGE, C19_DECISIONS],
    rows: [R_PENALTY, R_COERCION],
  },
  { table: "二", item: "（八）", title: "第二十条第（八）项", columns: [C19_FEE_PREV, C19_CHANGE], rows: [R_FEES] },
  { table: "二", item: "（九）", title: "第二十条第（九）项", columns: [C19_PROC_COUNT, C19_PROC_AMOUNT], rows: [R_PROCUREMENT] },
];
const T2_2021: BlockDef[] = [
  {
    table: "二",
    item: "（一）",
    title: "第二十条第（一）项",
    columns: [C21_MADE, C21_REPEALED, C21_IN_FORCE],
    rows: [R_RULES, R_NORMATIVE_2021],
  },
  { table: "二", item: "（五）", title: "第二十条第（五）项", columns: [C21_DECISIONS], rows: [R_LICENSE] },
  { table: "二", item: "（六）", title: "第二十条第（六）项", columns: [C21_DECISIONS], rows: [R_PENALTY, R_COERCION] },
  { table: "二", item: "（八）", title: "第二十条第（八）项", columns: [C21_FEE_AMOUNT], rows: [R_FEES] },
];

const T3_2019: BlockDef = {
  table: "三",
  item: null,
  title: "收到和处理政府信息公开申请情况",
  columns: T3_COLUMNS,
  rows: [...T3_HEAD_ROWS, T3_OTHER_2019, ...T3_TAIL_ROWS],
};
const T3_2021: BlockDef = {
  table: "三",
  item: null,
  title: "收到和处理政府信息公开申请情况",
  columns: T3_COLUMNS,
  rows: [...T3_HEAD_ROWS, ...T3_OTHER_2021, ...T3_TAIL_ROWS],
};
const T4: BlockDef = {
  table: "四",
  item: null,
  title: "政府信息公开行政复议、行政诉讼情况",
  columns: T4_RESULT_COLUMNS,
  rows: T4_ROWS,
};

export interface TemplateDef {
  version: TemplateVersion;
  /** Where it came from, for the answer text. */
  source: string;
  blocks: BlockDef[];
}

export const TEMPLATES: Record<TemplateVersion, TemplateDef> = {
  "2019": {
    version: "2019",
    source: "国办公开办函〔2019〕60号《政府信息公开工作年度报告格式（试行）》",
    blocks: [...T2_2019, T3_2019, T4],
  },
  "2021": {
    version: "2021",
    source: "国办公开办函〔2021〕30号《政府信息公开工作年度报告格式》",
    blocks: [...T2_2021, T3_2021, T4],
  },
};

/** Table 二 block captions, keyed by item, in label-key form. */
export const ITEM_KEYS: Record<string, string[]> = {
  "（一）": ["第二十条第一项", "第一项"],
  "（五）": ["第二十条第五项", "第五项"],
  "（六）": ["第二十条第六项", "第六项"],
  "（八）": ["第二十条第八项", "第八项"],
  "（九）": ["第二十条第九项", "第九项"],
};

/** Header labels that tell the versions apart (label-key form). */
export const VERSION_CUES: Record<TemplateVersion, string[]> = {
  "2019": [
    "新制作数量",
    "新公开数量",
    "对外公开总数",
    "上一年项目",
    "本年增减",
    "采购项目数量",
    "采购总金额",
    "政府集中采购",
    "其他对外管理服务事项",
  ],
  "2021": ["制发件数", "废止件数", "现行有效件", "收费金额", "本年处理决定", "逾期不补正", "收费通知"],
};

/**
 * Section headings (§7.1), with the keywords that identify each in label-key form. `strong`
 * keywords are specific enough to accept a heading whose ordinal is wrong ("五、政府信息公开
 * 行政复议、行政诉讼情况" where 四 was meant): §7.1 notes misnumbered headings occur.
 */
export const SECTIONS = [
  { id: "一", title: "一、总体情况", keys: ["总体情况"], strong: ["总体情况"] },
  {
    id: "二",
    title: "二、主动公开政府信息情况",
    keys: ["主动公开政府信息情况", "主动公开政府信息"],
    strong: ["主动公开政府信息情况"],
  },
  {
    id: "三",
    title: "三、收到和处理政府信息公开申请情况",
    keys: ["收到和处理政府信息公开申请", "依申请公开政府信息情况", "收到和处理"],
    strong: ["收到和处理政府信息公开申请", "依申请公开政府信息情况"],
  },
  {
    id: "四",
    title: "四、政府信息公开行政复议、行政诉讼情况",
    keys: ["行政复议", "行政诉讼"],
    strong: ["政府信息公开行政复议", "行政复议行政诉讼", "行政复议和行政诉讼", "行政复议和提起行政诉讼"],
  },
  {
    id: "五",
    title: "五、存在的主要问题及改进情况",
    keys: ["存在的主要问题", "存在问题", "主要问题", "改进情况", "改进措施"],
    strong: ["存在的主要问题", "存在问题", "问题及改进", "问题和改进"],
  },
  { id: "六", title: "六、其他需要报告的事项", keys: ["其他需要报告", "其他事项"], strong: ["其他需要报告"] },
] as const;

/** Every block of a version, by table. */
export function blocksOf(version: TemplateVersion, table?: TableId): BlockDef[] {
  const all = TEMPLATES[version].blocks;
  return table ? all.filter((b) => b.table === table) : all;
}

/** Number of published cells a version has (22 + 161 + 15 for 2019; 10 + 175 + 15 for 2021). */
export function cellCount(version: TemplateVersion): number {
  return blocksOf(version).reduce((n, b) => n + b.rows.length * b.columns.length, 0);
}

/** Table 三 groups that have no subtotal row: a question about one gets its sub-rows. */
export const T3_GROUPS: { group: string; words: string[] }[] = [
  { group: "（三）不予公开", words: ["不予公开", "不公开", "拒绝公开", "没有公开"] },
  { group: "（四）无法提供", words: ["无法提供", "不能提供"] },
  { group: "（五）不予处理", words: ["不予处理", "不处理"] },
  { group: "（六）其他处理", words: ["其他处理"] },
];

/** Words that mean something else than the row their substring names (信息处理费 is not 行政事业性收费). */
export const ROW_EXCLUSIONS: Record<string, string[]> = {
  fees: ["信息处理费", "处理费"],
  new: ["行政复议申请", "复议申请"],
  total: ["办结率", "答复率"],
};
