/**
 * `npm run bench:reimport [-- --minutes 10]`: what the first route of each commune of the 92
 * costs Neo4j after the 92's seed files and the national lines are imported again unchanged, through
 * the S3 import handler, on the bench's own Neo4j (BENCH_NEO4J_PORT, seeded again) and a local S3
 * server (S3_PORT). Now: the areas the imports gave a new version, read again by the route query.
 * Baseline, in the same run: the areas named as the load named them before it compared actors, places,
 * zones and capacities (areas-touched.cypher over every actor, place and zone of the files and every
 * service of theirs with a capacity, the rest of its services held as stated). One run; db hits of
 * the route query (PROFILE), as a function that held every area of the commune before the imports.
 * Bounded: a run still measuring after `minutes` stops, its Neo4j and S3 server stopped, and fails.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { referralRouteCypher } from "../generated/cypher";
import { areasTouched } from "../functions/graph/graph-version";
import { coveredTerritories } from "../functions/domain/territories";
import { tooLate, withinLimit } from "../functions/graph/within-limit";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { stopNeo4j } from "./neo4j-process";
import { importContext, objectCreatedEvent } from "./s3-event";
import { localBuckets, localS3Env, startS3Server } from "./s3-server";
import { areasOfCommunes, dbHitsOf, routeParameters, type RouteRequestOfBench } from "./route-workload";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "10" } } });
const limitMs = Number(values.minutes) * 60_000;
const files = ["92-zones.yaml", "92-departement.yaml", "92-justice-police-health.yaml", "92-associations.yaml", "national-lines.yaml"];
const seedDir = join(import.meta.dirname, "..", "seed");

const graph = await startBenchGraph({ reseed: true });
const s3Port = Number(process.env.S3_PORT ?? 4568);
const s3Dir = join(import.meta.dirname, "..", ".data", `s3-bench-${s3Port}`);
await rm(s3Dir, { recursive: true, force: true });
const s3 = await startS3Server(s3Port, s3Dir);
Object.assign(process.env, localS3Env(s3.endpoint), { POWERTOOLS_LOG_LEVEL: "WARN" });

async function measure(): Promise<void> {
  const texts = await Promise.all(files.map((file) => readFile(join(seedDir, file), "utf8")));
  type Records = { zones?: { code: string }[]; locations?: { id: string }[]; actors?: { id: string; services?: { id: string; capacity?: unknown }[] }[] };
  const parsed = texts.map((text) => parse(text) as Records);
  const previousNaming = {
    services: parsed.flatMap((f) => (f.actors ?? []).flatMap((a) => (a.services ?? []).filter((s) => s.capacity).map((s) => s.id))),
    actors: parsed.flatMap((f) => (f.actors ?? []).map((a) => a.id)),
    locations: parsed.flatMap((f) => (f.locations ?? []).map((l) => l.id)),
    zones: parsed.flatMap((f) => (f.zones ?? []).map((z) => z.code)),
  };
  const session = graph.driver.session();
  const named = new Set((await session.executeRead((tx) => areasTouched(tx, previousNaming))).keys());
  await session.close();

  const versions = async () => {
    const { records } = await graph.driver.executeQuery("MATCH (stamp:AreaVersion) RETURN stamp.area AS area, stamp.version AS version");
    return new Map(records.map((r) => [r.get("area") as string, r.get("version") as string]));
  };
  const before = await versions();
  const { handler } = await import("../functions/handlers/import");
  const { createS3Client } = await import("../functions/storage/s3");
  const { PutObjectCommand } = await import("@aws-sdk/client-s3");
  for (const [i, file] of files.entries()) {
    const key = `incoming/${file}`;
    await createS3Client().send(new PutObjectCommand({ Bucket: localBuckets.imports, Key: key, Body: texts[i] }));
    const [report] = await handler(objectCreatedEvent(localBuckets.imports, key, Buffer.byteLength(texts[i]!)), importContext());
    if (report?.status !== "imported") throw new Error(`${file}: ${JSON.stringify(report?.problems)}`);
  }
  const after = await versions();
  const renewed = new Set([...after].filter(([area, version]) => before.get(area) !== version).map(([area]) => area));

  const communes = coveredTerritories().filter((t) => t.level === "COMMUNE" && t.code.startsWith("92")).map((t) => t.code);
  const requests: RouteRequestOfBench[] = communes.map((commune) => ({ commune, situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:15:00+01:00", withChildren: false }));
  const areas = await areasOfCommunes(graph.driver, requests);
  /** The first route of each commune, by a function that held all its areas and its surroundings before the writes. */
  const firstRoutes = async (letGo: ReadonlySet<string>) => {
    const surroundingsLetGo = [...letGo].some((area) => area.startsWith("AROUND:92") || area.startsWith("NEAR:"));
    const hits: number[] = [];
    for (const request of requests) {
      const kept = areas.get(request.commune)!.filter((area) => !letGo.has(area));
      const { request: parameters } = routeParameters(request, kept);
      hits.push(await dbHitsOf(graph.driver, referralRouteCypher, { request: { ...parameters, surroundingsKept: kept.length > 0 && !surroundingsLetGo } }));
    }
    return hits;
  };
  const summary = (hits: number[]) => `mean ${(hits.reduce((a, b) => a + b, 0) / hits.length).toFixed(0).padStart(5)}  max ${String(Math.max(...hits)).padStart(5)}`;
  const [baseline, now, nothingKept] = [await firstRoutes(named), await firstRoutes(renewed), await firstRoutes(new Set([...areas.values()].flatMap((a) => [...a, "AROUND:92"])))];
  const mean = (hits: number[]) => hits.reduce((a, b) => a + b, 0) / hits.length;

  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`${files.join(", ")} imported again unchanged; first route of each of the ${communes.length} communes of the 92 (IMMEDIATE_DANGER), route query db hits:`);
  console.log(`  baseline, areas named as before (${named.size} areas)   ${summary(baseline)}`);
  console.log(`  now, areas the imports renewed (${renewed.size} areas)       ${summary(now)}   ratio to baseline ${(mean(now) / mean(baseline)).toFixed(2)}`);
  console.log(`  for scale: nothing kept                           ${summary(nothingKept)}`);
  if (renewed.size > 0) console.log(`  renewed: ${[...renewed].sort().join(", ")}`);
}

try {
  if ((await withinLimit(measure(), limitMs)) === tooLate) {
    console.error(`stopped: still measuring after ${values.minutes} min`);
    process.exitCode = 1;
  }
} finally {
  await graph.driver.close();
  await s3.close();
  if (!graph.reused) await stopNeo4j(benchInstance);
}
// The import handler's driver, and work given up at the limit, would keep the process alive.
process.exit();
