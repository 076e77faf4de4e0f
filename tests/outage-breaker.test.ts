/**
 * Issue 18, Faults: the outage breaker (functions/graph/outage-breaker.ts) opens when Neo4j is out of
 * reach, not when it is only busy. Every pooled connection held by a slow transaction makes the next
 * request wait for a connection until the pool gives up (functions/graph/driver.ts): that request
 * fails, but the one sent right after it waits for a connection and is served — an open breaker
 * would refuse it at once, as if the graph were gone.
 */
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { createDriver } from "../functions/graph/driver";
import { isGraphBusy, isGraphUnreachable } from "../functions/graph/graph-unreachable";
import { neo4jSettingsFromEnv } from "../functions/config";

const driver = createDriver(neo4jSettingsFromEnv());
afterAll(() => driver.close());

/** The driver's pool (functions/graph/driver.ts). */
const poolSize = 10;

describe("the outage breaker under a full connection pool", () => {
  it("does not open when a request finds every connection busy", async () => {
    // Each holds a connection in a transaction that waits on Neo4j's side for longer than the pool's 3 s.
    const holders = Array.from({ length: poolSize }, () =>
      driver.executeQuery("CALL apoc.util.sleep(4500) RETURN 1 AS held", {}, { routing: neo4j.routing.READ }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const waiting = await driver.executeQuery("RETURN 1 AS one", {}, { routing: neo4j.routing.READ }).then(
      () => "answered",
      (error: unknown) => error,
    );
    expect(waiting).not.toBe("answered");
    expect(isGraphBusy(waiting)).toBe(true);
    expect(isGraphUnreachable(waiting)).toBe(false);

    // At once, while the slow transactions still run: it waits for the first connection they free.
    const { records } = await driver.executeQuery("RETURN 1 AS one", {}, { routing: neo4j.routing.READ });
    expect(records[0]!.get("one")).toBe(1);
    await Promise.all(holders);
  });
});
