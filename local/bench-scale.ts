/**
 * `npm run bench:scale`: does a route cost more on a France-sized graph? The same route workload
 * (bench:routes' requests, communes of the Hauts-de-Seine) runs as the route query, in one run:
 *  1. on the Hauts-de-Seine data (seed/, the bench instance) and on the synthetic France-sized graph
 *     (`npm run synth -- --scale france`), taking turns: the figure the issue asks for. The synthetic
 *     Hauts-de-Seine holds ~40 times more services than seed/ does, so this ratio mixes the size of
 *     the graph with the density of the département; then the same workload through the GraphQL
 *     Lambda handler on both (route-handler-workload.ts, a process per graph): what a caller waits and
 *     what the function's CPU pays, decoding and ranking every candidate included;
 *  2. on the synthetic Hauts-de-Seine with the départements its zones reach, 75 and 95 (`npm run synth
 *     -- --scale 92`, the very same records) and on the France-sized graph, taking turns: the cost of
 *     the graph's size alone. Both must give the same candidates in reach, which is checked;
 *  3. a workload spread over every département of the France-sized graph.
 * For each: p50/p95 of the query and its db hits per route (PROFILE, on a sample), as a function that
 * kept nothing asks it with no digest in the graph (after the structure changed), as one that kept
 * nothing reads the digests earlier functions wrote (area-digests.ts: a new container), and as one that
 * kept the services of the commune's areas asks it (the commune, its zones, its département and France:
 * referral-route.ts). Then the
 * observatory's coverage of one département (its read and its computation), and the web app's coverage
 * documents through the handler on the five départements with the most communes (bytes, time, and a
 * chosen cell's request read alone against the same request reading the whole département, their
 * ratio; see coverage-handler-workload.ts). Targets: France p95 ≤ 1.5 × the 92 figure; db hits per route ≤ 2 000
 * on the France-sized graph; coverage ≤ 2 s. Each instance first runs the route query warmUpJvm's 2 400
 * times (route-workload.ts): one that has just started, often the bench instance, is slower for a while.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { performance } from "node:perf_hooks";
import type { Driver } from "neo4j-driver";
import { areaVersionsCypher, markGraphChangedCypher, referralRouteCypher } from "../generated/cypher";
import { candidatesInReach, routeQueryAnswerOf } from "../functions/routes/route-query-answer";
import { createDriver } from "../functions/graph/driver";
import { markGraphChanged } from "../functions/graph/graph-version";
import { readRankingInput, surroundingsDigestWanted, type RouteQueryRequest } from "../functions/routes/route-reads";
import { flushAreaDigests } from "../functions/routes/area-digests";
import { autoCommitRead } from "../functions/graph/auto-commit-read";
import { readAreaVersions } from "../functions/graph/graph-version";
import { coverageOf, readCoverageGraph } from "../functions/observatory/coverage";
import { startNeo4j, stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { areasOfCommunes, dbHitsOf, frenchCommunes, routeParameters, routeQueryDbHits, routeWorkload, versionsWithDigest, warmUpJvm, type RouteRequestOfBench } from "./route-workload";
import { seedGraph } from "./seed-graph";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { graphqlFunctionMemoryMb } from "../stacks/function-memory";
import { lambdaHeapFlags } from "./lambda-heap";
import { syntheticInstance, type SyntheticScale } from "./synthetic-france";

const execFileAsync = promisify(execFile);

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP = 100;
const PROFILED = 100;
const COMPARED = 100;
const ROUNDS = 4;
const COVERAGE_RUNS = 5;
const HANDLER_ROUTES = Number(process.env.BENCH_HANDLER_ROUTES ?? 200);
const HANDLER_ROUNDS = 2;

const benchInstance: Neo4jInstance = {
  port: Number(process.env.BENCH_NEO4J_PORT ?? 7689),
  dataDir: join(import.meta.dirname, "..", ".data", "neo4j-bench"),
  user: "neo4j",
  password: "parcours-bench",
};

interface Graph {
  name: string;
  driver: Driver;
  /** Where a process of its own (the handler's) connects to it. */
  connection: { uri: string; user: string; password: string };
}

