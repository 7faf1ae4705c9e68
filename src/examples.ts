/** Example questions shown by the chat page and the bot's /help (all answerable from the seed corpus). */
export const EXAMPLES = ["2019年灵丘行政处罚多少", "灵丘县2019年收到多少件政府信息公开申请", "灵丘2019年被行政复议几次"];
