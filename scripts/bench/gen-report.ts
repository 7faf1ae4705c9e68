/**
 * One synthetic report: a page header like the seed report's, a preamble, sections 一…六 with
 * prose of realistic length (3–6 KB) and figures in it, and tables 二/三/四 in one of the text
 * forms the parser reads. Also returns the questions it can answer and the figures they expect.
 */

import type { TemplateVersion } from "../../src/core/template.js";
import { type Form, makeTables, type Tables, tableLines } from "./gen-tables.js";
import type { Random } from "./random.js";

export interface Question {
  q: string;
  kind: "table" | "prose";
  /** The figure as printed that the first fact of the answer must carry. */
  expect: string;
}

export interface GeneratedReport {
  text: string;
  questions: Question[];
}

const FILLER: Record<string, string[]> = {
  一: [
    "{body}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，不断深化政务公开，切实保障人民群众的知情权、参与权、表达权和监督权。",
    "严格落实“谁发布、谁负责”和“先审查、后公开”的原则，建立健全信息发布审核机制，确保公开信息准确、规范、及时。",
    "聚焦财政预决算、“三公”经费、重大建设项目、公共资源配置、社会公益事业等重点领域，持续加大信息公开力度。",
    "围绕优化营商环境、乡村振兴、安全生产、生态环境保护等群众关注的热点，及时发布相关政策和工作动态。",
    "进一步规范政府信息公开申请的受理、审查、办理、答复等环节，严格按照法定时限和程序答复，依法保障申请人合法权益。",
    "对申请内容不明确的，及时告知申请人作出补正；对不属于本机关公开职责的，告知申请人并说明理由。",
    "认真开展政府信息管理，对本机关制发的规范性文件进行全面梳理，动态更新政府信息公开目录。",
    "按照政府网站集约化建设要求，优化政府门户网站栏目设置，完善信息公开专栏，提高网站的易用性和可读性。",
    "充分发挥政务新媒体作用，及时转载权威信息，扩大政策传播覆盖面，增强与群众的互动交流。",
    "将政务公开工作纳入年度目标责任考核，明确分管领导和工作人员，层层压实工作责任。",
    "加强对政府信息公开工作的日常监督检查，对发现的问题督促限期整改，确保各项工作落到实处。",
  ],
  五: [
    "本年度政府信息公开工作虽取得一定成效，但仍存在一些问题：一是部分领域信息公开不够及时，更新频率有待提高；二是政策解读形式较为单一，图解、视频等解读形式运用不多。",
    "三是工作人员业务能力有待加强，对新修订条例的理解和把握还不够深入，依申请公开答复的规范性有待提升。",
    "下一步，将进一步加强组织领导，完善工作机制，推动政府信息公开工作制度化、规范化、标准化。",
    "加大重点领域信息公开力度，丰富政策解读形式，及时回应社会关切，提高公开质量和实效。",
    "加强业务培训，提高工作人员的政策水平和业务能力，确保依申请公开工作依法依规办理。",
    "对照上一年度发现的问题逐项整改，已完成网站栏目优化调整和历史信息清理，整改工作取得明显成效。",
  ],
};

function paragraph(rnd: Random, section: "一" | "五", body: string, n: number): string {
  const pool = FILLER[section] as string[];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rnd.pick(pool).replace("{body}", body));
  return out.join("");
}

export interface ReportSpec {
  body: string;
  /** The short place name people use for the body's county, e.g. "灵丘县". */
  place: string;
  year: number;
  form: Form;
  seedUrl: string;
}

function t3Tot(t: Tables, id: string): number {
  return (t.t3.get(id) as number[])[6] as number;
}

