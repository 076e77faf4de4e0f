/**
 * `npm run bench:routes`: a mixed workload of route requests over the Hauts-de-Seine data, run
 * (a) through the Lambda handler, as API Gateway would call it, and (b) as one hand-written Cypher
 * query on the same driver that returns the same answer: the route's candidates with the fields the
 * request selects on their services and actors (contacts included, as a PUBLIC caller may see them)
 * — the floor. Also (c), the route's candidate query alone, which selects no node fields; (a1) the
 * handler keeping only the services of the areas it read (referral-route.ts): every route asks Neo4j
 * its route query, which skips those areas, and its nodes, as one asked for the first time since the
 * graph changed, once routes of its communes were; and (a0) the handler with nothing kept between
 * requests (functions/graph/version-keyed-cache.ts), as the first routes after a change. Prints
 * latency percentiles, throughput, this process's CPU per request (for (a), the handler's own) and the
 * ratios, twice: with Neo4j and the handler sharing the cores, then, as deployed, each on its own
 * core(s) (taskset, when the machine has two cores or more). Beside this process's CPU, Neo4j's own
 * per request (its process's CPU time, /proc on Linux), and the share of a core each of them used:
 * which of the two a path is waiting for. Targets: (a) p95 ≤ 30 ms at 50
 * concurrent requests, ≥ 400 req/s, handler CPU ≤ 3 ms per route, ratio (a)/(b) ≤ 1.3 (separate cores).
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { areaVersionsCypher, referralRouteCypher } from "../generated/cypher";
import { keepReads } from "../functions/graph/version-keyed-cache";
import { sharedReadStores } from "../functions/routes/route-reads";
import { isGraphBusy } from "../functions/graph/graph-unreachable";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { lambdaContext } from "./http-api-event";
import { neo4jStatus, stopNeo4j } from "./neo4j-process";
import { canPin, pinToCores, processCpuMs } from "./process-cpu";
import { areasOfCommunes, benchRouteEvent, dbHitsOf, routeParameters, routeQueryDbHits, routeWorkload, type RouteRequestOfBench } from "./route-workload";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARMUP = 500;
const ROUNDS = 4;
const DB_HITS_SAMPLE = 100;

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  /** This process's CPU (user + system) per request: for (a), the handler's own, driver included. */
  cpuMs: number;
  /** Neo4j's CPU per request (null where /proc does not tell it). */
  neo4jCpuMs: number | null;
}

interface BenchPath {
  name: string;
  run: (request: unknown) => Promise<void>;
  latencies: number[];
  seconds: number;
  cpuMicroseconds: number;
  neo4jCpuMs: number;
  /** Requests the pool of connections could not serve in time (a degraded route, for the handler). */
  busy: number;
}

/** A request the graph was too busy to serve: counted apart, not measured, not fatal to the run. */
class BusyGraph extends Error {}

/** Sends requests through one path, CONCURRENCY at a time, adding their latencies and the time taken. */
async function runConcurrently(path: BenchPath, requests: unknown[], record: boolean) {
  let nextIndex = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const neo4jCpu = neo4jCpuMs();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (nextIndex < requests.length) {
        const request = requests[nextIndex++];
        const t0 = performance.now();
        try {
          await path.run(request);
        } catch (error) {
          if (!(error instanceof BusyGraph || isGraphBusy(error))) throw error;
          if (record) path.busy++;
          continue;
        }
        if (record) path.latencies.push(performance.now() - t0);
      }
    }),
  );
  if (!record) return;
  path.seconds += (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  path.cpuMicroseconds += used.user + used.system;
  path.neo4jCpuMs += neo4jCpuMs() - neo4jCpu;
}

/** The bench Neo4j's CPU time so far, in ms (0 where /proc does not tell it). */
function neo4jCpuMs(): number {
  return (neo4jPid === undefined ? null : processCpuMs(neo4jPid)) ?? 0;
}

/**
 * Every path is warmed up before any is measured (Neo4j compiles its hot code as it goes, and the
 * first path measured would pay for it), then the paths take turns in ROUNDS slices of the workload,
 * so that the machine's load, which drifts, weighs on each path alike.
 */
