/**
 * `npm run bench:route-digests`: on the France-sized graph (`npm run synth -- --scale france`), right
 * after a change of the structure, which leaves no digest valid (functions/routes/area-digests.ts):
 *  1. the schedule's run (functions/routes/route-digests-ahead.ts): its time, the digests it wrote and
 *     their size; run again with nothing to do (the listing's db hits); after one write in each of
 *     WRITTEN_DEPARTEMENTS départements (their digests patched from themselves);
 *  2., 3. the first route of each commune of the 92 workload, then of ALL_FRANCE communes drawn all
 *     over France, in a function that kept nothing, as it sends it (the versions with the digest of her
 *     surroundings, then the route query), both counted: without the areas' digests (what a structure
 *     change leaves until a route reads each area whole) and with those the run wrote. Her surroundings
 *     are read whole in both. Rounds taken in turn;
 *  4. the 92 workload's on the synthetic 92 alone, after its own run: the ratio of the p95s from the
 *     digests, France-sized / the same département alone (the graph's size alone);
 *  5. the 92 workload's on seed/ (the bench instance, seeded again, after its own run): the ratio of the
 *     p95s from the digests, France-sized / seed/ (the size, and the synthetic 92's density: ~25 times
 *     seed/'s services in reach of a commune).
 * Each instance first runs the route query warmUpJvm's 2 400 times, so that none is measured on a JVM
 * that has just started.
 * Targets (issue 18): ≤ 2 000 db hits per route at France scale; p95 ≤ 1.5 × seed/'s.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { Driver } from "neo4j-driver";
import { areaVersionsCypher, areasWithoutCurrentDigestCypher, markGraphChangedCypher, referralRouteCypher } from "../generated/cypher";
import { createDriver } from "../functions/graph/driver";
import { markGraphChanged } from "../functions/graph/graph-version";
import { routeDigestsOf } from "../functions/routes/area-digests";
import { listingParameters, writeRouteDigestsAhead, type RouteDigestsAheadReport } from "../functions/routes/route-digests-ahead";
import { dbHitsOf, frenchCommunes, routeParameters, routeWorkload, versionsWithDigest, warmUpJvm, type RouteRequestOfBench } from "./route-workload";
import { startSyntheticGraph } from "./synthetic-france";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { stopNeo4j } from "./neo4j-process";

const ROUNDS = 3;
const WRITTEN_DEPARTEMENTS = 10;
const ALL_FRANCE = 100;
const runLimitMs = 10 * 60_000;

const synthetic = await startSyntheticGraph("france");
if (!synthetic) process.exit(1);
const driver = createDriver({ uri: synthetic.uri, user: synthetic.instance.user, password: synthetic.instance.password });

/** The first route of a commune, as a function that kept nothing sends it, with or without the areas' digests. */
const firstRoute = (request: RouteRequestOfBench, digests: boolean) => {
  const parameters = routeParameters(request);
  return digests ? { request: { ...parameters.request, digests: routeDigestsOf(parameters.request.audiences) } } : parameters;
};

async function runOf(label: string, run: () => Promise<RouteDigestsAheadReport>) {
  const report = await run();
  const { records } = await driver.executeQuery("MATCH (digest:AreaDigest) RETURN digest.rows AS rows");
  const bytes = records.reduce((sum, record) => sum + (record.get("rows") as Int8Array).length, 0);
  console.log(
    `${label.padEnd(52)} ${report.seconds.toFixed(1).padStart(5)} s: ${report.written} written (${report.patched} patched), ${report.left} left; ` +
      `${records.length} area digests in the graph, ${(bytes / 1e6).toFixed(1)} MB (gzipped)`,
  );
}

/** One service of each of these départements written, as the API writes it. */
async function writeIn(departements: string[]) {
  for (const departement of departements) {
    const { records } = await driver.executeQuery("MATCH (:Territory {code: $departement, level: 'DEPARTEMENT'})<-[:SERVES]-(service:Service) RETURN service.id AS id LIMIT 1", { departement });
    const session = driver.session();
    try {
      await session.executeWrite((tx) => markGraphChanged(tx, { services: [records[0]!.get("id") as string] }));
    } finally {
      await session.close();
    }
  }
}

interface Path {
  name: string;
  digests: boolean;
  latencies: number[];
  dbHits: number[];
}

async function measure(graph: Driver, path: Path, communes: RouteRequestOfBench[], record: boolean) {
  for (const request of communes) {
    const started = performance.now();
    await graph.executeQuery(areaVersionsCypher, versionsWithDigest(request));
    await graph.executeQuery(referralRouteCypher, firstRoute(request, path.digests));
    if (record) path.latencies.push(performance.now() - started);
  }
}

