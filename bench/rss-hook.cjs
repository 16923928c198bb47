// Preloaded with --require: writes the process's peak RSS (KiB) to $BENCH_RSS_OUT when it exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.BENCH_RSS_OUT, String(process.resourceUsage().maxRSS)));
