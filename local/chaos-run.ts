/**
 * The chaos run of issue 18 (`npm run chaos`, and tests/chaos.test.ts with smaller numbers): route
 * reads and updatePlacesFree writes at a steady rate through the GraphQL Lambda handler, a large
 * import under way, and the Neo4j process killed (SIGKILL) in the middle, then restarted. It counts
 * what a crash must not do: lose a write the API acknowledged, leave an import half-written, hang, or
 * answer with a stack. Its own Neo4j instance (a fresh data folder on a free port) and its own S3
 * server: the developer's and the tests' data are never touched. Local addresses only.
 */
import { rm } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Logger } from "@aws-lambda-powertools/logger";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import neo4jDriver, { type Driver } from "neo4j-driver";
import { issueToken } from "../functions/auth/tokens";
import { createDriver } from "../functions/graph/driver";
import type { ImportReport } from "../functions/imports/import-object";
import { freePort, freePortBelowEphemeralRange } from "./free-port";
import { generatedCsv } from "./generate-csv";
import { httpApiEvent, lambdaContext } from "./http-api-event";
import { killNeo4j, startNeo4j, stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { routeRequestShapes } from "./route-workload";
import { localBuckets, localS3Env, startS3Server } from "./s3-server";
import { seedGraph } from "./seed-graph";

export interface ChaosOptions {
  /** Requests per second, reads and writes alternating. */
  ratePerSecond: number;
  /** Load before the kill, in seconds. */
  secondsBeforeKill: number;
  /** Load after Neo4j is back, in seconds. */
  secondsAfterRecovery: number;
  /** Rows of the CSV imported while Neo4j is killed. */
  importRows: number;
  log?: (line: string) => void;
}

export interface Outcome {
  kind: "read" | "write";
  startedAt: number;
  ms: number;
  /** "ok", "degraded" (a route from the shipped emergency numbers), or the error's extensions.code. */
  result: string;
  status: number;
  auditId?: string;
  stackInBody: boolean;
}

export interface ChaosReport {
  outcomes: Outcome[];
  killedAt: number;
  /** When the restarting Neo4j first accepted a TCP connection on its Bolt port. */
  boltOpenAt: number;
  /**
   * When Neo4j first answered a query again (a probe of the run's own, outside the API, asking
   * `RETURN 1` every few milliseconds from the kill on): the end of the outage, to the probe's step.
   */
  neo4jAnsweredAt: number;
  /** When the restart was over: the launcher's ready line printed and its own `RETURN 1` answered. */
  neo4jReadyAt: number;
  /** Writes the API acknowledged (with an auditId), and those of them the graph no longer has. */
  acknowledgedWrites: number;
  lostWrites: number;
  /** The first request after Neo4j answered again that the API answered from the graph, in ms after that first answer. */
  recoveredAfterMs: number | null;
  /** The last route answered degraded after Neo4j answered again, in ms after that first answer (null: none was). */
  routesDegradedUntilMs: number | null;
  /** A route asked once the load is over (again until answered, for a minute at most): "ok" when the graph answers routes again. */
  routeAfterRecovery: string;
  /** The same for an updatePlacesFree write, after that route. */
  writeAfterRecovery: string;
  import: {
    failed: boolean;
    reason: string;
    /** The status of the report the import wrote under reports/ ("failed" when the kill failed it); null when it wrote none. */
    reportStatus: ImportReport["status"] | null;
    actorsAfter: number;
    servicesAfter: number;
    expectedActors: number;
    expectedServices: number;
  };
}

const importPrefix = "chaos";

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const port = await freePortBelowEphemeralRange();
  const instance: Neo4jInstance = { port, dataDir: join(import.meta.dirname, "..", ".data", `neo4j-chaos-${port}`), user: "neo4j", password: "parcours-chaos" };
  const s3Dir = join(import.meta.dirname, "..", ".data", `s3-chaos-${port}`);
  await rm(instance.dataDir, { recursive: true, force: true });
  const neo4j = await startNeo4j(instance);
  const s3 = await startS3Server(await freePort(), s3Dir);
  const secret = "parcours-chaos-secret-at-least-32-characters";
  Object.assign(process.env, localS3Env(s3.endpoint), {
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: instance.user,
    NEO4J_PASSWORD: instance.password,
    JWT_SECRET: secret,
    JWT_ISSUER: "parcours-chaos",
    JWT_AUDIENCE: "parcours-api",
    POWERTOOLS_LOG_LEVEL: "WARN",
  });
  const checker = createDriver({ uri: neo4j.uri, user: instance.user, password: instance.password });
  try {
    await seedGraph(checker);
    log(`Neo4j ${neo4j.uri} started and seeded`);
    const { handler } = await import("../functions/handlers/graphql");
    // An administrator's token, so that writes spread over every shelter rather than queue on one record's lock.
    const token = await issueToken({ claims: { sub: "chaos-admin", role: "ADMIN" }, secret, audience: "parcours-api", issuer: "parcours-chaos" });
    const shelters = await housingServices(checker);
    // Routes in the 36 shapes of routeRequestShapes, in turn: after the restart, a route waits for the plan of its shape wherever Neo4j plans shapes apart.
    const routeShapes = routeRequestShapes();

    const outcomes: Outcome[] = [];
    const inFlight = new Set<Promise<void>>();
    const send = (kind: Outcome["kind"], sequence: number) => {
      const body =
        kind === "read"
          ? { query: routeQuery, variables: { input: routeShapes[Math.floor(sequence / 2) % routeShapes.length] } }
          : { query: placesMutation, variables: { input: { serviceId: shelters[sequence % shelters.length], placesFree: sequence % 40 } } };
      const startedAt = Date.now();
      const event = httpApiEvent({
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(kind === "write" ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const request = (async () => {
        const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
        outcomes.push({ kind, startedAt, ms: Date.now() - startedAt, ...outcomeOf(result) });
      })();
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    };

    let sequence = 0;
    const started = Date.now();
    const loadUntil = async (done: () => boolean) => {
      while (!done()) {
        send(sequence % 2 === 0 ? "read" : "write", sequence);
        sequence += 1;
        await sleep(Math.max(0, started + (sequence * 1000) / options.ratePerSecond - Date.now()));
      }
    };

    await loadUntil(() => Date.now() - started >= options.secondsBeforeKill * 1000);
    const importRun = interruptedImport(checker, options.importRows);
    await loadUntil(() => importRun.writing);
    const killedAt = Date.now();
    await killNeo4j(instance);
    log(`Neo4j killed (SIGKILL) ${((killedAt - started) / 1000).toFixed(1)} s into the load, the import writing`);
    const watch = watchForFirstAnswer(neo4j.uri, instance);
    let restarted = false;
    // Its failure is kept as a value until the load stops sending: a rejection nobody awaits yet is an unhandled one.
    const restart = startNeo4j(instance)
      .then(
        () => undefined,
        (error: unknown) => ({ error }),
      )
      .finally(() => {
        restarted = true;
      });
    await loadUntil(() => restarted);
    const failed = await restart;
    if (failed) {
      watch.stop();
      throw failed.error;
    }
    const neo4jReadyAt = Date.now();
    const { boltOpenAt, answeredAt: neo4jAnsweredAt } = await watch.firstAnswer;
    const after = (at: number) => `${((at - killedAt) / 1000).toFixed(1)} s`;
    log(`Neo4j restarted: Bolt port open after ${after(boltOpenAt)}, first answer after ${after(neo4jAnsweredAt)}, ready after ${after(neo4jReadyAt)}`);
    await loadUntil(() => Date.now() - neo4jReadyAt >= options.secondsAfterRecovery * 1000);
    await Promise.all(inFlight);
    // A cold Neo4j on a loaded machine may time routes and writes out for a while (it plans their
    // statements anew): ask until each is answered.
    const answeredAfterRecovery = async (kind: Outcome["kind"]) => {
      let result = "";
      for (let attempt = 0; attempt < 30 && result !== "ok"; attempt++) {
        if (attempt > 0) await sleep(2_000);
        send(kind, sequence++);
        await Promise.all(inFlight);
        result = outcomes.at(-1)!.result;
      }
      return result;
    };
    const routeAfterRecovery = await answeredAfterRecovery("read");
    const writeAfterRecovery = await answeredAfterRecovery("write");
    const importResult = await importRun.result;

    const acknowledged = outcomes.flatMap((o) => (o.auditId ? [o.auditId] : []));
    const { records } = await checker.executeQuery("MATCH (a:AuditRecord) WHERE a.id IN $ids RETURN count(a) AS found", { ids: acknowledged });
    const found = records[0]!.get("found") as number;
    const recovered = outcomes.filter((o) => o.startedAt >= neo4jAnsweredAt && o.result === "ok").sort((a, b) => a.startedAt - b.startedAt)[0];
    const lastDegraded = outcomes.filter((o) => o.startedAt + o.ms >= neo4jAnsweredAt && o.result === "degraded").sort((a, b) => b.startedAt + b.ms - (a.startedAt + a.ms))[0];
    return {
      outcomes,
      killedAt,
      boltOpenAt,
      neo4jAnsweredAt,
      neo4jReadyAt,
      acknowledgedWrites: acknowledged.length,
      lostWrites: acknowledged.length - found,
      recoveredAfterMs: recovered ? recovered.startedAt + recovered.ms - neo4jAnsweredAt : null,
      routesDegradedUntilMs: lastDegraded ? lastDegraded.startedAt + lastDegraded.ms - neo4jAnsweredAt : null,
      routeAfterRecovery,
      writeAfterRecovery,
      import: { ...importResult, ...(await importedCounts(checker)), expectedActors: options.importRows / 10, expectedServices: options.importRows },
    };
  } finally {
    await checker.close();
    await stopNeo4j(instance);
    await s3.close();
    await rm(s3Dir, { recursive: true, force: true });
    await rm(instance.dataDir, { recursive: true, force: true });
  }
}

const routeQuery = `query ChaosRoute($input: RouteRequest!) { referralRoute(input: $input) { degraded emergency { number } steps { need rank service { id } } } }`;
const placesMutation = `mutation ChaosPlaces($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree auditId } }`;

function outcomeOf(result: APIGatewayProxyStructuredResultV2): Omit<Outcome, "kind" | "startedAt" | "ms"> {
  const body = result.body ?? "";
  const stackInBody = /\n\s+at |"stacktrace"/.test(body);
  const status = result.statusCode ?? 200;
  try {
    const answer = JSON.parse(body) as { data?: Record<string, { degraded?: boolean; auditId?: string } | null> | null; errors?: { extensions?: { code?: string } }[] };
    const code = answer.errors?.[0]?.extensions?.code;
    if (code) return { result: code, status, stackInBody };
    const route = answer.data?.referralRoute;
    const write = answer.data?.updatePlacesFree;
    return { result: route?.degraded ? "degraded" : "ok", status, stackInBody, ...(write?.auditId ? { auditId: write.auditId } : {}) };
  } catch {
    return { result: `HTTP ${status}`, status, stackInBody };
  }
}

/**
 * Watches a killed (or stopped) Neo4j come back: a TCP connection to its Bolt port, and `RETURN 1` through a
 * driver of its own (no outage breaker, no retries), a new probe every 20 ms while earlier ones may
 * still wait, so that a restart that accepts connections before it answers is seen answering at once.
 */
export function watchForFirstAnswer(uri: string, instance: Neo4jInstance): { firstAnswer: Promise<{ boltOpenAt: number; answeredAt: number }>; stop: () => void } {
  const { hostname, port } = new URL(uri.replace(/^bolt:/, "http:"));
  const driver = neo4jDriver.driver(uri, neo4jDriver.auth.basic(instance.user, instance.password), {
    connectionTimeout: 2_000,
    maxTransactionRetryTime: 0,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 60_000,
  });
  let boltOpenAt: number | undefined;
  let answeredAt: number | undefined;
  let stopped = false;
  const firstAnswer = (async () => {
    const probes = new Set<Promise<void>>();
    try {
      while (answeredAt === undefined && !stopped) {
        const probe = (async () => {
          if (boltOpenAt === undefined && (await acceptsConnections(hostname, Number(port)))) boltOpenAt ??= Date.now();
          await driver.executeQuery("RETURN 1").then(
            () => void (answeredAt ??= Date.now()),
            () => undefined,
          );
        })();
        probes.add(probe);
        void probe.finally(() => probes.delete(probe));
        await sleep(20);
        if (probes.size >= 40) await Promise.race(probes);
      }
      await Promise.all(probes);
    } finally {
      await driver.close();
    }
    if (answeredAt === undefined) throw new Error("Neo4j did not answer again");
    return { boltOpenAt: boltOpenAt ?? answeredAt, answeredAt };
  })();
  firstAnswer.catch(() => undefined);
  return { firstAnswer, stop: () => void (stopped = true) };
}

function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function housingServices(driver: Driver): Promise<string[]> {
  const { records } = await driver.executeQuery("MATCH (s:Service {kind: 'HOUSING_PLACES'})-[:HAS_CAPACITY]->(:Capacity) RETURN s.id AS id ORDER BY id");
  return records.map((record) => record.get("id") as string);
}

/**
 * A CSV import through importObject, as the import handler runs it, whose `writing` turns true when
 * its write transaction has started (the first batch logged), the moment to kill Neo4j.
 */
function interruptedImport(driver: Driver, rows: number): { readonly writing: boolean; result: Promise<{ failed: boolean; reason: string; reportStatus: ImportReport["status"] | null }> } {
  const state = { writing: false };
  const logger = new Logger({ serviceName: "parcours-chaos", logLevel: "WARN" });
  const info = logger.info.bind(logger);
  logger.info = (message: string, ...rest: unknown[]) => {
    if (message === "import progress" && JSON.stringify(rest).includes('"phase":"write"')) state.writing = true;
    info(message, ...(rest as []));
  };
  const key = `incoming/${importPrefix}-${rows}.csv`;
  const result = (async () => {
    const { createS3Client, readObject, readText } = await import("../functions/storage/s3");
    const { importObject, reportKeyOf } = await import("../functions/imports/import-object");
    const s3 = createS3Client();
    await s3.send(new PutObjectCommand({ Bucket: localBuckets.imports, Key: key, Body: generatedCsv(rows, importPrefix) }));
    const reportStatus = () =>
      readObject(s3, localBuckets.imports, reportKeyOf(key)).then(
        async ({ body }) => (JSON.parse(await readText(body)) as ImportReport).status,
        () => null,
      );
    try {
      const report = await importObject({ s3, driver, bucket: localBuckets.imports, key, logger });
      return { failed: report.status !== "imported", reason: report.status, reportStatus: report.status };
    } catch (error) {
      return { failed: true, reason: (error as { code?: string }).code ?? (error as Error).name, reportStatus: await reportStatus() };
    } finally {
      state.writing = true;
    }
  })();
  return {
    get writing() {
      return state.writing;
    },
    result,
  };
}

async function importedCounts(driver: Driver): Promise<{ actorsAfter: number; servicesAfter: number }> {
  const { records } = await driver.executeQuery(
    `OPTIONAL MATCH (a:Actor) WHERE a.id STARTS WITH $prefix WITH count(a) AS actors
     OPTIONAL MATCH (s:Service) WHERE s.id STARTS WITH $prefix RETURN actors, count(s) AS services`,
    { prefix: `${importPrefix}-` },
  );
  return { actorsAfter: records[0]!.get("actors") as number, servicesAfter: records[0]!.get("services") as number };
}