/** The first route of each commune of a workload, without the areas' digests and from those the run wrote, in rounds taken in turn. */
async function firstRoutes(part: number, label: string, workload: RouteRequestOfBench[], graph = driver): Promise<Path> {
  const communes = [...new Map(workload.map((request) => [request.commune, request])).values()];
  console.log(`\n${part}. The first route of each of the ${communes.length} ${label}, in a function that kept nothing (${ROUNDS} rounds after one of warm-up):`);
  const paths: Path[] = [
    { name: "without the areas' digests", digests: false, latencies: [], dbHits: [] },
    { name: "from the digests the run wrote", digests: true, latencies: [], dbHits: [] },
  ];
  for (const path of paths) await measure(graph, path, communes, false);
  for (let round = 0; round < ROUNDS; round++) for (const path of paths) await measure(graph, path, communes, true);
  for (const path of paths) {
    for (const request of communes) path.dbHits.push((await dbHitsOf(graph, areaVersionsCypher, versionsWithDigest(request))) + (await dbHitsOf(graph, referralRouteCypher, firstRoute(request, path.digests))));
    console.log(
      `${path.name.padEnd(34)} p50 ${percentile(path.latencies, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(path.latencies, 95).toFixed(1).padStart(6)} ms  ` +
        `db hits mean ${mean(path.dbHits).toFixed(0)}, max ${Math.max(...path.dbHits)}`,
    );
  }
  const [without, withDigests] = paths;
  const hits = mean(withDigests!.dbHits);
  const max = Math.max(...withDigests!.dbHits);
  console.log(
    `ratio from the digests / without: p95 ${(percentile(withDigests!.latencies, 95) / percentile(without!.latencies, 95)).toFixed(2)}, db hits ${(hits / mean(without!.dbHits)).toFixed(2)}; ` +
      `db hits mean ${hits.toFixed(0)}, max ${max} (target ≤ 2 000 → ${max <= 2000 ? "met" : hits <= 2000 ? "met on average, not for every commune" : "not met"})`,
  );
  return withDigests!;
}

/**
 * The same, on the synthetic 92 alone (with 75 and 95: `npm run synth -- --scale 92`), whose records are
 * those of the 92 inside the France-sized graph: what the graph's size alone costs. Skipped when not built.
 */
async function onSynthetic92(): Promise<Path | undefined> {
  const alone = await startSyntheticGraph("92");
  if (!alone) return undefined;
  const graph = createDriver({ uri: alone.uri, user: alone.instance.user, password: alone.instance.password });
  try {
    await graph.executeQuery(markGraphChangedCypher, { areas: [], structure: true, changesKept: 0 });
    await graph.executeQuery("MATCH (digest:AreaDigest|SurroundingsDigest) DELETE digest");
    console.log(`\nthe synthetic 92 alone (with 75, 95), after its own run: ${(await writeRouteDigestsAhead(graph, Date.now() + runLimitMs)).written} digests written`);
    await warmUpJvm(graph, routeWorkload(200));
    return await firstRoutes(4, "communes of the 92 workload on the synthetic 92 alone", routeWorkload(200), graph);
  } finally {
    await graph.close();
    await alone.stop();
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

try {
  console.log(`France-sized graph: ${(await driver.executeQuery("MATCH (s:Service) RETURN count(s) AS n")).records[0]!.get("n")} services; load average ${loadavg()[0]!.toFixed(1)}\n`);
  await driver.executeQuery(markGraphChangedCypher, { areas: [], structure: true, changesKept: 0 });
  await driver.executeQuery("MATCH (digest:AreaDigest|SurroundingsDigest) DELETE digest");

  console.log("1. The schedule's run, after a change of the structure:");
  await runOf("no digest valid", () => writeRouteDigestsAhead(driver, Date.now() + runLimitMs));
  await runOf("again, nothing to do", () => writeRouteDigestsAhead(driver, Date.now() + runLimitMs));
  const listingHits = await dbHitsOf(driver, areasWithoutCurrentDigestCypher, listingParameters());
  console.log(`  its listing of the digests not current: ${listingHits} db hits`);
  const { records } = await driver.executeQuery("MATCH (d:Territory {level: 'DEPARTEMENT'}) RETURN d.code AS code ORDER BY code LIMIT toInteger($n)", { n: WRITTEN_DEPARTEMENTS });
  await writeIn(records.map((record) => record.get("code") as string));
  await runOf(`after a write in each of ${WRITTEN_DEPARTEMENTS} départements`, () => writeRouteDigestsAhead(driver, Date.now() + runLimitMs));

  // Both instances' JVMs equally warm: France's ran the schedule's statements, seed/'s may have just started.
  await warmUpJvm(driver, routeWorkload(200));
  const onFrance = await firstRoutes(2, "communes of the 92 workload", routeWorkload(200));
  await firstRoutes(3, "communes drawn all over France", routeWorkload(200, await frenchCommunes(driver, ALL_FRANCE)));

  // Two Neo4j at a time on a shared machine: the France-sized one stops first.
  await synthetic.stop();
  const onAlone = await onSynthetic92();
  const seeded = await startBenchGraph({ reseed: true });
  try {
    console.log(`\nseed/ (the bench instance), after its own run: ${(await writeRouteDigestsAhead(seeded.driver, Date.now() + runLimitMs)).written} digests written`);
    await warmUpJvm(seeded.driver, routeWorkload(200));
    const onSeed = await firstRoutes(5, "communes of the 92 workload on seed/", routeWorkload(200), seeded.driver);
    const p95OnFrance = percentile(onFrance.latencies, 95);
    if (onAlone) {
      const sizeRatio = p95OnFrance / percentile(onAlone.latencies, 95);
      console.log(`\nratio p95 France-sized / the same département alone (the graph's size), from the digests each run wrote: ${sizeRatio.toFixed(2)} (target ≤ 1.5 → ${sizeRatio <= 1.5 ? "met" : "not met"})`);
    }
    const ratio = p95OnFrance / percentile(onSeed.latencies, 95);
    console.log(`ratio p95 France-sized / seed/ (its size and the 92's density), from the digests each run wrote: ${ratio.toFixed(2)} (target ≤ 1.5 → ${ratio <= 1.5 ? "met" : "not met"})`);
  } finally {
    await seeded.driver.close();
    if (!seeded.reused) await stopNeo4j(benchInstance);
  }
} finally {
  await driver.close();
  await synthetic.stop();
}
process.exit(0);