interface Workload {
  name: string;
  graph: Graph;
  requests: RouteRequestOfBench[];
  latencies: number[];
  dbHits: number[];
  /**
   * The areas the function names as kept (referral-route.ts): none for a function that kept nothing;
   * those of the commune for one that served a route of its commune before, under the same version.
   */
  keptAreas?: Map<string, string[]>;
  /** Areas the function holds under an older version, each request's (not named in keptAreas). */
  patches?: RouteQueryRequest["patches"];
  /**
   * Whether the function reads the digests (area-digests.ts), as a function started cold does: the
   * versions with the digest of the commune's surroundings, then the route query with the areas' digests
   * (both counted).
   */
  digests?: boolean;
}

const keptAreasOf = (w: Workload, request: RouteRequestOfBench) =>
  (w.keptAreas?.get(request.commune) ?? []).filter((area) => !w.patches?.some((patch) => patch.area === area));

async function run(workload: Workload, requests: RouteRequestOfBench[], record: boolean) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const started = performance.now();
        if (workload.digests) await workload.graph.driver.executeQuery(areaVersionsCypher, versionsWithDigest(request));
        await workload.graph.driver.executeQuery(referralRouteCypher, routeParameters(request, keptAreasOf(workload, request), workload.patches, workload.digests));
        if (record) workload.latencies.push(performance.now() - started);
      }
    }),
  );
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

interface Started {
  graph: Graph;
  stop: () => Promise<void>;
}

async function startGraph(name: string, instance: Neo4jInstance): Promise<Started> {
  const started = await startNeo4j(instance);
  const driver = createDriver({ uri: started.uri, user: instance.user, password: instance.password });
  return {
    graph: { name, driver, connection: { uri: started.uri, user: instance.user, password: instance.password } },
    stop: async () => {
      await driver.close();
      if (!started.reused) await stopNeo4j(instance);
    },
  };
}

async function startSeeded(): Promise<Started> {
  const started = await startGraph("92 (seed/)", benchInstance);
  await started.graph.driver.executeQuery("MATCH (n) DETACH DELETE n");
  await seedGraph(started.graph.driver);
  return started;
}

async function startSynthetic(scale: SyntheticScale, name: string): Promise<Started> {
  const started = await startGraph(name, syntheticInstance(scale));
  const { records } = await started.graph.driver.executeQuery("MATCH (g:SyntheticGraph {scale: $scale}) RETURN count(g) AS marked, COUNT { MATCH (s:Service) } AS services", { scale });
  if (records[0]!.get("marked") === 0) {
    await started.stop();
    throw new Error(`bench:scale: no synthetic graph at scale ${scale}; run \`npm run synth -- --scale ${scale}\` first`);
  }
  // Built, maybe, before this version added an index, which the handler would refuse to start without.
  await ensureGraphSchema(started.graph.driver);
  // Written by raw Cypher, it has no version, and a function keeps nothing of a graph without one: give
  // it one, so that the handler keeps what it reads here as it does on seed/ (version-keyed-cache.ts).
  await started.graph.driver.executeQuery(markGraphChangedCypher, { areas: [], structure: true, changesKept: 0 });
  console.log(`${name}: ${records[0]!.get("services")} services`);
  return started;
}

/** Warms every workload up, then measures them in ROUNDS turns, then profiles a sample of each. */
async function measure(workloads: Workload[]) {
  for (const w of workloads) await run(w, w.requests.slice(0, WARMUP), false);
  const slice = Math.ceil(REQUESTS / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of workloads) await run(w, w.requests.slice(WARMUP + round * slice, WARMUP + (round + 1) * slice), true);
  }
  const figures = [];
  for (const w of workloads) figures.push(await figuresOf(w));
  return figures;
}

async function figuresOf(w: Workload) {
  for (const request of w.requests.slice(WARMUP, WARMUP + PROFILED)) {
    const versionsHits = w.digests ? await dbHitsOf(w.graph.driver, areaVersionsCypher, versionsWithDigest(request)) : 0;
    w.dbHits.push(versionsHits + (await routeQueryDbHits(w.graph.driver, request, keptAreasOf(w, request), w.patches, w.digests)));
  }
  const f = { p50: percentile(w.latencies, 50), p95: percentile(w.latencies, 95), hits: w.dbHits.reduce((a, b) => a + b, 0) / w.dbHits.length, maxHits: Math.max(...w.dbHits) };
  console.log(
    `${w.name.padEnd(58)} p50 ${f.p50.toFixed(1).padStart(6)} ms  p95 ${f.p95.toFixed(1).padStart(6)} ms  ` +
      `db hits mean ${f.hits.toFixed(0).padStart(6)}  max ${String(f.maxHits).padStart(6)}`,
  );
  return f;
}

