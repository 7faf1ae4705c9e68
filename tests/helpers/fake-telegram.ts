/**
 * The fake Telegram Bot API (fake-bot-api.ts) on 127.0.0.1 for the offline Node tests: the Bot
 * and the servers under test reach it at `apiRoot`, the test reads what it recorded.
 */

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeBotApi } from "./fake-bot-api.js";

export { BOT_INFO, type Call, TOKEN } from "./fake-bot-api.js";

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  return new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method ?? "POST", ...(body.length ? { body } : {}) });
}

export class FakeTelegram extends FakeBotApi {
  private server: Server;
  apiRoot = "";

  constructor() {
    super();
    this.server = createServer(
      (req, res) =>
        void toRequest(req)
          .then((r) => this.fetch(r))
          .then(async (answer) => res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text())),
    );
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}
