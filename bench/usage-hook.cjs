// Preloaded with --require into every run: writes the process's peak RSS (KiB) and the CPU time it
// used (user + system, ms) to $BENCH_RSS_OUT when it exits. CPU time is the figure a busy shared
// machine disturbs least: waiting for a core counts in wall time, not in it.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_OUT, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
});
