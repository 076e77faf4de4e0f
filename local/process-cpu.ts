/** A process's CPU time and its pinning to cores, for the benchmarks that put Neo4j on its own core (Linux). */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const clockTicksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim() || 100);

/** The CPU time (user + system, all threads) the process has used so far, in ms; null without /proc. */
export function processCpuMs(pid: number): number | null {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return null;
  // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
  const fields = readFileSync(stat, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
}

/** Pins every thread of the process to `cores` ("1", "0-3"); false when taskset (util-linux) cannot. */
export function pinToCores(cores: string, pid: number): boolean {
  return spawnSync("taskset", ["-a", "-p", "-c", cores, String(pid)], { stdio: "ignore" }).status === 0;
}

export function canPin(): boolean {
  return spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;
}