interface HandlerRun {
  name: string;
  graph: Graph;
  /** Services written before each route (route-handler-workload.ts). */
  writeServices?: string[];
}

/**
 * The route workload through the GraphQL handler on each graph, in a process of its own
 * (route-handler-workload.ts) with the V8 heap limits Lambda gives the function, taking turns:
 * latencies and the handler's CPU per route.
 */
async function throughHandler(handlerRuns: HandlerRun[]) {
  const runs = handlerRuns.map(() => ({ latencies: [] as number[], cpuMs: 0 }));
  const script = join(import.meta.dirname, "route-handler-workload.ts");
  for (let round = 0; round < HANDLER_ROUNDS; round++) {
    for (const [i, { graph, writeServices = [] }] of handlerRuns.entries()) {
      const { stdout } = await execFileAsync(process.execPath, [...lambdaHeapFlags(graphqlFunctionMemoryMb), "--import", "tsx", script], {
        env: {
          ...process.env,
          NEO4J_URI: graph.connection.uri,
          NEO4J_USER: graph.connection.user,
          NEO4J_PASSWORD: graph.connection.password,
          ROUTES: String(HANDLER_ROUTES / HANDLER_ROUNDS),
          // Enough for the JIT to have compiled the route's code on seed/, where a route takes ~10 ms.
          WARMUP: "200",
          CONCURRENCY: String(CONCURRENCY),
          WRITE_SERVICES: writeServices.join(","),
        },
        maxBuffer: 16 * 1024 * 1024,
      });
      const { latencies, cpuMsPerRoute } = JSON.parse(stdout.trim().split("\n").at(-1)!) as { latencies: number[]; cpuMsPerRoute: number };
      runs[i]!.latencies.push(...latencies);
      runs[i]!.cpuMs += cpuMsPerRoute / HANDLER_ROUNDS;
    }
  }
  return handlerRuns.map(({ name }, i) => {
    const f = { p50: percentile(runs[i]!.latencies, 50), p95: percentile(runs[i]!.latencies, 95), cpuMs: runs[i]!.cpuMs };
    console.log(`${name.padEnd(58)} p50 ${f.p50.toFixed(1).padStart(6)} ms  p95 ${f.p95.toFixed(1).padStart(6)} ms  handler CPU ${f.cpuMs.toFixed(1)} ms/route`);
    return f;
  });
}

/**
 * The areas' digests of the requests' communes, written as functions write them (area-digests.ts): the
 * first route of each commune read by this process, a function that keeps what it reads, so that each
 * area is read whole once: those it read for an earlier workload are not read again, their digests stay.
 */
