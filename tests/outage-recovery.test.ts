/**
 * Issue 18, Faults: once the graph answers again, routes are answered from it (functions/graph/outage-breaker.ts).
 * A TCP relay (tests/support/graph-link.ts) between the Lambda handler's driver and the tests' Neo4j
 * cuts the graph off and restores it. What is asserted is which answers come from the graph, not
 * how fast: the machine is shared (`npm run bench:route-plans -- --restart --under-load` times a
 * real Neo4j restart).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createDriver } from "../functions/graph/driver";
import { probeAfterMs, whenGraphAnswersAgain } from "../functions/graph/outage-breaker";
import { flushDemandCounts } from "../functions/observatory/demand-counts";
import { boltMessages, GraphLink } from "./support/graph-link";
import { graphql } from "./support/http-api";

const routeQuery = "query ($input: RouteRequest!) { referralRoute(input: $input) { degraded steps { rank } } }";
const inDanger = { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER" };

const neo4jAddress = new URL(inject("neo4j").uri.replace(/^bolt:/, "http:"));
const link = new GraphLink({ host: neo4jAddress.hostname, port: Number(neo4jAddress.port) });

async function degraded(): Promise<boolean> {
  const response = await graphql<{ referralRoute: { degraded: boolean } }>(routeQuery, { input: inDanger });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.referralRoute.degraded;
}

/** An outage the breaker has seen: a route finds the graph out of reach (degraded), then the breaker's second passes. */
async function outageSeen(): Promise<void> {
  await link.cut();
  expect(await degraded()).toBe(true);
  await sleep(probeAfterMs);
}

beforeAll(async () => {
  await link.open();
  // The handler's driver is made when its module is first imported, in this file's first request.
  process.env.NEO4J_URI = `bolt://127.0.0.1:${link.port}`;
  expect(await degraded()).toBe(false);
});

afterAll(() => link.cut());

describe("routes once the graph answers again", () => {
  it("are not refused because a demand-count write failed: nobody waited for it", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The route's demand counts are written after it answers, in a transaction (a BEGIN): the graph
    // is cut off while Neo4j's answer to it is held.
    link.holdAnswersTo(boltMessages.begin, 10_000);
    expect(await degraded()).toBe(false);
    await link.cut();
    await flushDemandCounts();
    expect(error).toHaveBeenCalledWith(expect.stringContaining("demand counts not written"));
    error.mockRestore();
    await link.open();

    expect(await degraded()).toBe(false);
  });

  it("are all answered from the graph when several come together after an outage, not only the first", async () => {
    await outageSeen();
    await link.open();

    const answers = await Promise.all(Array.from({ length: 4 }, () => degraded()));

    expect(answers).toEqual([false, false, false, false]);
  });

  it("are refused at once again while the graph is still out of reach after the breaker's second", async () => {
    await outageSeen();

    const answers = await Promise.all(Array.from({ length: 4 }, () => degraded()));

    expect(answers).toEqual([true, true, true, true]);
    await link.open();
    await sleep(probeAfterMs);
    expect(await degraded()).toBe(false);
  });
});

describe("whenGraphAnswersAgain", () => {
  let driver: Driver;
  beforeAll(() => {
    driver = createDriver({ uri: `bolt://127.0.0.1:${link.port}`, user: inject("neo4j").user, password: inject("neo4j").password });
  });
  afterAll(() => driver.close());

  it("calls back once when the graph answers after an outage, not on an ordinary answer; a step that fails leaves the requests answered", async () => {
    const recovered = vi.fn();
    const failing = vi.fn(() => {
      throw new Error("a recovery step that fails");
    });
    whenGraphAnswersAgain(driver, failing);
    whenGraphAnswersAgain(driver, recovered);
    whenGraphAnswersAgain(driver, recovered);
    await driver.executeQuery("RETURN 1");
    expect(recovered).not.toHaveBeenCalled();

    await link.cut();
    await expect(driver.executeQuery("RETURN 1")).rejects.toMatchObject({ code: "ServiceUnavailable" });
    await sleep(probeAfterMs);
    await link.open();
    await driver.executeQuery("RETURN 1");

    await sleep(0);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(recovered).toHaveBeenCalledTimes(1);
    expect(recovered).toHaveBeenCalledWith(driver);
  });
});
