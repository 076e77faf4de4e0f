/**
 * `npm run bench:import`: imports a generated 50 000-row CSV through the S3 import handler, against
 * the local Neo4j (NEO4J_PORT) and a local S3 server (S3_PORT), and prints the figures. Baseline,
 * measured in the same run: reading the same file with csv-parse alone. The bench's records are
 * removed at the end.
 */
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { join } from "node:path";
import { rm } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { createDriver } from "../functions/graph/driver";
import { lambdaContext } from "./http-api-event";
import { localInstance, startNeo4j } from "./neo4j-process";
import { objectCreatedEvent } from "./s3-event";
import { localBuckets, localS3Env, startS3Server } from "./s3-server";
import { generatedCsv } from "./generate-csv";
import { seedGraph } from "./seed-graph";

const removeBenchRecords = `
MATCH (n) WHERE n.id STARTS WITH 'bench-' OR (n:Source AND n.ref = $file)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;

const rows = Number(process.argv[2] ?? 50_000);
const instance = localInstance();
const neo4j = await startNeo4j(instance);
const s3Port = Number(process.env.S3_PORT ?? 4568);
const s3Dir = join(import.meta.dirname, "..", ".data", `s3-bench-${s3Port}`);
const s3Server = await startS3Server(s3Port, s3Dir);
Object.assign(process.env, localS3Env(s3Server.endpoint), { NEO4J_URI: neo4j.uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? "INFO" });
const driver = createDriver({ uri: neo4j.uri, user: instance.user, password: instance.password });
const key = `incoming/bench-${rows}.csv`;

try {
  const { records } = await driver.executeQuery("MATCH (a:Actor) RETURN count(a) AS actors");
  if (records[0]?.get("actors") === 0) await seedGraph(driver);

  const csv = generatedCsv(rows);
  const seconds = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return (performance.now() - started) / 1000;
  };
  const baseline = await seconds(async () => {
    for await (const _row of Readable.from([csv]).pipe(parse({ columns: true }))) void _row;
  });
  const { createS3Client } = await import("../functions/storage/s3");
  await createS3Client().send(new PutObjectCommand({ Bucket: localBuckets.imports, Key: key, Body: csv }));
  const { handler } = await import("../functions/handlers/import");
  const event = objectCreatedEvent(localBuckets.imports, key, Buffer.byteLength(csv));
  const runs: { label: string; seconds: number; changes: unknown }[] = [];
  for (const label of ["first import (creates)", "same file again (unchanged)"]) {
    let report: Awaited<ReturnType<typeof handler>>[number] | undefined;
    const took = await seconds(async () => ([report] = await handler(event, lambdaContext("parcours-import"))));
    if (report?.status !== "imported") throw new Error(`the bench file was rejected: ${JSON.stringify(report?.problems.slice(0, 5))}`);
    runs.push({ label, seconds: took, changes: report.changes?.services });
  }

  console.log(`\n${rows} rows, ${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB`);
  console.log(`baseline: csv-parse alone  ${baseline.toFixed(2)} s  (${Math.round(rows / baseline)} rows/s)`);
  for (const run of runs) {
    console.log(`${run.label.padEnd(28)} ${run.seconds.toFixed(2)} s  (${Math.round(rows / run.seconds)} rows/s, ${(run.seconds / baseline).toFixed(1)}× baseline)  services ${JSON.stringify(run.changes)}`);
  }
  console.log(`target: ≤ 30 s for 50 000 rows; machine load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
} finally {
  const session = driver.session();
  await session.run(removeBenchRecords, { file: `s3://${localBuckets.imports}/${key}` });
  await session.close();
  await driver.close();
  await s3Server.close();
  await rm(s3Dir, { recursive: true, force: true });
  // The handler's module keeps its driver open, as in a Lambda container.
  process.exit();
}
