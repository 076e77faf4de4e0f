/**
 * `node --import tsx local/route-handler-workload.ts`: the route workload of the benchmarks through the
 * GraphQL Lambda handler, against the graph NEO4J_URI names (NEO4J_USER, NEO4J_PASSWORD), CONCURRENCY
 * requests at a time: WARMUP requests, then ROUTES measured. Prints one JSON line: the latencies (ms),
 * this process's CPU per measured route (the handler's own, driver included), the handler's init (its
 * module import, as a Lambda container's) and how many routes answered degraded. A degraded route
 * fails the run, unless COUNT_DEGRADED=1 (bench:route-plans' first routes after a restart of Neo4j).
 * bench:scale runs it once per graph: a handler's driver is bound to one graph per process. With
 * WRITE_SERVICES (ids, comma separated), each route comes after a write of one of these services, as
 * markVerified writes it: the graph and the areas they serve get new versions (graph-version.ts). Not
 * timed, but its driver's CPU is counted in the process's.
 */
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { lambdaContext } from "./http-api-event";
import { loadGraphqlHandler } from "./handler-in-process";
import { benchRouteEvent, routeWorkload } from "./route-workload";
import { createDriver } from "../functions/graph/driver";
import { neo4jSettingsFromEnv } from "../functions/config";
import { markGraphChanged } from "../functions/graph/graph-version";

const ROUTES = Number(process.env.ROUTES ?? 100);
const WARMUP = Number(process.env.WARMUP ?? 50);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const COUNT_DEGRADED = process.env.COUNT_DEGRADED === "1";

const WRITE_SERVICES = (process.env.WRITE_SERVICES ?? "").split(",").filter((id) => id.length > 0);

const initStarted = performance.now();
const handler = await loadGraphqlHandler();
const initMs = performance.now() - initStarted;
let degraded = 0;
const writer = WRITE_SERVICES.length > 0 ? createDriver(neo4jSettingsFromEnv()) : null;
let writes = 0;

async function writeOneService() {
  if (writer === null) return;
  const id = WRITE_SERVICES[writes++ % WRITE_SERVICES.length]!;
  const session = writer.session();
  try {
    await session.executeWrite(async (tx) => {
      await tx.run("MATCH (service:Service {id: $id}) SET service.verifiedAt = service.verifiedAt", { id });
      await markGraphChanged(tx, { services: [id] });
    });
  } finally {
    await session.close();
  }
}

async function run(requests: unknown[], latencies: number[] | null) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const event = benchRouteEvent(requests[next++]);
        await writeOneService();
        const started = performance.now();
        const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
        const answered = result.statusCode === 200 && result.body?.includes('"degraded":false');
        if (!answered && !(COUNT_DEGRADED && result.body?.includes('"degraded":true'))) throw new Error(`route failed: ${result.body?.slice(0, 300)}`);
        if (!answered && latencies) degraded++;
        latencies?.push(performance.now() - started);
      }
    }),
  );
}

const requests = routeWorkload(WARMUP + ROUTES);
await run(requests.slice(0, WARMUP), null);
const latencies: number[] = [];
const cpu = process.cpuUsage();
await run(requests.slice(WARMUP), latencies);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ latencies, cpuMsPerRoute: (used.user + used.system) / 1000 / ROUTES, initMs, degraded }));
process.exit(0);
