/**
 * Issue 18, Faults: a starting server (a Lambda container's init), and a server whose graph answers
 * again after an outage, has Neo4j plan a route's statements, so that a Neo4j that has just started
 * plans them before the first routes ask for them, within their limits
 * (functions/routes/route-query-warm-up.ts). Its time is a benchmark's (`npm run bench:route-plans --
 * --restart [--under-load]`); checked here: that it plans every statement a route sends, with the
 * parameters routes send, that a route waits for a plan under way before it sends its statement, and
 * that a graph out of reach at start neither stops the server nor logs more than one line, without a
 * stack.
 */
import type { ApolloServer } from "@apollo/server";
import neo4j, { type Driver, type Session } from "neo4j-driver";
import { afterEach, describe, expect, it, vi } from "vitest";
import { publicCaller } from "../functions/auth/caller";
import { contextOf, type GraphQLContext } from "../functions/api/graphql-context";
import { createGraphQLServer } from "../functions/api/graphql-server";
import { createDriver } from "../functions/graph/driver";
import { keepReads } from "../functions/graph/version-keyed-cache";
import { keptRouteNodeStatements } from "../functions/routes/route-node-reads";
import type { RunRead } from "../functions/graph/auto-commit-read";
import { afterWarmUp, warmUpRouteStatements } from "../functions/routes/route-query-warm-up";
import { addDemandCountsCypher, referralRouteCypher } from "../generated/cypher";
import { freePort } from "../local/free-port";
import { testDriver } from "./support/graph";

interface Query {
  text: string;
  parameters: Record<string, unknown> | undefined;
  /** When it was sent, and when its answer came, on one clock counting the recorded events. */
  sent: number;
  answered?: number;
}

/** The driver, recording the queries its sessions run. */
function recording(driver: Driver, queries: Query[]): Driver {
  let clock = 0;
  return new Proxy(driver, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== "session") return typeof value === "function" ? value.bind(target) : value;
      return (...args: unknown[]) => {
        const session = value.apply(target, args) as Session;
        return new Proxy(session, {
          get(sessionTarget, sessionProperty) {
            const member = Reflect.get(sessionTarget, sessionProperty);
            if (sessionProperty !== "run") return typeof member === "function" ? member.bind(sessionTarget) : member;
            return (text: string, parameters?: Record<string, unknown>, config?: unknown) => {
              const query: Query = { text, parameters, sent: clock++ };
              queries.push(query);
              const result = sessionTarget.run(text, parameters, config as never);
              result.then(
                () => void (query.answered = clock++),
                () => undefined,
              );
              return result;
            };
          },
        });
      };
    },
  });
}

/** What Neo4j keys a plan on besides the text: the parameters' names and kinds. */
function parameterKinds(parameters: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parameters ?? {}).map(([name, value]) => [name, Array.isArray(value) ? "list" : neo4j.isInt(value) ? "integer" : value === null ? "null" : typeof value]),
  );
}

const routeInDanger = (commune: string, maxOptionsPerNeed: number) =>
  `{ referralRoute(input: { commune: "${commune}", situations: [INTIMATE_PARTNER_VIOLENCE], urgency: IMMEDIATE_DANGER, maxOptionsPerNeed: ${maxOptionsPerNeed} }) {
    degraded steps { service { id name } actor { id name } } } }`;

async function askRoute(server: ApolloServer<GraphQLContext>, commune: string, maxOptionsPerNeed = 3): Promise<void> {
  const { body } = await server.executeOperation({ query: routeInDanger(commune, maxOptionsPerNeed) }, { contextValue: contextOf(publicCaller) });
  expect(body.kind === "single" && body.singleResult.errors).toBeFalsy();
  expect(body.kind === "single" && (body.singleResult.data as { referralRoute: { degraded: boolean } }).referralRoute.degraded).toBe(false);
}

/**
 * A server whose queries are recorded, keeping nothing (every route sends all its reads), after two
 * routes of other services and actors, and of more of them, so that the fetch of a route's nodes is known.
 */
async function serverThatLearntItsStatements() {
  const queries: Query[] = [];
  const driver = recording(testDriver(), queries);
  const server = await createGraphQLServer({ driver, introspection: false });
  keepReads(false);
  await askRoute(server, "Nanterre");
  await askRoute(server, "92012", 1);
  return { queries, driver, server };
}

