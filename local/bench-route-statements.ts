/**
 * `node --import tsx local/bench-route-statements.ts`: what each statement of a route costs Neo4j.
 * The handler answers STATEMENTS_ROUTES routes of the bench:routes workload while the statements it
 * runs are recorded; then, with Neo4j pinned to one core and this process to another (taskset), each
 * kind is replayed at saturation, STATEMENTS_CONCURRENCY at a time, in rounds taken in turn, and
 * Neo4j's CPU per statement printed (its process's CPU time, /proc): the route query, the fetch of
 * the route's nodes, and `RETURN 1`, what any query costs it (Bolt, an auto-commit transaction, the
 * query cache). The machine's load moves the figures; the rounds weigh on each kind alike.
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import neo4j, { Session } from "neo4j-driver";
import { referralRouteCypher } from "../generated/cypher";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { lambdaContext } from "./http-api-event";
import { neo4jStatus } from "./neo4j-process";
import { canPin, pinToCores, processCpuMs } from "./process-cpu";
import { benchRouteEvent, routeWorkload } from "./route-workload";

const ROUTES = Number(process.env.STATEMENTS_ROUTES ?? 600);
const CONCURRENCY = Number(process.env.STATEMENTS_CONCURRENCY ?? 8);
const REPLAYS = 3;
const ROUNDS = 6;

interface Statement {
  cypher: string;
  parameters: Record<string, unknown>;
}

process.setSourceMapsEnabled(false);
process.env.NODE_ENV = "production";
const { driver } = await startBenchGraph({ reseed: false });
const neo4jPid = (await neo4jStatus(benchInstance)).pid;
if (neo4jPid === undefined || processCpuMs(neo4jPid) === null || availableParallelism() < 2 || !canPin()) {
  console.log("bench:route-statements needs Linux's /proc, taskset and two cores: nothing measured");
  process.exit(0);
}

// The handler's own driver runs its reads through Session.run (functions/graph/auto-commit-read.ts).
const recorded: Statement[] = [];
const run = Session.prototype.run;
Session.prototype.run = function (this: Session, ...args: Parameters<typeof run>) {
  recorded.push({ cypher: args[0] as string, parameters: (args[1] ?? {}) as Record<string, unknown> });
  return run.apply(this, args);
} as typeof run;
const { handler } = await import("../functions/handlers/graphql");
for (const input of routeWorkload(ROUTES)) {
  const result = (await handler(benchRouteEvent(input), lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
  if (result.statusCode !== 200 || !result.body?.includes('"degraded":false')) throw new Error(`route failed: ${result.body?.slice(0, 300)}`);
}
Session.prototype.run = run;

const routeQueries = recorded.filter((statement) => statement.cypher === referralRouteCypher);
const nodeFetches = recorded.filter((statement) => statement.cypher !== referralRouteCypher);
const kinds = [
  { name: "route query", statements: routeQueries },
  { name: "fetch of the route's nodes", statements: nodeFetches },
  { name: "RETURN 1", statements: routeQueries.map(() => ({ cypher: "RETURN 1", parameters: {} })) },
].map((kind) => ({ ...kind, count: 0, seconds: 0, neo4jCpuMs: 0 }));
console.log(`${ROUTES} routes: ${routeQueries.length} route queries, ${nodeFetches.length} node fetches (${new Set(nodeFetches.map((s) => s.cypher)).size} statement text)`);

async function replay(statements: Statement[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < statements.length) {
        const { cypher, parameters } = statements[next++]!;
        const session = driver.session({ defaultAccessMode: neo4j.session.READ });
        try {
          await session.run(cypher, parameters);
        } finally {
          await session.close();
        }
      }
    }),
  );
}

const cores = availableParallelism();
pinToCores(String(cores - 1), neo4jPid);
pinToCores(`0-${cores - 2}`, process.pid);
try {
  for (const kind of kinds) await replay(kind.statements);
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of kinds) {
      const statements = Array.from({ length: REPLAYS }, () => kind.statements).flat();
      const slice = statements.slice(Math.floor((round * statements.length) / ROUNDS), Math.floor(((round + 1) * statements.length) / ROUNDS));
      const started = performance.now();
      const neo4jCpu = processCpuMs(neo4jPid)!;
      await replay(slice);
      kind.neo4jCpuMs += processCpuMs(neo4jPid)! - neo4jCpu;
      kind.seconds += (performance.now() - started) / 1000;
      kind.count += slice.length;
    }
  }
} finally {
  pinToCores(`0-${cores - 1}`, neo4jPid);
}
console.log(`Neo4j on core ${cores - 1}, ${CONCURRENCY} statements at a time:`);
for (const kind of kinds) {
  console.log(
    `${kind.name.padEnd(28)} ${(kind.count / kind.seconds).toFixed(0).padStart(5)} statements/s  Neo4j CPU ${(kind.neo4jCpuMs / kind.count).toFixed(2)} ms each ` +
      `(${(kind.neo4jCpuMs / 10 / kind.seconds).toFixed(0)} % of its core)`,
  );
}
await driver.close();
process.exit(0);
