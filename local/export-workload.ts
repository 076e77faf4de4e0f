/**
 * `node --import tsx local/export-workload.ts`: one export snapshot of the graph NEO4J_URI names
 * (NEO4J_USER, NEO4J_PASSWORD), as functions/handlers/export.ts makes it, written nowhere: each file
 * is only counted, so that a synthetic graph is never exported. Prints one JSON line: the time, this
 * process's CPU, its peak resident memory, the records and each file's bytes. bench:export runs it in
 * a process of its own with the V8 heap limits Lambda gives the export function.
 */
import { performance } from "node:perf_hooks";
import { exportSnapshot, type ExportTarget } from "../functions/exports/export-snapshot";
import { createDriver } from "../functions/graph/driver";
import { neo4jSettingsFromEnv } from "../functions/config";
import { withLocalAuthDefaults } from "./local-auth";

Object.assign(process.env, withLocalAuthDefaults(process.env));
const bytes: Record<string, number> = {};
const counting: ExportTarget = {
  async write(key, pieces) {
    let length = 0;
    for (const piece of pieces) length += Buffer.byteLength(piece);
    bytes[key.slice(key.lastIndexOf("/") + 1)] = length;
  },
  async copy() {},
  async read() {
    return null;
  },
};

const driver = createDriver(neo4jSettingsFromEnv());
const started = performance.now();
const { counts } = await exportSnapshot(counting, driver);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
await driver.close();
console.log(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6, counts, bytes }));
