/**
 * `npm run bench:scale`: does a route cost more on a France-sized graph? The same route workload
 * (bench:routes' requests, communes of the Hauts-de-Seine) runs as the route query on (1) the
 * Hauts-de-Seine data (seed/, the bench instance) and (2) the synthetic France-sized graph of
 * `npm run synth -- --scale france` (its own instance), in one run, taking turns; then (3) a workload
 * spread over every département of the synthetic graph. For each: p50/p95 of the query, and its db
 * hits per route (PROFILE, every request). Also the observatory's coverage of one département of each
 * graph (its read and its computation). Targets: France p95 ≤ 1.5 × the 92 figure; db hits per route
 * ≤ 2 000 on the France-sized graph; coverage of one département ≤ 2 s.
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Driver } from "neo4j-driver";
import { referralRouteCypher } from "../generated/cypher";
import { createDriver } from "../functions/graph/driver";
import { coverageOf, readCoverageGraph } from "../functions/observatory/coverage";
import { startNeo4j, stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { random, routeParameters, routeWorkload, type RouteRequestOfBench } from "./route-workload";
import { seedGraph } from "./seed-graph";
import { synthFranceInstance } from "./synthetic-france";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP = 200;
const ROUNDS = 4;
const COVERAGE_RUNS = 5;

const benchInstance: Neo4jInstance = {
  port: Number(process.env.BENCH_NEO4J_PORT ?? 7689),
  dataDir: join(import.meta.dirname, "..", ".data", "neo4j-bench"),
  user: "neo4j",
  password: "parcours-bench",
};

interface Graph {
  name: string;
  driver: Driver;
}

interface Workload {
  name: string;
  graph: Graph;
  requests: RouteRequestOfBench[];
  latencies: number[];
  dbHits: number[];
}

async function dbHitsOf(driver: Driver, request: RouteRequestOfBench): Promise<number> {
  const { summary } = await driver.executeQuery(`PROFILE ${referralRouteCypher}`, routeParameters(request));
  type Plan = { dbHits: number; children: Plan[] };
  const total = (plan: Plan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + total(child), 0);
  return total(summary.profile as unknown as Plan);
}

async function run(workload: Workload, requests: RouteRequestOfBench[], record: boolean) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const started = performance.now();
        await workload.graph.driver.executeQuery(referralRouteCypher, routeParameters(request));
        if (record) workload.latencies.push(performance.now() - started);
      }
    }),
  );
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function startGraphs(): Promise<{ local: Graph; france: Graph; stop: () => Promise<void> }> {
  const bench = await startNeo4j(benchInstance);
  const localDriver = createDriver({ uri: bench.uri, user: benchInstance.user, password: benchInstance.password });
  await localDriver.executeQuery("MATCH (n) DETACH DELETE n");
  await seedGraph(localDriver);
  const synth = await startNeo4j(synthFranceInstance);
  const franceDriver = createDriver({ uri: synth.uri, user: synthFranceInstance.user, password: synthFranceInstance.password });
  const { records } = await franceDriver.executeQuery("MATCH (g:SyntheticGraph {scale: 'france'}) RETURN count(g) AS marked, COUNT { MATCH (s:Service) } AS services");
  if (records[0]!.get("marked") === 0) throw new Error("bench:scale: the synthetic instance holds no synthetic graph; run `npm run synth -- --scale france` first");
  console.log(`Hauts-de-Seine data: ${bench.uri}; synthetic France: ${synth.uri}, ${records[0]!.get("services")} services\n`);
  return {
    local: { name: "92 (seed/)", driver: localDriver },
    france: { name: "France-sized (synthetic)", driver: franceDriver },
    stop: async () => {
      await localDriver.close();
      await franceDriver.close();
      if (!bench.reused) await stopNeo4j(benchInstance);
      if (!synth.reused) await stopNeo4j(synthFranceInstance);
    },
  };
}

async function frenchCommunes(driver: Driver, count: number): Promise<string[]> {
  const { records } = await driver.executeQuery("MATCH (c:Territory {level: 'COMMUNE'}) RETURN c.code AS code ORDER BY code");
  const all = records.map((r) => r.get("code") as string);
  const next = random(2026);
  return Array.from({ length: count }, () => all[Math.floor(next() * all.length)]!);
}

const { local, france, stop } = await startGraphs();
try {
  const requests = routeWorkload(REQUESTS + WARMUP);
  const spread = routeWorkload(REQUESTS + WARMUP, await frenchCommunes(france.driver, 400));
  const workloads: Workload[] = [
    { name: `92 workload on ${local.name}`, graph: local, requests, latencies: [], dbHits: [] },
    { name: `92 workload on ${france.name}`, graph: france, requests, latencies: [], dbHits: [] },
    { name: `all-France workload on ${france.name}`, graph: france, requests: spread, latencies: [], dbHits: [] },
  ];
  console.log(`${REQUESTS} route queries per workload, ${CONCURRENCY} concurrent, ${ROUNDS} rounds taken in turn after ${WARMUP} warm-up queries each`);
  for (const w of workloads) await run(w, w.requests.slice(0, WARMUP), false);
  const slice = Math.ceil(REQUESTS / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of workloads) await run(w, w.requests.slice(WARMUP + round * slice, WARMUP + (round + 1) * slice), true);
  }
  for (const w of workloads) {
    for (const request of w.requests.slice(WARMUP)) w.dbHits.push(await dbHitsOf(w.graph.driver, request));
  }
  const figures = workloads.map((w) => {
    const f = { p50: percentile(w.latencies, 50), p95: percentile(w.latencies, 95), hits: w.dbHits.reduce((a, b) => a + b, 0) / w.dbHits.length, maxHits: Math.max(...w.dbHits), p95Hits: percentile(w.dbHits, 95) };
    console.log(
      `${w.name.padEnd(50)} p50 ${f.p50.toFixed(1).padStart(6)} ms  p95 ${f.p95.toFixed(1).padStart(6)} ms  ` +
        `db hits mean ${f.hits.toFixed(0).padStart(6)}  p95 ${String(f.p95Hits).padStart(6)}  max ${String(f.maxHits).padStart(6)}`,
    );
    return f;
  });
  const [onLocal, onFrance] = figures as [(typeof figures)[number], (typeof figures)[number]];
  const ratio = onFrance.p95 / onLocal.p95;
  console.log(`\nratio p95 France-sized / 92, same workload: ${ratio.toFixed(2)} (target ≤ 1.5 → ${ratio <= 1.5 ? "met" : "not met"})`);
  console.log(`db hits per route on the France-sized graph, 92 workload: mean ${onFrance.hits.toFixed(0)}, max ${onFrance.maxHits} (target ≤ 2 000 → ${onFrance.maxHits <= 2000 ? "met" : onFrance.hits <= 2000 ? "met on average, not for every route" : "not met"})`);

  console.log(`\nObservatory coverage of one département (read + computation), median of ${COVERAGE_RUNS} after one warm-up:`);
  for (const [graph, departement] of [[local, "92"], [france, "92"], [france, "59"], [france, "62"]] as const) {
    const times: number[] = [];
    let cells = 0;
    for (let i = 0; i <= COVERAGE_RUNS; i++) {
      const started = performance.now();
      const coverage = coverageOf(await readCoverageGraph(graph.driver, departement, 60_000), departement, null);
      if (i > 0) times.push(performance.now() - started);
      cells = coverage.cells.length;
    }
    const median = percentile(times, 50);
    console.log(`  ${departement} on ${graph.name.padEnd(26)} ${median.toFixed(0).padStart(6)} ms  (${cells} cells; target ≤ 2 000 ms → ${median <= 2000 ? "met" : "not met"})`);
  }
} finally {
  await stop();
}
process.exit(0);
