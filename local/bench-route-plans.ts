/**
 * `npm run bench:route-plans [-- --restart]`: what Neo4j spends planning the route query when its
 * plans are not cached (a restart, `db.clearQueryCaches()`, a replan after the graph's statistics
 * moved). Neo4j keys a plan on the query's text and on its parameters' types, a list's size among
 * them (0, 1, 2–10, 11–100…): routes that differ in how many needs, situations or emergency numbers
 * they carry may each need a plan of their own, and one costs the planner about a second (more on a
 * cold JVM). The requests of routeRequestShapes (route-workload.ts) span the shapes the API accepts;
 * they are sent through the Lambda handler once after the plan cache is cleared, then once again with
 * the plans cached (the baseline): Neo4j's CPU for each pass, the slowest request, and how many routes
 * answered degraded (the time limit hit).
 *
 * `--restart [--routes 50 --concurrency 4 --rounds 1]`: the first routes after Neo4j restarts, whose
 * JVM is cold (planning the route query then costs it several seconds). The bench instance is
 * restarted, then `routes` routes are sent `concurrency` at a time (bench:soak's) through the handler
 * (a) of a process that started before the restart, as a Lambda container running when Neo4j
 * restarts (its kept reads off, or it would answer the same routes of the rounds before without
 * Neo4j); (b) of a process started after the restart, as a container starting then, whose init
 * warms the route query (functions/routes/route-query-warm-up.ts); (c) of a process started with
 * Neo4j's plans cached, the baseline. For each: the handler's init, the first routes' latencies, how
 * many answered degraded and why (the warnings the handler logged), Neo4j's CPU.
 *
 * `--restart --under-load [--routes 100 --rate 10 --rounds 1]`: (d) Neo4j stopped and started again
 * while routes flow through this process's handler, `rate` a second whatever their answers (a Lambda
 * container's traffic during Aura's maintenance), until `routes` routes have been sent after Neo4j
 * first answered again (a probe of its own, chaos-run.ts's): for the routes of the outage and for
 * those after, how many answered degraded and why, their latencies, and how long after Neo4j first
 * answered the routes were answered from the graph again. `--transactions` adds what Neo4j was doing
 * meanwhile, every 250 ms: its transactions by statement and state (planning, running); the sampler's
 * own SHOW TRANSACTIONS is planned on the cold JVM too, and takes its share of the CPU.
 */
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { setTimeout as sleep } from "node:timers/promises";
import neo4jDriver from "neo4j-driver";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { watchForFirstAnswer } from "./chaos-run";
import { lambdaContext } from "./http-api-event";
import { lambdaHeapFlags } from "./lambda-heap";
import { neo4jStatus, startNeo4j, stopNeo4j } from "./neo4j-process";
import { processCpuMs } from "./process-cpu";
import { benchRouteEvent, routeRequestShapes, routeWorkload } from "./route-workload";
import { graphqlFunctionMemoryMb } from "../stacks/function-memory";
import { keepReads } from "../functions/graph/version-keyed-cache";
import { flushDemandCounts } from "../functions/observatory/demand-counts";

const { values } = parseArgs({
  options: {
    restart: { type: "boolean", default: false },
    routes: { type: "string", default: "50" },
    concurrency: { type: "string", default: "4" },
    rounds: { type: "string", default: "1" },
    "under-load": { type: "boolean", default: false },
    rate: { type: "string", default: "10" },
    transactions: { type: "boolean", default: false },
  },
});

process.setSourceMapsEnabled(false);
process.env.NODE_ENV = "production";
const { driver } = await startBenchGraph({ reseed: false });
const neo4jCpuMs = async () => {
  const pid = (await neo4jStatus(benchInstance)).pid;
  return pid === undefined ? null : processCpuMs(pid);
};
const { handler } = await import("../functions/handlers/graphql");
const loadAverage = () => loadavg().map((load) => load.toFixed(1)).join(" ");

if (values.restart && values["under-load"]) await routesThroughRestart();
else if (values.restart) await firstRoutesAfterRestart();
else await planCachePasses();
await driver.close();
process.exit(0);