async function measureAll<const Paths extends readonly BenchPath[]>(paths: Paths, requests: unknown[]): Promise<{ [K in keyof Paths]: Figures }> {
  // One request alone first: fifty at once on a freshly seeded graph would all wait for Neo4j to plan the
  // same query, longer than the pool lets a request wait for a connection on a loaded machine.
  for (const path of paths) await path.run(requests[0]);
  for (const path of paths) await runConcurrently(path, requests.slice(0, WARMUP), false);
  const measured = requests.slice(WARMUP);
  const slice = Math.ceil(measured.length / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const path of paths) await runConcurrently(path, measured.slice(round * slice, (round + 1) * slice), true);
  }
  const figuresOfPaths = paths.map((path): Figures => {
    const latencies = [...path.latencies].sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    const figures: Figures = {
      p50: at(50), p95: at(95), p99: at(99),
      throughput: latencies.length / path.seconds,
      cpuMs: path.cpuMicroseconds / 1000 / latencies.length,
      neo4jCpuMs: neo4jCpuKnown ? path.neo4jCpuMs / latencies.length : null,
    };
    const coreShare = (cpuMs: number) => `${((cpuMs * figures.throughput) / 10).toFixed(0)} % of a core`;
    console.log(
      `${path.name.padEnd(28)} p50 ${figures.p50.toFixed(1).padStart(6)} ms  p95 ${figures.p95.toFixed(1).padStart(6)} ms  ` +
        `p99 ${figures.p99.toFixed(1).padStart(6)} ms  ${figures.throughput.toFixed(0).padStart(5)} req/s  Node CPU ${figures.cpuMs.toFixed(2)} ms/req (${coreShare(figures.cpuMs)})` +
        (figures.neo4jCpuMs === null ? "" : `  Neo4j CPU ${figures.neo4jCpuMs.toFixed(2)} ms/req (${coreShare(figures.neo4jCpuMs)})`) +
        (path.busy ? `  (${path.busy} not served: pool busy for 3 s, left out of the figures)` : ""),
    );
    return figures;
  });
  return figuresOfPaths as { [K in keyof Paths]: Figures };
}

// The deployed bundle has no source maps (local/build.ts); tsx turns them on, which would make each
// stack trace the driver captures for every result pay a source-map lookup the function never pays.
process.setSourceMapsEnabled(false);
// The bundle runs in production mode (local/build.ts); graphql-js reads NODE_ENV when it loads, with the handler.
process.env.NODE_ENV = "production";
const { driver, reused } = await startBenchGraph({ reseed: true });
const neo4jPid = (await neo4jStatus(benchInstance)).pid;
const neo4jCpuKnown = neo4jPid !== undefined && processCpuMs(neo4jPid) !== null;
const { handler } = await import("../functions/handlers/graphql");

const requests = routeWorkload(REQUESTS + WARMUP);
const answersRead = new Set(requests.map((request) => JSON.stringify(routeParameters(request)))).size;
console.log(`${REQUESTS} route requests per path, ${CONCURRENCY} concurrent, in ${ROUNDS} rounds taken in turn, after ${WARMUP} warm-up requests on each path`);
// The handler keeps the route query's answers while the graph is unchanged (functions/graph/version-keyed-cache.ts).
console.log(`${answersRead} distinct route query answers among them: the handler reads each once, then keeps it\n`);

