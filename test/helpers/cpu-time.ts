/**
 * The CPU time, in milliseconds, this process spent from `since` (a process.cpuUsage() reading) to now.
 * A cost bound measured this way holds on a machine busy with other work, where wall time does not:
 * other processes take turns on the cores, but do not add to this process's own CPU time.
 */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}