async function planCachePasses() {
  // Planning is what is measured: with reads kept, the passes after the first would not ask Neo4j at all.
  keepReads(false);
  const requests = routeRequestShapes();

  async function pass(): Promise<{ neo4jCpuMs: number | null; slowestMs: number; degraded: number; wallMs: number }> {
    const cpuBefore = await neo4jCpuMs();
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
    const cpuAfter = await neo4jCpuMs();
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
}

interface FirstRoutes {
  initMs: number | null;
  latencies: number[];
  degraded: number;
  warnings: string[];
}

async function firstRoutesAfterRestart() {
  const routes = Number(values.routes);
  const concurrency = Number(values.concurrency);
  const requests = routeWorkload(routes);
  const script = join(import.meta.dirname, "route-handler-workload.ts");
  const execFileAsync = promisify(execFile);
  // This process's handler would answer the routes of the rounds before from what it kept, without Neo4j.
  keepReads(false);

  async function restartNeo4j(): Promise<void> {
    // A restart between requests, not under them: the demand counts of the routes before are written first.
    await flushDemandCounts();
    await stopNeo4j(benchInstance);
    await startNeo4j(benchInstance);
  }

  /** The routes through this process's handler, started before the restart. */
  async function inThisProcess(): Promise<FirstRoutes> {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
    const latencies: number[] = [];
    let degraded = 0;
    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < requests.length) {
            const event = benchRouteEvent(requests[next++]);
            const started = performance.now();
            const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
            if (result.statusCode !== 200 || result.body?.includes('"errors"')) throw new Error(`route failed: ${result.body?.slice(0, 300)}`);
            if (result.body?.includes('"degraded":true')) degraded++;
            latencies.push(performance.now() - started);
          }
        }),
      );
    } finally {
      console.warn = warn;
    }
    return { initMs: null, latencies, degraded, warnings };
  }

  /** The routes through the handler of a process of their own (route-handler-workload.ts), with the heap limits Lambda gives the function. */
  async function inNewProcess(): Promise<FirstRoutes> {
    const { stdout, stderr } = await execFileAsync(process.execPath, [...lambdaHeapFlags(graphqlFunctionMemoryMb), "--import", "tsx", script], {
      env: { ...process.env, WARMUP: "0", ROUTES: String(routes), CONCURRENCY: String(concurrency), COUNT_DEGRADED: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
    const figures = JSON.parse(stdout.trim().split("\n").at(-1)!) as { latencies: number[]; initMs: number; degraded: number };
    return { ...figures, warnings: stderr.split("\n").filter((line) => line.includes('"level":"WARN"')) };
  }

  async function measured(name: string, work: () => Promise<FirstRoutes>): Promise<void> {
    const cpuBefore = await neo4jCpuMs();
    const started = performance.now();
    const figures = await work();
    const wallMs = performance.now() - started;
    const cpuAfter = await neo4jCpuMs();
    const sorted = [...figures.latencies].sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      `${name.padEnd(52)} init ${figures.initMs === null ? "-" : ms(figures.initMs)}  first ${concurrency} ${figures.latencies.slice(0, concurrency).map(ms).join(", ")}  ` +
        `p50 ${ms(sorted[Math.floor(sorted.length / 2)]!)}  max ${ms(sorted.at(-1)!)}  degraded ${figures.degraded}/${routes}  ` +
        `wall ${ms(wallMs)}  Neo4j CPU ${cpuBefore === null || cpuAfter === null ? "unknown" : ms(cpuAfter - cpuBefore)}  load ${loadAverage()}`,
    );
    const reasons = new Map<string, number>();
    for (const warning of figures.warnings) reasons.set(warning, (reasons.get(warning) ?? 0) + 1);
    for (const [warning, count] of reasons) console.log(`  ${count} × ${warning}`);
  }

  console.log(`${routes} routes (routeWorkload), ${concurrency} at a time, through the handler; load at the start ${loadAverage()}`);
  for (let round = 1; round <= Number(values.rounds); round++) {
    await restartNeo4j();
    await measured("(a) Neo4j restarted under a running container", inThisProcess);
    await restartNeo4j();
    await measured("(b) a container started after Neo4j restarted", inNewProcess);
    await measured("(c) a container started, plans cached (baseline)", inNewProcess);
  }
}

/**
 * Neo4j's transactions every 250 ms from its first answer until `done`: by statement, how many were
 * parsing or planning, how many running, and the oldest's elapsed time (SHOW TRANSACTIONS, on a
 * driver of its own).
 */
async function sampleTransactions(since: number, done: () => boolean): Promise<string[]> {
  const { uri } = await neo4jStatus(benchInstance);
  const sampler = neo4jDriver.driver(uri, neo4jDriver.auth.basic(benchInstance.user, benchInstance.password));
  const kindOf = (query: string) =>
    query.startsWith("EXPLAIN") ? "warm-up" :
    query.startsWith("OPTIONAL MATCH (commune") ? "route" :
    query.startsWith("OPTIONAL MATCH (graph:GraphVersion") ? "versions" :
    query === "RETURN 1" ? "probe" :
    query.startsWith("UNWIND $counts") ? "demand" :
    query.replace(/\s+/g, " ").slice(0, 30);
  const lines: string[] = [];
  try {
    while (!done()) {
      const at = Date.now();
      const { records } = await sampler.executeQuery(
        "SHOW TRANSACTIONS YIELD currentQuery, currentQueryStatus, currentQueryElapsedTime WHERE NOT currentQuery STARTS WITH 'SHOW' AND currentQuery <> '' RETURN currentQuery, currentQueryStatus, currentQueryElapsedTime.milliseconds AS ms",
      );
      const groups = new Map<string, { count: number; oldestMs: number }>();
      for (const record of records) {
        const key = `${kindOf(record.get("currentQuery") as string)} ${record.get("currentQueryStatus") as string}`;
        const group = groups.get(key) ?? { count: 0, oldestMs: 0 };
        groups.set(key, { count: group.count + 1, oldestMs: Math.max(group.oldestMs, Number(record.get("ms"))) });
      }
      lines.push(`+${at - since} ms: ${[...groups].map(([key, { count, oldestMs }]) => `${key} ×${count} (${oldestMs} ms)`).join(", ") || "none"}`);
      await sleep(Math.max(0, at + 250 - Date.now()));
    }
  } finally {
    await sampler.close();
  }
  return lines;
}

interface RouteOutcome {
  startedAt: number;
  ms: number;
  degraded: boolean;
}

async function routesThroughRestart() {
  const routes = Number(values.routes);
  const rate = Number(values.rate);
  const requests = routeWorkload(routes * 4);
  keepReads(false);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const percentile = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((list.length * p) / 100))] ?? 0;
  console.log(`routes (routeWorkload) at ${rate}/s through this process's handler while Neo4j restarts, until ${routes} sent after it first answered again; load at the start ${loadAverage()}`);

  for (let round = 1; round <= Number(values.rounds); round++) {
    const warnings: { at: number; line: string }[] = [];
    const warn = console.warn;
    const error = console.error;
    console.warn = console.error = (...args: unknown[]) => void warnings.push({ at: Date.now(), line: args.map(String).join(" ") });
    const outcomes: RouteOutcome[] = [];
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    let sentAfterAnswer = 0;
    let answeredAt = Number.POSITIVE_INFINITY;
    const started = Date.now();
    const sendUntil = async (done: () => boolean) => {
      while (!done()) {
        const startedAt = Date.now();
        if (startedAt >= answeredAt) sentAfterAnswer++;
        const request = (async () => {
          const result = (await handler(benchRouteEvent(requests[sent++ % requests.length]), lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
          if (result.statusCode !== 200 || result.body?.includes('"errors"')) throw new Error(`route failed: ${result.body?.slice(0, 300)}`);
          outcomes.push({ startedAt, ms: Date.now() - startedAt, degraded: result.body!.includes('"degraded":true') });
        })();
        inFlight.add(request);
        void request.finally(() => inFlight.delete(request));
        await sleep(Math.max(0, started + ((sent + 1) * 1000) / rate - Date.now()));
      }
    };
    let stoppedAt = 0;
    let sampling: Promise<string[]> | undefined;
    try {
      await sendUntil(() => Date.now() - started >= 2_000);
      const restart = (async () => {
        await stopNeo4j(benchInstance);
        stoppedAt = Date.now();
        const watch = watchForFirstAnswer((await neo4jStatus(benchInstance)).uri, benchInstance);
        const firstAnswer = watch.firstAnswer.then((answer) => void (answeredAt = answer.answeredAt));
        await startNeo4j(benchInstance);
        await firstAnswer;
        if (values.transactions) sampling = sampleTransactions(answeredAt, () => sentAfterAnswer >= routes && inFlight.size === 0);
      })();
      await sendUntil(() => sentAfterAnswer >= routes);
      await restart;
      await Promise.all(inFlight);
    } finally {
      console.warn = warn;
      console.error = error;
    }
    const phase = (name: string, list: RouteOutcome[], since: number) => {
      const latencies = list.map((o) => o.ms);
      const answered = list.filter((o) => !o.degraded).sort((a, b) => a.startedAt + a.ms - (b.startedAt + b.ms));
      const degraded = list.filter((o) => o.degraded).sort((a, b) => a.startedAt + a.ms - (b.startedAt + b.ms));
      console.log(
        `  ${name.padEnd(36)} ${String(list.length).padStart(4)} routes, degraded ${degraded.length}, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(0, ...latencies))}` +
          (answered[0] ? `; first from the graph answered +${ms(answered[0].startedAt + answered[0].ms - since)}` : "; none from the graph") +
          (degraded.at(-1) ? `, last degraded answered +${ms(degraded.at(-1)!.startedAt + degraded.at(-1)!.ms - since)}` : ""),
      );
    };
    console.log(`round ${round}: Neo4j stopped ${ms(stoppedAt - started)} into the load, first answered again ${ms(answeredAt - stoppedAt)} after its stop; load ${loadAverage()}`);
    phase("before it first answered again", outcomes.filter((o) => o.startedAt < answeredAt), stoppedAt);
    phase("after (ms from its first answer)", outcomes.filter((o) => o.startedAt >= answeredAt), answeredAt);
    const reasons = new Map<string, number>();
    for (const { at, line } of warnings) {
      const key = `${at < answeredAt ? "before" : "after "} ${line.replace(/"limitMs":\d+/, "")}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    for (const [line, count] of reasons) console.log(`    ${count} × ${line}`);
    for (const line of (await sampling) ?? []) console.log(`    ${line}`);
    const firstAfter = outcomes.filter((o) => o.startedAt >= answeredAt).sort((a, b) => a.startedAt - b.startedAt).slice(0, 12);
    console.log(`    first routes after (started +ms: answer, ms): ${firstAfter.map((o) => `+${o.startedAt - answeredAt}: ${o.degraded ? "degraded" : "graph"} ${o.ms}`).join(", ")}`);
    await flushDemandCounts();
  }
}
