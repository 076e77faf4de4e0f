/**
 * `npm run bench:route-memory`: the heap the reads a function keeps for routes take as their stores
 * fill towards their bounds (functions/routes/route-reads.ts, route-node-reads.ts), on the France-sized
 * synthetic graph (`npm run synth -- --scale france`), through the GraphQL handler in this process,
 * with the heap limits Lambda gives the function. First, keeping only the stores routes of other
 * communes share (area services above all), a route in one commune of every département: each
 * département's services enter the area store, whose bound is 100 000 services. Then, keeping every
 * store, routes of every shape in communes all over France (answers, nodes, surroundings). After each
 * step: the stores' fill and the heap used after a full collection; then the heap per service and per
 * answer row kept, and the stores at their bounds by proportion.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { createDriver } from "../functions/graph/driver";
import { keepReads, keptFills } from "../functions/graph/version-keyed-cache";
import { sharedReadStores } from "../functions/routes/route-reads";
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

  keepReads(sharedReadStores);
  let started = performance.now();
  await ask([{ commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00" }]);
  const base = report("handler loaded, one route answered", started);

  started = performance.now();
  const firstOfDepartement = [...new Map(communes.map((code) => [code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2), code])).values()];
  await ask(firstOfDepartement.map((commune) => ({ commune, situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00" })));
  const departements = report(`a route in each of ${firstOfDepartement.length} départements`, started);

  keepReads(true);
  started = performance.now();
  const next = random(2026);
  const shapes = routeRequestShapes();
  const spread = Array.from({ length: COMMUNES }, () => ({ ...shapes[Math.floor(next() * shapes.length)]!, commune: communes[Math.floor(next() * communes.length)]! }));
  await ask(spread);
  const everywhere = report(`${COMMUNES} routes of every shape all over France`, started);

  const added = (from: typeof base, to: typeof base, store: string) => to.fills[store]!.size - from.fills[store]!.size;
  const servicesKb = ((departements.heap - base.heap) * 1024) / added(base, departements, "area services");
  const serviceBound = departements.fills["area services"]!.maxSize;
  console.log(
    `\narea services: ${servicesKb.toFixed(2)} KB of heap per service kept (the départements' step, which keeps nothing else that grows): ` +
      `${((servicesKb * serviceBound) / 1024).toFixed(0)} MB at the bound of ${serviceBound}`,
  );
  const moreServicesMb = (added(departements, everywhere, "area services") * servicesKb) / 1024;
  const rowsKb = ((everywhere.heap - departements.heap - moreServicesMb) * 1024) / added(departements, everywhere, "route answers");
  const rowBound = everywhere.fills["route answers"]!.maxSize;
  console.log(
    `route answers (with the nodes and surroundings the same routes kept): ${rowsKb.toFixed(2)} KB of heap per candidate row kept, ` +
      `${((rowsKb * rowBound) / 1024).toFixed(0)} MB at the bound of ${rowBound}`,
  );
  const heapLimitMb = (await import("node:v8")).getHeapStatistics().heap_size_limit / 2 ** 20;
  console.log(
    `heap used by what is kept after the last step: ${(everywhere.heap - base.heap).toFixed(1)} MB; ` +
      `both stores at their bounds: ~${((servicesKb * serviceBound + rowsKb * rowBound) / 1024).toFixed(0)} MB; the function's heap limit: ${heapLimitMb.toFixed(0)} MB`,
  );
} finally {
  await synthetic.stop();
}
process.exit(0);
