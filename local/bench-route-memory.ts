/**
 * `npm run bench:route-memory`: the heap the reads a function keeps for routes take as their stores
 * fill towards their bounds (functions/routes/route-reads.ts, route-node-reads.ts), on the France-sized
 * synthetic graph (`npm run synth -- --scale france`), through the GraphQL handler in this process,
 * with the heap limits Lambda gives the function. First a route in one commune of every département
 * (each département's services enter the area store: its bound is 100 000 services), then routes of
 * every shape in communes all over France (surroundings, answers, nodes). After each step: the
 * stores' fill and the heap used after a full collection, against the heap with the handler loaded and
 * one route answered; then the heap per unit of each store, and at the bounds by proportion.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { createDriver } from "../functions/graph/driver";
import { keptFills } from "../functions/graph/version-keyed-cache";
import { markGraphChangedCypher } from "../generated/cypher";
import { loadGraphqlHandler } from "./handler-in-process";
import { lambdaContext } from "./http-api-event";
import { benchRouteEvent, random, routeRequestShapes } from "./route-workload";
import { startSyntheticGraph } from "./synthetic-france";
import { lambdaHeapFlags } from "./lambda-heap";
import { graphqlFunctionMemoryMb } from "../stacks/function-memory";

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 3_000);
const CONCURRENCY = 4;

if (typeof globalThis.gc !== "function") {
  const run = spawnSync(process.execPath, [...lambdaHeapFlags(graphqlFunctionMemoryMb), "--expose-gc", "--import", "tsx", import.meta.filename], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}
const collect = globalThis.gc;

const synthetic = await startSyntheticGraph("france");
if (synthetic === null) process.exit(1);
try {
  const { uri, instance } = synthetic;
  Object.assign(process.env, { NEO4J_URI: uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password });
  const driver = createDriver({ uri, user: instance.user, password: instance.password });
  // Written by raw Cypher, the synthetic graph has no version, and a function keeps nothing of a graph without one.
  await driver.executeQuery(markGraphChangedCypher, { areas: [], structure: true, changesKept: 0 });
  const { records } = await driver.executeQuery("MATCH (c:Territory {level: 'COMMUNE'}) RETURN c.code AS code ORDER BY code");
  const communes = records.map((record) => record.get("code") as string);
  await driver.close();

  const handler = await loadGraphqlHandler();
  const ask = async (requests: unknown[]) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const result = (await handler(benchRouteEvent(requests[next++]), lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
          if (result.statusCode !== 200 || !result.body?.includes('"degraded":false')) throw new Error(`route failed: ${result.body?.slice(0, 300)}`);
        }
      }),
    );
  };
  const heapUsedMb = () => {
    collect();
    collect();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const report = (step: string, started: number) => {
    const heap = heapUsedMb();
    const fills = Object.entries(keptFills())
      .map(([name, { size, maxSize, entries }]) => `${name} ${size}/${maxSize} (${entries} entries)`)
      .join("; ");
    console.log(`${step.padEnd(52)} heap used ${heap.toFixed(1).padStart(7)} MB  (${((performance.now() - started) / 1000).toFixed(0)} s)\n  ${fills}`);
    return { heap, fills: keptFills() };
  };

  let started = performance.now();
  await ask([{ commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00" }]);
  const base = report("handler loaded, one route answered", started);

  started = performance.now();
  const firstOfDepartement = [...new Map(communes.map((code) => [code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2), code])).values()];
  await ask(firstOfDepartement.map((commune) => ({ commune, situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00" })));
  const departements = report(`a route in each of ${firstOfDepartement.length} départements`, started);

  started = performance.now();
  const next = random(2026);
  const shapes = routeRequestShapes();
  const spread = Array.from({ length: COMMUNES }, () => ({ ...shapes[Math.floor(next() * shapes.length)]!, commune: communes[Math.floor(next() * communes.length)]! }));
  await ask(spread);
  const everywhere = report(`${COMMUNES} routes of every shape all over France`, started);

  const perUnit = (from: typeof base, to: typeof base, store: string) => {
    const added = to.fills[store]!.size - from.fills[store]!.size;
    return added > 0 ? ((to.heap - from.heap) * 1024) / added : Number.NaN;
  };
  const servicesKb = perUnit(base, departements, "area services");
  const servicesAtBound = (servicesKb * departements.fills["area services"]!.maxSize) / 1024;
  console.log(
    `\narea services: ${servicesKb.toFixed(2)} KB of heap per service kept (the départements' step, which adds little else): ` +
      `${servicesAtBound.toFixed(0)} MB at the bound of ${departements.fills["area services"]!.maxSize}`,
  );
  const rest = everywhere.heap - departements.heap;
  console.log(
    `the routes all over France added ${rest.toFixed(1)} MB: surroundings, answers, nodes and more area services ` +
      `(${everywhere.fills["area services"]!.size - departements.fills["area services"]!.size} services at ${servicesKb.toFixed(2)} KB: ` +
      `${(((everywhere.fills["area services"]!.size - departements.fills["area services"]!.size) * servicesKb) / 1024).toFixed(1)} MB)`,
  );
  console.log(`heap used by what is kept, all stores: ${(everywhere.heap - base.heap).toFixed(1)} MB; the function's heap limit: ${(await import("node:v8")).getHeapStatistics().heap_size_limit / 2 ** 20} MB`);
} finally {
  await synthetic.stop();
}
process.exit(0);
