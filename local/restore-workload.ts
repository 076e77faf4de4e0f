/**
 * `node --import tsx local/restore-workload.ts <key>`: one restore as the import function makes it on
 * AWS: the ObjectCreated event of <key> in the imports bucket handed to functions/handlers/import.ts,
 * against the Neo4j and S3 server the environment names (NEO4J_*, S3_ENDPOINT). Prints one JSON line:
 * the time, this process's CPU and peak resident memory, and the report (its first problems only).
 * bench:restore runs it in a process of its own with the V8 heap limits Lambda gives the import function.
 */
import { performance } from "node:perf_hooks";
import { importContext, objectCreatedEvent } from "./s3-event";
import { localBuckets } from "./s3-server";

const key = process.argv[2]!;
const { handler } = await import("../functions/handlers/import");
const started = performance.now();
const [report] = await handler(objectCreatedEvent(localBuckets.imports, key, 0), importContext());
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
    status: report!.status,
    records: report!.records,
    problems: report!.problems.length,
    firstProblems: report!.problems.slice(0, 3),
    changes: report!.changes,
  }),
);
process.exit(0);
