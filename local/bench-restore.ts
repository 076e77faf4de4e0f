/**
 * `npm run bench:restore`: does a restore hold at France scale? The synthetic France-sized graph
 * (`npm run synth -- --scale france`) is exported to a local file (parcours.json, as the nightly
 * export writes it), then restored as on AWS: the file put in the imports bucket of a local S3 server
 * of its own, and its ObjectCreated event handed to the import handler, in a process with the V8 heap
 * limits Lambda gives the import function (BENCH_RESTORE_MEMORY_MB tries another size), into an EMPTY
 * scratch Neo4j of its own (a free port, .data/restore-bench/, removed after) holding only the
 * synthetic graph's référentiel (BENCH_RESTORE_NEO4J_HEAP gives it a larger heap: "8g"). Never into the synthetic, bench or development instance, never to a
 * real bucket. Prints the export's and the restore's time, CPU and peak resident memory, and the graph's
 * nodes and relationships by kind before and after.
 */
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import type { Driver } from "neo4j-driver";
import { importFunctionMemoryMb } from "../stacks/function-memory";
import { frenchPhone } from "../functions/domain/dataset-schema";
import { parcoursFile } from "../functions/exports/export-snapshot";
import { prettyJsonPieces } from "../functions/formats/pretty-json";
import { readGraphRecords } from "../functions/graph/dump-dataset";
import { createDriver } from "../functions/graph/driver";
import { createS3Client } from "../functions/storage/s3";
import { freePort } from "./free-port";
import { lambdaHeapFlags } from "./lambda-heap";
import { startNeo4j, stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { localBuckets, localS3Env, startS3Server } from "./s3-server";
import { startSyntheticGraph, syntheticFrance, writeSyntheticReferential } from "./synthetic-france";

const execFileAsync = promisify(execFile);
const memoryMb = Number(process.env.BENCH_RESTORE_MEMORY_MB ?? importFunctionMemoryMb);
/** Lambda's largest function. */
const lambdaLargestMb = 10_240;
/** Lambda's longest run: a restore that needs more cannot be the import function's. */
const lambdaLimitMs = 15 * 60 * 1000;
const workDir = join(import.meta.dirname, "..", ".data", "restore-bench");
const key = "incoming/restauration-france.json";

/** Nodes by label and relationships by type, the restore's audit record and the synthetic marker left out. */
async function graphCounts(driver: Driver): Promise<Record<string, number>> {
  const nodes = await driver.executeQuery("MATCH (n) WHERE NOT n:AuditRecord AND NOT n:SyntheticGraph UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label");
  const relationships = await driver.executeQuery("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type");
  return Object.fromEntries([
    ...nodes.records.map((r) => [`(:${r.get("label") as string})`, Number(r.get("count"))]),
    ...relationships.records.map((r) => [`[:${r.get("type") as string}]`, Number(r.get("count"))]),
  ]);
}

/**
 * The synthetic graph is written straight into Neo4j, not through the load, and breaks rules of the
 * dataset schema that an import holds a file to (374 238 problems): ids with ":" and capitals (2A,
 * 2B), fake numbers (0 999 …) no French number is written as, capacity dates with a time, services
 * that answer no need. Its export is rewritten, record for record, into data the import accepts: ids
 * in kebab-case, numbers of the range ARCEP keeps for fiction (01 99 00 …), dates, a need (LISTENING).
 */
async function asValidDataset(path: string): Promise<{ ids: number; phones: number; dates: number; needsAdded: number }> {
  const counts = { ids: 0, phones: 0, dates: 0, needsAdded: 0 };
  const valid = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("synth-")) {
      counts.ids++;
      return value.toLowerCase().replaceAll(":", "-");
    }
    if (Array.isArray(value)) return value.map(valid);
    if (value === null || typeof value !== "object") return value;
    const record = Object.fromEntries(Object.entries(value).map(([key, field]) => [key, valid(field)])) as Record<string, unknown>;
    if ("channel" in record && !frenchPhone.safeParse(record.value).success) {
      const n = counts.phones++ % 10_000;
      record.value = `01 99 00 ${String(Math.floor(n / 100)).padStart(2, "0")} ${String(n % 100).padStart(2, "0")}`;
    }
    if ("placesTotal" in record && typeof record.updatedAt === "string" && record.updatedAt.length > 10) {
      counts.dates++;
      record.updatedAt = record.updatedAt.slice(0, 10);
    }
    if ("audience" in record && Array.isArray(record.needs) && record.needs.length === 0) {
      counts.needsAdded++;
      record.needs = ["LISTENING"];
    }
    return record;
  };
  const made = valid(JSON.parse(await readFile(path, "utf8")));
  await pipeline(Readable.from(prettyJsonPieces(made)), createWriteStream(path));
  return counts;
}

interface RestoreFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  status: string;
  records: number;
  problems: number;
  firstProblems: unknown[];
}