/** The report text and the questions it answers. */
export function generateReport(spec: ReportSpec, rnd: Random): GeneratedReport {
  const { body, year, form } = spec;
  const version: TemplateVersion = year >= 2021 ? "2021" : "2019";
  const tables = makeTables(version, rnd, form);
  const lines = tableLines(tables, form);
  const title = `${body}${year}年政府信息公开工作年度报告`;
  const month = rnd.int(1, 3);
  const day = rnd.int(1, 28);
  const published = `${year + 1}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const fig = {
    info: rnd.int(200, 60000),
    policy: rnd.int(3, 400),
    press: rnd.int(1, 90),
    hotline: rnd.int(100, 40000),
    training: rnd.int(1, 30),
    trainees: rnd.int(20, 2000),
    checks: rnd.int(2, 12),
    fee: rnd.int(0, 3) === 0 ? rnd.int(20, 900) : 0,
  };
  const text = [
    `索引号: | ${spec.seedUrl.slice(-12)} | 文号: | |`,
    `发布机构: | ${body} | 发布日期: | ${published} |`,
    `标题: | ${title} | 主题词: | 信息公开 年度报告 |`,
    title,
    `发布时间:${published} 09:30 来源:${spec.place}人民政府网`,
    title,
    `本报告根据《中华人民共和国政府信息公开条例》的要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本年度报告中所列数据统计期限为${year}年1月1日至12月31日。本报告电子版可在${spec.place}人民政府门户网站（${spec.seedUrl}）下载。`,
    "一、总体情况",
    `（一）主动公开。${paragraph(rnd, "一", body, 2)}全年通过政府门户网站主动公开政府信息${fig.info}条。围绕重要政策文件发布政策解读${fig.policy}篇，做到政策文件与解读材料同步起草、同步审签、同步发布。全年共举办新闻发布会${fig.press}场。`,
    `（二）依申请公开。${paragraph(rnd, "一", body, 1)}全年共收到政府信息公开申请${t3Tot(tables, "new")}件，上年结转${t3Tot(tables, "carried_in")}件，办结${t3Tot(tables, "total")}件，结转下年度继续办理${t3Tot(tables, "carried_out")}件。`,
    `（三）政府信息管理。${paragraph(rnd, "一", body, 2)}`,
    `（四）政府信息公开平台建设。${paragraph(rnd, "一", body, 2)}“12345”政务服务便民热线、“政民互动”栏目共受理群众诉求${fig.hotline}件，按期办结率100%。`,
    `（五）监督保障。${paragraph(rnd, "一", body, 2)}全年开展政府信息公开专题培训${fig.training}次，参训人员${fig.trainees}人次。对政府网站开展专项检查${fig.checks}次。`,
    "二、主动公开政府信息情况",
    ...lines.t2,
    "三、收到和处理政府信息公开申请情况",
    ...lines.t3,
    "四、政府信息公开行政复议、行政诉讼情况",
    ...lines.t4,
    "五、存在的主要问题及改进情况",
    paragraph(rnd, "五", body, 3),
    paragraph(rnd, "五", body, 3),
    "六、其他需要报告的事项",
    version === "2021"
      ? fig.fee > 0
        ? `依据《政府信息公开信息处理费管理办法》规定，本年度实际收取信息处理费共计${fig.fee}元。`
        : "本年度未收取信息处理费。无其他需要报告的事项。"
      : "无。",
    `${body}`,
    `${published.slice(0, 4)}年${month}月${day}日`,
  ].join("\n");

  const t2 = (label: string) => tables.t2.flatMap((b) => b.rows).find((r) => r.label === label)?.cells ?? [];
  const penalty = t2("行政处罚");
  const questions: Question[] = [
    { q: `${year}年${body}行政处罚多少`, kind: "table", expect: (penalty[0] ?? "") as string },
    { q: `${body}${year}年收到多少件政府信息公开申请`, kind: "table", expect: String(t3Tot(tables, "new")) },
    { q: `${body}${year}年被行政复议几次`, kind: "table", expect: String(tables.t4[4]) },
    { q: `${year}年${body}因本机关不掌握相关政府信息无法提供的有多少`, kind: "table", expect: String(t3Tot(tables, "not_held")) },
    { q: `${body}${year}年举办了多少场新闻发布会`, kind: "prose", expect: String(fig.press) },
    { q: `${body}${year}年发布政策解读多少篇`, kind: "prose", expect: String(fig.policy) },
    { q: `${body}${year}年12345热线受理群众诉求多少件`, kind: "prose", expect: String(fig.hotline) },
  ];
  return { text, questions };
}
