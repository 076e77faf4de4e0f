/**
 * Issue 18, Faults: a starting server (a Lambda container's init) has Neo4j plan the route query, so
 * that a Neo4j that has just started plans it before the first routes ask for it, within their 10 s
 * limit (functions/routes/route-query-warm-up.ts). Its time is a benchmark's (`npm run bench:route-plans --
 * --restart`); checked here: that it runs, with the parameter routes send, and that a graph out of
 * reach at start neither stops the server nor logs more than one line, without a stack.
 */
import type { Driver, Session } from "neo4j-driver";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createGraphQLServer } from "../functions/api/graphql-server";
import { createDriver } from "../functions/graph/driver";
import { warmUpRouteQuery } from "../functions/routes/route-query-warm-up";
import { referralRouteCypher } from "../generated/cypher";
import { freePort } from "../local/free-port";
import { testDriver } from "./support/graph";

interface Query {
  text: string;
  parameters: Record<string, unknown> | undefined;
}

/** The driver, recording the queries its sessions run. */
function recording(driver: Driver, queries: Query[]): Driver {
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
              queries.push({ text, parameters });
              return sessionTarget.run(text, parameters, config as never);
            };
          },
        });
      };
    },
  });
}

async function unreachableGraph(): Promise<Driver> {
  return createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, user: "neo4j", password: "unused" });
}

afterEach(() => vi.restoreAllMocks());

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

    await warmUpRouteQuery(testDriver());

    expect(warn).not.toHaveBeenCalled();
  });

  it("with the graph out of reach, resolves with one warning line and no stack", async () => {
    const driver = await unreachableGraph();
    const warnings: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));

    await expect(warmUpRouteQuery(driver)).resolves.toBeUndefined();
    await driver.close();

    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toEqual({ level: "WARN", message: "route query warm-up failed: the first routes plan the query", neo4jCode: "ServiceUnavailable" });
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
