/**
 * `npm run bench:import [rows] [runs]`: imports a generated 50 000-row CSV, then a foreign HSDS feed
 * of as many services (read through the reviewed mapping), each twice (the first import creates, the
 * second finds everything unchanged), through the S3 import handler, against the local Neo4j
 * (NEO4J_PORT) and a local S3 server (S3_PORT), and prints the figures, with the probable duplicate
 * check of the CSV's records on its own. Baseline, measured in the same run: reading the same CSV
 * with csv-parse alone. The whole cycle runs 3 times (the bench's records are removed after each),
 * and each line prints its median and its spread: on a shared 2-core machine one run says little.
 */
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { join } from "node:path";
import { rm } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { createDriver } from "../functions/graph/driver";
import { localInstance, startNeo4j } from "./neo4j-process";
import { importContext, objectCreatedEvent } from "./s3-event";
import { localBuckets, localS3Env, startS3Server } from "./s3-server";
import { generatedCsv, generatedHsdsFeed } from "./generate-csv";
import { readCsv } from "../functions/formats/csv/read-csv";
import { ImportSources } from "../functions/imports/import-sources";
import { validateDataset } from "../functions/domain/validate-dataset";
import { probableDuplicates } from "../functions/imports/probable-duplicates";
import { seedGraph } from "./seed-graph";

const benchRecords = `
MATCH (n) WHERE n.id STARTS WITH 'bench-' OR n.id STARTS WITH 'hsds-bench-' OR (n:Source AND n.ref IN $files)
CALL (n) { OPTIONAL MATCH (n)-[:HAS_CONTACT]->(contact) DETACH DELETE contact, n } IN TRANSACTIONS OF 5000 ROWS`;

const rows = Number(process.argv[2] ?? 50_000);
const cycles = Number(process.argv[3] ?? 3);
const instance = localInstance();
const neo4j = await startNeo4j(instance);
const s3Port = Number(process.env.S3_PORT ?? 4568);
const s3Dir = join(import.meta.dirname, "..", ".data", `s3-bench-${s3Port}`);
const s3Server = await startS3Server(s3Port, s3Dir);
Object.assign(process.env, localS3Env(s3Server.endpoint), { NEO4J_URI: neo4j.uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? "INFO" });
const driver = createDriver({ uri: neo4j.uri, user: instance.user, password: instance.password });
const key = `incoming/bench-${rows}.csv`;
const feedKey = `incoming/bench-${rows}-hsds.json`;

try {
  const { records } = await driver.executeQuery("MATCH (a:Actor) RETURN count(a) AS actors");
  if (records[0]?.get("actors") === 0) await seedGraph(driver);

  const csv = generatedCsv(rows);
  const seconds = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return (performance.now() - started) / 1000;
  };
  const csvParse = () =>
    seconds(async () => {
      for await (const _row of Readable.from([csv]).pipe(parse({ columns: true }))) void _row;
    });
  const duplicateCheck = async () => {
    const sources = new ImportSources(`s3://${localBuckets.imports}/${key}`, "2026-12-01", "2026-12-01");
    const read = await readCsv(Readable.from([csv]), sources, () => undefined);
    const validated = validateDataset([read.document]);
    if (!validated.ok) throw new Error("the bench file is invalid");
    const started = performance.now();
    const problems = await probableDuplicates(driver, validated.dataset, [read.document]);
    if (problems.length > 0) throw new Error(`the bench file has probable duplicates: ${problems[0]!.reason}`);
    return (performance.now() - started) / 1000;
  };
  const { createS3Client } = await import("../functions/storage/s3");
  const feed = JSON.stringify(generatedHsdsFeed(rows));
  await createS3Client().send(new PutObjectCommand({ Bucket: localBuckets.imports, Key: key, Body: csv }));
  await createS3Client().send(new PutObjectCommand({ Bucket: localBuckets.imports, Key: feedKey, Body: feed }));
  const { handler } = await import("../functions/handlers/import");
  const lines = [
    ["CSV, first import (creates)", key, csv],
    ["CSV, same file again", key, csv],
    ["HSDS feed, first import", feedKey, feed],
    ["HSDS feed, same feed again", feedKey, feed],
  ] as const;
  const figures = new Map<string, number[]>([["baseline", []], ["duplicates", []], ...lines.map(([label]): [string, number[]] => [label, []])]);
  const changes = new Map<string, unknown>();
  const loads: number[] = [];
  for (let cycle = 1; cycle <= cycles; cycle++) {
    figures.get("baseline")!.push(await csvParse());
    figures.get("duplicates")!.push(await duplicateCheck());
    for (const [label, file, body] of lines) {
      let report: Awaited<ReturnType<typeof handler>>[number] | undefined;
      const event = objectCreatedEvent(localBuckets.imports, file, Buffer.byteLength(body));
      const took = await seconds(async () => ([report] = await handler(event, importContext())));
      if (report?.status !== "imported") throw new Error(`the bench file was rejected: ${JSON.stringify(report?.problems.slice(0, 5))}`);
      figures.get(label)!.push(took);
      changes.set(label, report.changes?.services);
    }
    loads.push(loadavg()[0]!);
    console.log(`cycle ${cycle}/${cycles}: ${lines.map(([label]) => figures.get(label)!.at(-1)!.toFixed(1)).join(" / ")} s, load ${loads.at(-1)!.toFixed(1)}`);
    await removeBenchRecords();
  }

  const baseline = median(figures.get("baseline")!);
  const line = (label: string, values: number[], extra = "") =>
    `${label.padEnd(30)} median ${median(values).toFixed(2)} s, ${spread(values)}  (${Math.round(rows / median(values))} rows/s, ${(median(values) / baseline).toFixed(1)}× baseline)${extra}`;
  console.log(`\n${rows} rows, ${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB, ${cycles} runs of each line`);
  console.log(`baseline: csv-parse alone  median ${baseline.toFixed(2)} s, ${spread(figures.get("baseline")!)}  (${Math.round(rows / baseline)} rows/s)`);
  for (const [label] of lines) console.log(line(label, figures.get(label)!, `  services ${JSON.stringify(changes.get(label))}`));
  console.log(line(`duplicate check alone`, figures.get("duplicates")!, ` (${rows} new rows against the graph)`));
  console.log(`target: ≤ 30 s for 50 000 rows, each line's median; load average during the runs ${loads.map((l) => l.toFixed(1)).join(", ")}; now ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
} finally {
  await removeBenchRecords();
  await driver.close();
  await s3Server.close();
  await rm(s3Dir, { recursive: true, force: true });
  // The handler's module keeps its driver open, as in a Lambda container.
  process.exit();
}

async function removeBenchRecords() {
  const session = driver.session();
  try {
    await session.run(benchRecords, { files: [key, feedKey].map((k) => `s3://${localBuckets.imports}/${k}`) });
    await session.run("MATCH (q:ToQualify) WHERE q.id STARTS WITH 'hsds-bench-' DETACH DELETE q");
  } finally {
    await session.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function spread(values: number[]): string {
  return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)} s`;
}