// What the route query costs Neo4j, whatever the machine's load: its db hits (target ≤ 2 000 per route).
const nanterreInDanger: RouteRequestOfBench = { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00", withChildren: false };
const profiled = requests.slice(WARMUP, WARMUP + DB_HITS_SAMPLE);
const hits: number[] = [];
for (const request of profiled) hits.push(await routeQueryDbHits(driver, request));
console.log(
  `route query db hits: Nanterre in immediate danger ${await routeQueryDbHits(driver, nanterreInDanger)}; ` +
    `workload mean ${(hits.reduce((a, b) => a + b, 0) / hits.length).toFixed(0)}, max ${Math.max(...hits)} (${DB_HITS_SAMPLE} requests)\n`,
);

const areasOfProfiled = await areasOfCommunes(driver, profiled);
const hitsAreasKept: number[] = [];
for (const request of profiled) hitsAreasKept.push(await routeQueryDbHits(driver, request, areasOfProfiled.get(request.commune)));
console.log(
  `a route asked for the first time, the services of its commune's areas kept: mean ${(hitsAreasKept.reduce((a, b) => a + b, 0) / hitsAreasKept.length).toFixed(0)}, ` +
    `max ${Math.max(...hitsAreasKept)} db hits`,
);
console.log(
  `a route whose answer is kept reads the versions of the graph and of its areas instead: ` +
    `${await dbHitsOf(driver, areaVersionsCypher, { communeCode: "92050", departement: "92", surroundingsDigest: null })} db hits for Nanterre (a route asked for the first time reads them too)\n`,
);

// The selection of benchRouteQuery (route-workload.ts), written by hand into the route query's row of each candidate:
// its services' contacts as a PUBLIC caller may read them (the ContactPoint rule in
// schema/service.graphql), and the names of services and actors.
const candidateProjection = "actor.id,\n";
if (!referralRouteCypher.includes(candidateProjection)) throw new Error("bench:routes: the route query no longer projects its candidates' actors as expected");
const sameAnswerCypher = referralRouteCypher.replace(
  candidateProjection,
  `${candidateProjection}service.name, actor.name, [(service)-[:HAS_CONTACT]->(contact:ContactPoint) WHERE contact.referralOnly = false | [contact.channel, contact.value]],\n`,
);

const path = (name: string, run: BenchPath["run"]): BenchPath => ({ name, run, latencies: [], seconds: 0, cpuMicroseconds: 0, neo4jCpuMs: 0, busy: 0 });
const paths = () =>
  [
    path("(b) same answer, one query", async (input) => {
      await driver.executeQuery(sameAnswerCypher, routeParameters(input as RouteRequestOfBench));
    }),
    path("(c) candidate query alone", async (input) => {
      await driver.executeQuery(referralRouteCypher, routeParameters(input as RouteRequestOfBench));
    }),
    path("(a1) handler, first asked", async (input) => {
      keepReads(sharedReadStores);
      await routeThroughHandler(input);
    }),
    path("(a0) handler, nothing kept", async (input) => {
      keepReads(false);
      await routeThroughHandler(input);
    }),
    path("(a) Lambda handler", async (input) => {
      keepReads(true);
      await routeThroughHandler(input);
    }),
  ] as const;

async function routeThroughHandler(input: unknown) {
  const result = (await handler(benchRouteEvent(input), lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
  if (result.statusCode !== 200 || result.body?.includes('"errors"')) throw new Error(`route failed: ${result.body?.slice(0, 300)}`);
  if (result.body?.includes('"degraded":true')) throw new BusyGraph();
}

function report([floor, candidatesOnly, firstAsked, nothingKept, lambda]: readonly [Figures, Figures, Figures, Figures, Figures]) {
  const ratios = (name: string, base: Figures) =>
    `${name}: p50 ${(lambda.p50 / base.p50).toFixed(2)}  p95 ${(lambda.p95 / base.p95).toFixed(2)}  throughput ${(base.throughput / lambda.throughput).toFixed(2)}`;
  console.log(`\n${ratios("ratio (a)/(b)", floor)}\n${ratios("ratio (a)/(c)", candidatesOnly)}\n${ratios("ratio (a)/(a1)", firstAsked)}\n${ratios("ratio (a)/(a0)", nothingKept)}`);
  if (lambda.neo4jCpuMs !== null && floor.neo4jCpuMs) {
    console.log(`Neo4j CPU per request (a)/(b) ${(lambda.neo4jCpuMs / floor.neo4jCpuMs).toFixed(2)}: a route asks it its candidates, then its nodes`);
  }
  console.log(
    `targets: (a) p95 ≤ 30 ms → ${lambda.p95 <= 30 ? "met" : "not met"}; p95 ratio ≤ 1.3 → ${lambda.p95 / floor.p95 <= 1.3 ? "met" : "not met"}; ` +
      `(a) ≥ 400 req/s → ${lambda.throughput >= 400 ? "met" : "not met"}; (a1) ≥ 400 req/s → ${firstAsked.throughput >= 400 ? "met" : "not met"}; ` +
      `handler CPU ≤ 3 ms/route → ${lambda.cpuMs <= 3 ? "met" : "not met"}`,
  );
}

console.log("Neo4j and the handler share the machine's cores:");
report(await measureAll(paths(), requests));

// As deployed, the function and the database do not share a CPU: with two cores or more, Neo4j's
// threads are pinned to one part of them and this process to the rest (taskset, util-linux).
const cores = availableParallelism();
if (cores >= 2 && neo4jPid !== undefined && canPin()) {
  const half = Math.floor(cores / 2);
  const handlerCores = half === 1 ? "0" : `0-${half - 1}`;
  const neo4jCores = half === cores - 1 ? String(half) : `${half}-${cores - 1}`;
  if (pinToCores(neo4jCores, neo4jPid) && pinToCores(handlerCores, process.pid)) {
    console.log(`\nNeo4j on core(s) ${neo4jCores}, the handler and the floor's client on core(s) ${handlerCores}:`);
    try {
      report(await measureAll(paths(), requests));
    } finally {
      pinToCores(`0-${cores - 1}`, neo4jPid);
    }
  } else {
    console.log("\ntaskset could not pin the processes: no separate-core figures");
  }
} else {
  console.log(`\n${cores} core(s) or no taskset: no separate-core figures`);
}

await driver.close();
if (!reused) await stopNeo4j(benchInstance);
process.exit(0);
