// Loaded with --import by the fault tests: prints the process's peak resident set size as it exits.
process.on("exit", () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