/** One restore in a process with the heap of a function of `functionMb`; a string says how it failed. */
async function restoreIn(functionMb: number, uri: string, instance: Neo4jInstance, s3Endpoint: string): Promise<RestoreFigures | string> {
  return execFileAsync(process.execPath, [...lambdaHeapFlags(functionMb), "--import", "tsx", join(import.meta.dirname, "restore-workload.ts"), key], {
    env: { ...process.env, ...localS3Env(s3Endpoint), NEO4J_URI: uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? "INFO" },
    maxBuffer: 64 * 1024 * 1024,
    timeout: lambdaLimitMs,
  }).then(
    ({ stdout }) => JSON.parse(stdout.trim().split("\n").at(-1)!) as RestoreFigures,
    (error: { stdout?: string; stderr?: string; killed?: boolean; message: string }) => {
      const stderr = String(error.stderr ?? "");
      const lastLog = String(error.stdout ?? "").trim().split("\n").at(-1)?.replace(/"function_[^,]*,|"cold_start":[^,]*,|"timestamp":[^,]*,/g, "");
      const after = lastLog ? `; the import's last log: ${lastLog}` : "";
      if (error.killed) return `killed after Lambda's 15 minutes${after}`;
      if (/heap out of memory|Allocation failed/.test(stderr)) return `out of heap${after}`;
      return `failed: ${stderr.split("\n").find((line) => /Error/.test(line)) ?? error.message}${after}`;
    },
  );
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const peakRssMb = () => (process.resourceUsage().maxRSS * 1024) / 1e6;

console.log(`Restore of the France-sized graph's full export through the import handler, in a process with the heap of a ${memoryMb} MB function\n`);
await rm(workDir, { recursive: true, force: true });
await mkdir(workDir, { recursive: true });
const file = join(workDir, "parcours.json");

const synthetic = await startSyntheticGraph("france");
if (!synthetic) process.exit(1);
const source = createDriver({ uri: synthetic.uri, user: synthetic.instance.user, password: synthetic.instance.password });
const before = await graphCounts(source);
const exporting = performance.now();
const session = source.session({ defaultAccessMode: "READ" });
const graph = await session.executeRead((tx) => readGraphRecords(tx)).finally(() => session.close());
await pipeline(Readable.from(parcoursFile(graph)), createWriteStream(file));
console.log(`export: parcours.json of ${((await stat(file)).size / 1e6).toFixed(1)} MB written in ${seconds(exporting)} s (this process: peak RSS ${peakRssMb().toFixed(0)} MB)`);
const made = await asValidDataset(file);
const { size } = await stat(file);
console.log(
  `made valid: ${made.ids} ids, ${made.phones} phone numbers, ${made.dates} capacity dates rewritten, ${made.needsAdded} services given a need; ${(size / 1e6).toFixed(1)} MB`,
);
const expectedAfter: Record<string, number> = { ...before, "[:ANSWERS]": (before["[:ANSWERS]"] ?? 0) + made.needsAdded };
await source.close();
// Two Neo4j at a time on a shared machine: the synthetic one stops before the scratch one starts.
await synthetic.stop();

const neo4jHeap = process.env.BENCH_RESTORE_NEO4J_HEAP;
const scratch: Neo4jInstance = {
  port: await freePort(),
  dataDir: join(workDir, "neo4j-restore-scratch"),
  user: "neo4j",
  password: "parcours-restore",
  ...(neo4jHeap ? { maxHeap: neo4jHeap } : {}),
};
const s3 = await startS3Server(0, join(workDir, "s3"));
try {
  const { uri } = await startNeo4j(scratch);
  const target = createDriver({ uri, user: scratch.user, password: scratch.password });
  const referential = performance.now();
  await writeSyntheticReferential(target, syntheticFrance(), () => {});
  console.log(`scratch Neo4j on ${uri}${neo4jHeap ? ` with a heap of ${neo4jHeap}` : ""}: the synthetic référentiel written in ${seconds(referential)} s, nothing else`);

  Object.assign(process.env, localS3Env(s3.endpoint));
  // A Buffer, not a stream: the SDK would send a stream in aws-chunked encoding, which s3rver stores as it comes.
  await createS3Client().send(new PutObjectCommand({ Bucket: localBuckets.imports, Key: key, Body: await readFile(file), ContentType: "application/json" }));
  // The function's memory first; when it runs out, Lambda's largest, to tell what a restore needs.
  for (const functionMb of [...new Set([memoryMb, lambdaLargestMb])]) {
    const restore = await restoreIn(functionMb, uri, scratch, s3.endpoint);
    if (typeof restore === "string") {
      console.log(`restore: ${restore} (function of ${functionMb} MB)`);
      continue;
    }
    console.log(
      `restore: ${restore.status}, ${restore.records} records, ${restore.problems} problems in ${restore.seconds.toFixed(1)} s  CPU ${restore.cpuSeconds.toFixed(1)} s  ` +
        `peak RSS ${restore.peakRssMb.toFixed(0)} MB of ${functionMb} MB (${restore.peakRssMb < functionMb ? "fits" : "does not fit"}); ` +
        `${restore.seconds * 1000 < lambdaLimitMs ? "within" : "beyond"} Lambda's 15 minutes`,
    );
    if (restore.problems > 0) console.log(`  first problems: ${JSON.stringify(restore.firstProblems)}`);
    break;
  }
  const after = await graphCounts(target);
  await target.close();
  const kinds = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const differing = kinds.filter((kind) => expectedAfter[kind] !== after[kind]);
  console.log(`\ngraph before (synthetic, with the needs given) and after (scratch): ${differing.length === 0 ? "the same counts" : `${differing.length} kinds differ`}`);
  for (const kind of kinds) console.log(`  ${kind.padEnd(24)} ${String(expectedAfter[kind] ?? 0).padStart(8)} ${String(after[kind] ?? 0).padStart(8)}${expectedAfter[kind] === after[kind] ? "" : "  ≠"}`);
} finally {
  await stopNeo4j(scratch);
  await s3.close();
  await rm(workDir, { recursive: true, force: true });
}
process.exit(0);
