/**
 * Questions answered through the Node app and through the Worker, whose JSON must be identical
 * (tests/worker/parity.test.ts). The seed questions of tests/core/answer/ask-seed.test.ts plus the
 * replies that read other parts of the store: prose search, unknown places and years, bad input.
 */

export const PARITY_QUESTIONS = [
  "2019年灵丘行政处罚多少",
  "灵丘县2019年行政许可多少项",
  "2019年灵丘行政强制多少",
  "2019年靈丘行政處罰多少",
  "大同灵丘19年行政处罚多少",
  "二〇一九年山西灵丘县政府行政许可多少",
  "灵丘2019年收到多少件政府信息公开申请",
  "灵丘2019年被行政复议多少次",
  "灵丘2019年12345热线和政民互动共收到多少件信息",
  "灵丘2019年召开了多少场新闻发布会",
  "灵丘2020年行政处罚多少",
  "灵丘行政处罚多少",
  "去年灵丘行政处罚多少",
  "北京2019年行政处罚多少",
  "2019年行政处罚多少",
  "",
  "'; DROP TABLE facts; --",
  "<script>alert(1)</script>灵丘",
  "🙂🙂🙂",
];

/**
 * Comparisons (compare.ts), asked of the multi-year corpus (corpus/ as shipped) through both apps
 * (tests/worker/parity-compare.test.ts): series, changes, a refused change, rankings, a total.
 */
export const COMPARE_QUESTIONS = [
  "平潭公安局历年行政复议",
  "平潭公安局2019到2024年收到申请",
  "平潭市场监督管理局2019到2023年行政处罚",
  "市监局2023年行政复议比2021年多几件",
  "平潭公安局2024年收到申请比2022年增长率",
  "市监局2023年行政处罚项目数量比2019年多几件",
  "平潭各部门2023年收到申请排名",
  "平潭各部门2023年收到申请前二",
  "平潭各部门2023年收到申请合计",
  "大同各区县2019年谁被起诉最多",
];

/** One answer as the Node app served it: the question, the HTTP status and the exact body. */
export interface ParityAnswer {
  q: string;
  status: number;
  body: string;
}

/** The names under which the global setup provides data to the workerd tests. */
declare module "vitest" {
  export interface ProvidedContext {
    d1Data: string[];
    nodeAnswers: ParityAnswer[];
    /** The same, over the multi-year corpus, for COMPARE_QUESTIONS. */
    d1DataMulti: string[];
    nodeAnswersMulti: ParityAnswer[];
  }
}
