/**
 * Every byte the Node process prints to stdout and stderr (console, logs, and Node's own report of
 * an uncaught error with its stack) goes through the redactor of src/core/redact.ts first.
 */

import { inspect } from "node:util";
import { redactor } from "./core/redact.js";

type Write = typeof process.stdout.write;

export function redactOutput(secrets: readonly (string | null | undefined)[]): void {
  const redact = redactor(secrets);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as Write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : null;
      if (text === null) return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      return (write as (...a: unknown[]) => boolean)(redact(text), ...rest);
    }) as Write;
  }
  // Node reports an uncaught error itself, past these streams: report it here, redacted, and stop.
  const fatal = (e: unknown) => {
    process.stderr.write(`${inspect(e)}\n`);
    process.exit(1);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
}