async function writeDigests(graph: Graph, requests: RouteRequestOfBench[]) {
  const started = performance.now();
  for (const commune of new Set(requests.map((request) => request.commune))) {
    const { request } = routeParameters(requests.find((r) => r.commune === commune)!);
    await autoCommitRead(graph.driver, 60_000, async (run) =>
      readRankingInput(run, graph.driver, await readAreaVersions(run, request.communeCode, request.departement, surroundingsDigestWanted(request)), request),
    );
  }
  await flushAreaDigests();
  const { records } = await graph.driver.executeQuery("MATCH (digest:AreaDigest|SurroundingsDigest) RETURN digest:AreaDigest AS ofArea, digest.rows AS rows");
  const areas = records.filter((record) => record.get("ofArea") === true).length;
  const bytes = records.reduce((sum, record) => sum + (record.get("rows") as Int8Array).length, 0);
  console.log(
    `  digests in the graph after the first route of the ${new Set(requests.map((r) => r.commune)).size} communes of the workload: ${areas} of areas, ` +
      `${records.length - areas} of surroundings, ${(bytes / 1e6).toFixed(1)} MB gzipped, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * A write of one service serving the département as a whole, as the API writes it: what a function
 * holding the département under its version before the write asks the route query to read again.
 */
async function writeInDepartement(graph: Graph, departement: string): Promise<RouteQueryRequest["patches"]> {
  const area = `DEPARTEMENT:${departement}`;
  const { records } = await graph.driver.executeQuery("OPTIONAL MATCH (stamp:AreaVersion {area: $area}) RETURN coalesce(stamp.version, '-') AS since", { area });
  const [service] = await servicesOfDepartement(graph.driver, departement);
  const session = graph.driver.session();
  try {
    await session.executeWrite((tx) => markGraphChanged(tx, { services: [service!] }));
  } finally {
    await session.close();
  }
  return [{ area, since: records[0]!.get("since") as string }];
}

/** Services that serve a département as a whole: a write of one gives that département's area a new version. */
async function servicesOfDepartement(driver: Driver, departement: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    "MATCH (service:Service)-[:SERVES]->(:Territory {code: $departement, level: 'DEPARTEMENT'}) RETURN service.id AS id ORDER BY id LIMIT 20",
    { departement },
  );
  return records.map((record) => record.get("id") as string);
}

/**
 * How many of the first requests get different candidates in reach (with needs and emergency), and
 * how many list other services of other communes, on two graphs. The second is no fault: which of
 * them a route looks at depends on the communes the graph holds (the synthetic 92 lacks the 93 and
 * 94 of the Métropole du Grand Paris, one of its zones) and on the order each store keeps a commune's
 * services in (referral-route.cypher).
 */
async function differences(requests: RouteRequestOfBench[], a: Graph, b: Graph): Promise<{ inReach: number; outOfReach: number }> {
  const answer = async (graph: Graph, request: RouteRequestOfBench) => {
    const answer = routeQueryAnswerOf((await graph.driver.executeQuery(referralRouteCypher, routeParameters(request))).records);
    // A service's situations come in the order each store keeps its relationships: the ranking ignores it.
    const needs = answer.needs.map(({ need }) => need);
    const candidates = candidatesInReach(answer.areas, (area) => answer.servicesOfAreas.get(area) ?? [], needs, answer.nearCommunes)
      .map((c) => ({ ...c, service: { ...c.service, situations: [...c.service.situations].sort() } }))
      .sort((x, y) => (x.service.id < y.service.id ? -1 : 1));
    const outOfReach = answer.outOfReach.map((o) => o.serviceId);
    return { inReach: JSON.stringify([answer.needs, candidates, answer.emergency]), outOfReach: JSON.stringify(outOfReach) };
  };
  const different = { inReach: 0, outOfReach: 0 };
  for (const request of requests.slice(0, COMPARED)) {
    const [x, y] = [await answer(a, request), await answer(b, request)];
    if (x.inReach !== y.inReach) different.inReach++;
    if (x.outOfReach !== y.outOfReach) different.outOfReach++;
  }
  return different;
}

async function coverage(graph: Graph, departement: string) {
  const times: number[] = [];
  let cells = 0;
  for (let i = 0; i <= COVERAGE_RUNS; i++) {
    const started = performance.now();
    const result = coverageOf(await readCoverageGraph(graph.driver, departement, 60_000), departement, null, { offset: 0, limit: 50 }, { offset: 0, limit: 1000 });
    if (i > 0) times.push(performance.now() - started);
    cells = result.cells.length;
  }
  const median = percentile(times, 50);
  console.log(`  ${departement} on ${graph.name.padEnd(34)} ${median.toFixed(0).padStart(6)} ms  (${cells} commune × need cells; target ≤ 2 000 ms → ${median <= 2000 ? "met" : "not met"})`);
}

async function coverageThroughHandler(graph: Graph) {
  const { stdout } = await execFileAsync(process.execPath, [...lambdaHeapFlags(graphqlFunctionMemoryMb), "--import", "tsx", join(import.meta.dirname, "coverage-handler-workload.ts")], {
    env: { ...process.env, NEO4J_URI: graph.connection.uri, NEO4J_USER: graph.connection.user, NEO4J_PASSWORD: graph.connection.password },
  });
  console.log(stdout.trimEnd().replace(/^/gm, "  "));
}


const requests = routeWorkload(REQUESTS + WARMUP);
const france = await startSynthetic("france", "France-sized (synthetic)");
// Those of an earlier run: this one writes its own.
await france.graph.driver.executeQuery("MATCH (digest:AreaDigest|SurroundingsDigest) DELETE digest");
const stops = [france.stop];
try {
  console.log(`${REQUESTS} route queries per workload, ${CONCURRENCY} concurrent, ${ROUNDS} rounds taken in turn after ${WARMUP} warm-up queries each; db hits on ${PROFILED} of them\n`);

  console.log("1. Hauts-de-Seine data (seed/) and the France-sized graph:");
  const seeded = await startSeeded();
  const seededAreas = await areasOfCommunes(seeded.graph.driver, requests);
  const franceAreas = await areasOfCommunes(france.graph.driver, requests);
  // Neither instance measured on a JVM that has just started (warmUpJvm).
  await warmUpJvm(seeded.graph.driver, requests, seededAreas);
  await warmUpJvm(france.graph.driver, requests, franceAreas);
  await writeDigests(france.graph, requests);
  const [onSeed, onFrance, onFranceDigests, onSeedKept, onFranceKept, onFrancePatched] = await measure([
    { name: `92 workload on ${seeded.graph.name}`, graph: seeded.graph, requests, latencies: [], dbHits: [] },
    { name: `92 workload on ${france.graph.name}`, graph: france.graph, requests, latencies: [], dbHits: [] },
    { name: `  from the areas' digests, on ${france.graph.name}`, graph: france.graph, requests, latencies: [], dbHits: [], digests: true },
    { name: `  its areas kept, on ${seeded.graph.name}`, graph: seeded.graph, requests, latencies: [], dbHits: [], keptAreas: seededAreas },
    { name: `  its areas kept, on ${france.graph.name}`, graph: france.graph, requests, latencies: [], dbHits: [], keptAreas: franceAreas },
    {
      name: `  the 92 patched after a write in it, on ${france.graph.name}`,
      graph: france.graph,
      requests,
      latencies: [],
      dbHits: [],
      keptAreas: franceAreas,
      patches: await writeInDepartement(france.graph, "92"),
    },
  ]);
  await coverage(seeded.graph, "92");
  console.log(`Through the GraphQL Lambda handler (a process per graph, ${HANDLER_ROUNDS} turns each, ${CONCURRENCY} concurrent):`);
  const [handlerOnSeed, handlerOnFrance, afterWriteElsewhere, afterWriteHere] = await throughHandler([
    { name: `92 workload on ${seeded.graph.name}`, graph: seeded.graph },
    { name: `92 workload on ${france.graph.name}`, graph: france.graph },
    { name: "  each route after a write in the 13", graph: france.graph, writeServices: await servicesOfDepartement(france.graph.driver, "13") },
    { name: "  each route after a write in the 92", graph: france.graph, writeServices: await servicesOfDepartement(france.graph.driver, "92") },
  ]);
  console.log(
    `ratio France-sized / seed/ 92 through the handler: p95 ${(handlerOnFrance!.p95 / handlerOnSeed!.p95).toFixed(2)}, ` +
      `handler CPU per route ${(handlerOnFrance!.cpuMs / handlerOnSeed!.cpuMs).toFixed(2)}`,
  );
  // The writes slow the routes' arrival alike: compare these two, not either with no write.
  console.log(
    `each route after a write, France-sized, in the 13 / in the 92 (whose département the route then patches): ` +
      `p95 ${(afterWriteElsewhere!.p95 / afterWriteHere!.p95).toFixed(2)}, handler CPU ${(afterWriteElsewhere!.cpuMs / afterWriteHere!.cpuMs).toFixed(2)}`,
  );
  // Two Neo4j at a time on a shared machine: the bench instance stops before the next one starts.
  await seeded.stop();
  const ratio = onFrance!.p95 / onSeed!.p95;
  console.log(`ratio p95 France-sized / seed/ 92, nothing kept: ${ratio.toFixed(2)} (target ≤ 1.5 → ${ratio <= 1.5 ? "met" : "not met"})`);
  const digestRatio = onFranceDigests!.p95 / onSeed!.p95;
  console.log(
    `ratio p95 France-sized from the areas' digests (a function that kept nothing, one write in the 92 since) / seed/ 92, nothing kept: ` +
      `${digestRatio.toFixed(2)} (target ≤ 1.5 → ${digestRatio <= 1.5 ? "met" : "not met"}); ` +
      `db hits mean ${onFranceDigests!.hits.toFixed(0)}, max ${onFranceDigests!.maxHits} (target ≤ 2 000)`,
  );
  const keptRatio = onFranceKept!.p95 / onSeedKept!.p95;
  console.log(`ratio p95 France-sized / seed/ 92, the areas kept: ${keptRatio.toFixed(2)} (target ≤ 1.5 → ${keptRatio <= 1.5 ? "met" : "not met"})`);
  const patchedRatio = onFrancePatched!.p95 / onSeedKept!.p95;
  console.log(
    `ratio p95 France-sized, the 92 patched after a write in it / seed/ 92, the areas kept: ${patchedRatio.toFixed(2)} (target ≤ 1.5 → ${patchedRatio <= 1.5 ? "met" : "not met"}); ` +
      `db hits mean ${onFrancePatched!.hits.toFixed(0)}, max ${onFrancePatched!.maxHits} (target ≤ 2 000)`,
  );
  const versionHits = await dbHitsOf(france.graph.driver, areaVersionsCypher, { communeCode: "92050", departement: "92", surroundingsDigest: null });
  console.log(`a route whose areas are kept first reads their versions: ${versionHits} db hits for Nanterre on the France-sized graph (after a write elsewhere, its areas are kept)`);

  console.log("\n2. The synthetic Hauts-de-Seine (with 75, 95) and the France-sized graph:");
  const alone = await startSynthetic("92", "synthetic 92 (with 75, 95)");
  stops.push(alone.stop);
  await warmUpJvm(alone.graph.driver, requests);
  const different = await differences(requests, alone.graph, france.graph);
  console.log(`answers differing between them: ${different.inReach} of ${COMPARED} (services of other communes looked at: ${different.outOfReach} differ)`);
  const spread = routeWorkload(REQUESTS + WARMUP, await frenchCommunes(france.graph.driver, 400));
  await writeDigests(france.graph, spread);
  const [onAlone, onFranceAgain, onSpread, onSpreadDigests, onSpreadKept] = await measure([
    { name: `92 workload on ${alone.graph.name}`, graph: alone.graph, requests, latencies: [], dbHits: [] },
    { name: `92 workload on ${france.graph.name}`, graph: france.graph, requests, latencies: [], dbHits: [] },
    { name: `all-France workload on ${france.graph.name}`, graph: france.graph, requests: spread, latencies: [], dbHits: [] },
    { name: `  from the areas' digests`, graph: france.graph, requests: spread, latencies: [], dbHits: [], digests: true },
    { name: `  its areas kept`, graph: france.graph, requests: spread, latencies: [], dbHits: [], keptAreas: await areasOfCommunes(france.graph.driver, spread) },
  ]);
  const sizeRatio = onFranceAgain!.p95 / onAlone!.p95;
  console.log(`ratio p95 France-sized / the same département alone: ${sizeRatio.toFixed(2)} (target ≤ 1.5 → ${sizeRatio <= 1.5 ? "met" : "not met"})`);
  console.log(`db hits per route on the France-sized graph, nothing kept: 92 workload mean ${onFranceAgain!.hits.toFixed(0)}, max ${onFranceAgain!.maxHits}; all-France mean ${onSpread!.hits.toFixed(0)}, max ${onSpread!.maxHits} (target ≤ 2 000)`);
  console.log(
    `db hits per route on the France-sized graph, from the areas' digests: all-France mean ${onSpreadDigests!.hits.toFixed(0)}, max ${onSpreadDigests!.maxHits} (target ≤ 2 000)`,
  );
  console.log(`db hits per route on the France-sized graph, the areas kept: 92 workload mean ${onFranceKept!.hits.toFixed(0)}, max ${onFranceKept!.maxHits}; all-France mean ${onSpreadKept!.hits.toFixed(0)}, max ${onSpreadKept!.maxHits} (target ≤ 2 000)`);

  console.log(`\nObservatory coverage of one département (read + computation), median of ${COVERAGE_RUNS} after one warm-up:`);
  await coverage(alone.graph, "92");
  for (const departement of ["92", "59", "62"]) await coverage(france.graph, departement);
  console.log("The web app's coverage documents through the GraphQL handler, as an ADMIN, on the départements with the most communes (cold: the first request of the process for it):");
  await coverageThroughHandler(france.graph);
} finally {
  for (const stop of stops.reverse()) await stop();
}
process.exit(0);