async function unreachableGraph(): Promise<Driver> {
  return createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, user: "neo4j", password: "unused" });
}

afterEach(() => {
  vi.restoreAllMocks();
  keepReads(true);
});

describe("the route query warm-up", () => {
  it("has Neo4j plan the route query once as a server starts, with the request as one map, as routes send it", async () => {
    const queries: Query[] = [];

    await createGraphQLServer({ driver: recording(testDriver(), queries), introspection: false });

    const routeQueries = queries.filter((query) => query.text === `EXPLAIN ${referralRouteCypher}`);
    expect(routeQueries).toHaveLength(1);
    expect(Object.keys(routeQueries[0]!.parameters!)).toEqual(["request"]);
    expect(routeQueries[0]!.parameters!.request).toEqual(expect.objectContaining({ communeCode: "92050", keptAreas: [], surroundingsKept: false }));
  });

  // A cold Neo4j plans the query in seconds (more on a loaded machine): the wait is the plan's, not a limit checked.
  it("is planned by the graph with the parameters routes send, without a warning", { timeout: 90_000 }, async () => {
    const warn = vi.spyOn(console, "warn");

    await warmUpRouteStatements(testDriver());

    expect(warn).not.toHaveBeenCalled();
  });

  it("plans every statement a route sends, with the same parameters, and the demand counts' write", async () => {
    const { queries, driver, server } = await serverThatLearntItsStatements();
    expect(keptRouteNodeStatements()).not.toEqual([]);

    queries.length = 0;
    await warmUpRouteStatements(driver);
    const planned = queries.map((query) => ({ text: query.text.replace(/^EXPLAIN /, ""), parameters: parameterKinds(query.parameters) }));
    expect(queries.every((query) => query.text.startsWith("EXPLAIN "))).toBe(true);
    queries.length = 0;
    await askRoute(server, "92062");
    const sent = queries.map((query) => ({ text: query.text, parameters: parameterKinds(query.parameters) }));

    expect(sent).not.toEqual([]);
    expect(planned).toEqual(expect.arrayContaining(sent));
    expect(planned.map((statement) => statement.text)).toContain(addDemandCountsCypher);
  });

  it("has a route sent while it plans wait for each plan before it sends that statement", async () => {
    const { queries, driver, server } = await serverThatLearntItsStatements();
    // Plans Neo4j has to make again, as after a restart: the route query's takes it about a second.
    await driver.executeQuery("CALL db.clearQueryCaches()");
    queries.length = 0;

    await Promise.all([warmUpRouteStatements(driver), askRoute(server, "92062")]);

    const plans = new Map(queries.filter((query) => query.text.startsWith("EXPLAIN ")).map((query) => [query.text.replace(/^EXPLAIN /, ""), query]));
    const routeReads = queries.filter((query) => !query.text.startsWith("EXPLAIN "));
    expect(routeReads.map((read) => read.text)).toContain(referralRouteCypher);
    for (const read of routeReads) expect(read.sent).toBeGreaterThan(plans.get(read.text)!.answered!);
  });

  it("has a route given up while it waits for a plan send nothing", async () => {
    const driver = testDriver();
    await driver.executeQuery("CALL db.clearQueryCaches()");
    const sent = vi.fn<RunRead>();

    const warmUp = warmUpRouteStatements(driver);
    const read = afterWarmUp(driver, sent, () => true)(referralRouteCypher, {});

    await expect(read).rejects.toThrow(/given up/);
    await warmUp;
    expect(sent).not.toHaveBeenCalled();
  });

  it("with the graph out of reach, resolves with one warning line and no stack", async () => {
    const driver = await unreachableGraph();
    const warnings: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));

    await expect(warmUpRouteStatements(driver)).resolves.toBeUndefined();
    await driver.close();

    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toEqual({ level: "WARN", message: "route warm-up failed: the first routes plan their statements", neo4jCode: "ServiceUnavailable" });
  });

  it("with the graph out of reach, does not stop a server from starting", async () => {
    const driver = await unreachableGraph();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);

    const server = await createGraphQLServer({ driver, introspection: false });
    await server.start();
    await server.stop();
    await driver.close();
  });
});
