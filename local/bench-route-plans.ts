/**
 * `npm run bench:route-plans`: what Neo4j spends planning the route query when its plans are not
 * cached (a restart, `db.clearQueryCaches()`, a replan after the graph's statistics moved). Neo4j
 * keys a plan on the query's text and on its parameters' types, a list's size among them (0, 1,
 * 2–10, 11–100…): routes that differ in how many needs, situations or emergency numbers they carry
 * may each need a plan of their own, and one costs the planner about a second (more on a cold JVM).
 * The requests of routeRequestShapes (route-workload.ts) span the shapes the API accepts; they are
 * sent through the Lambda handler once after the plan cache is cleared, then once again with the
 * plans cached (the baseline): Neo4j's CPU for each pass, the slowest request, and how many routes
 * answered degraded (the time limit hit).
 */
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { lambdaContext } from "./http-api-event";
import { neo4jStatus } from "./neo4j-process";
import { processCpuMs } from "./process-cpu";
import { benchRouteEvent, routeRequestShapes } from "./route-workload";
import { keepReads } from "../functions/graph/version-keyed-cache";

process.setSourceMapsEnabled(false);
process.env.NODE_ENV = "production";
const { driver } = await startBenchGraph({ reseed: false });
const neo4jPid = (await neo4jStatus(benchInstance)).pid;
const neo4jCpuMs = () => (neo4jPid === undefined ? null : processCpuMs(neo4jPid));
const { handler } = await import("../functions/handlers/graphql");
// Planning is what is measured: with reads kept, the passes after the first would not ask Neo4j at all.
keepReads(false);

const requests = routeRequestShapes();

async function pass(): Promise<{ neo4jCpuMs: number | null; slowestMs: number; degraded: number; wallMs: number }> {
  const cpuBefore = neo4jCpuMs();
  const started = performance.now();
  let slowestMs = 0;
  let degraded = 0;
  for (const input of requests) {
    const t0 = performance.now();
    const result = (await handler(benchRouteEvent(input), lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
    if (result.statusCode !== 200 || result.body?.includes('"errors"')) throw new Error(`route failed: ${result.body?.slice(0, 300)}`);
    if (result.body?.includes('"degraded":true')) degraded++;
    slowestMs = Math.max(slowestMs, performance.now() - t0);
  }
  const cpuAfter = neo4jCpuMs();
  return { neo4jCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, slowestMs, degraded, wallMs: performance.now() - started };
}

// The handler's own start and the JVM's first compilations are not what is measured: one pass first.
await pass();
await driver.executeQuery("CALL db.clearQueryCaches()");
const cold = await pass();
const warm = await pass();
const line = (name: string, figures: Awaited<ReturnType<typeof pass>>) =>
  `${name.padEnd(34)} Neo4j CPU ${figures.neo4jCpuMs === null ? "unknown" : `${figures.neo4jCpuMs.toFixed(0).padStart(6)} ms`}  ` +
  `wall ${figures.wallMs.toFixed(0).padStart(6)} ms  slowest ${figures.slowestMs.toFixed(0).padStart(5)} ms  degraded ${figures.degraded}`;
console.log(`${requests.length} route requests of different shapes (routeRequestShapes), one at a time, through the handler`);
console.log(line("after db.clearQueryCaches()", cold));
console.log(line("again, plans cached (baseline)", warm));
if (cold.neo4jCpuMs !== null && warm.neo4jCpuMs !== null) {
  console.log(`ratio: Neo4j CPU ${(cold.neo4jCpuMs / warm.neo4jCpuMs).toFixed(1)}, wall ${(cold.wallMs / warm.wallMs).toFixed(1)}`);
}
await driver.close();
process.exit(0);
