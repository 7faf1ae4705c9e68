/** parseArgs for the scripts: an unknown or malformed option is one line on stderr and exit code 2, never a stack trace. */

import { type ParseArgsConfig, parseArgs } from "node:util";

export function cliArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS")) throw e;
    const known = Object.keys(config.options ?? {})
      .map((o) => `--${o}`)
      .join(" ");
    console.error(`${command}: ${(e as Error).message.split("\n")[0]}${known ? ` (options: ${known})` : ""}`);
    process.exit(2);
  }
}
