/**
 * Issue 18, Faults: what `updatePlacesFree` answers about a write while the graph recovers from an
 * outage (functions/graph/outage-breaker.ts). Given up before its commit, the write is not in the
 * graph and the answer says so; once its commit is sent, it is awaited within the request's limit,
 * since it may land: the answer is then the write's own, or, without one in time, says it may have
 * been saved. A relay between the handler's driver and Neo4j cuts the graph off once (so that it
 * counts as recovering), then holds Neo4j's answers to one message, as a stalling database would.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recoveringLimitMs } from "../functions/graph/outage-breaker";
import { queryLimits } from "../functions/api/query-limits";
import { boltMessages, GraphLink } from "./support/graph-link";
import { cypher } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const neo4jAddress = new URL(inject("neo4j").uri.replace(/^bolt:/, "http:"));
const link = new GraphLink({ host: neo4jAddress.hostname, port: Number(neo4jAddress.port) });

const serviceId = "lescale-hebergement";
const mutation = "mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }";

async function update(placesFree: number) {
  const started = Date.now();
  const response = await graphql<{ updatePlacesFree: { placesFree: number } }>(mutation, { input: { serviceId, placesFree } }, await tokenFor("SHELTER_OPERATOR"));
  expect(response.rawBody).not.toMatch(/stack|    at /);
  return { ...response, ms: Date.now() - started };
}

async function placesFreeInGraph(): Promise<number> {
  const [row] = await cypher<{ placesFree: number }>("MATCH (c:Capacity {id: $id}) RETURN c.placesFree AS placesFree", { id: `${serviceId}:capacity` });
  return row!.placesFree;
}

const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await link.open();
  // The handler's driver is made when its module is first imported, in this file's first request.
  process.env.NEO4J_URI = `bolt://127.0.0.1:${link.port}`;
  expect((await update(1)).body.errors).toBeUndefined();
  await link.cut();
  expect((await update(2)).body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
  await link.open();
  // The outage breaker lets a probe through a second after the last failure.
  for (let tries = 1; (await update(1)).body.errors !== undefined; tries++) {
    if (tries === 20) throw new Error("the handler did not recover from the outage");
    await waitMs(500);
  }
}, 60_000);

afterAll(() => link.cut());

describe("updatePlacesFree while the graph recovers", () => {
  it("answers SERVICE_UNAVAILABLE, not saved, when the graph does not serve the write in time, and does not write it later", async () => {
    link.holdAnswersTo(boltMessages.begin, recoveringLimitMs + 2_000);
    const answer = await update(3);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", limit: recoveringLimitMs, maybeSaved: false });
    expect(answer.body.errors?.[0]?.message).toMatch(/was not saved.*17, 112, 114 \(SMS\), 3919/);
    expect(answer.ms).toBeLessThan(recoveringLimitMs + 1_000);
    await waitMs(3_000);
    expect(await placesFreeInGraph()).toBe(1);
  });

  it("waits for a commit already sent rather than deny a write that lands", async () => {
    link.holdAnswersTo(boltMessages.commit, recoveringLimitMs + 2_000);
    const answer = await update(4);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.updatePlacesFree.placesFree).toBe(4);
    expect(await placesFreeInGraph()).toBe(4);
  });

  it("says the write may have been saved when its commit gets no answer within the request's limit", async () => {
    link.holdAnswersTo(boltMessages.commit, queryLimits.transactionTimeoutMs + 3_000);
    const answer = await update(5);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", limit: queryLimits.transactionTimeoutMs, maybeSaved: true });
    expect(answer.body.errors?.[0]?.message).toMatch(/may have been saved.*same number again is safe.*17, 112, 114 \(SMS\), 3919/);
    expect(await placesFreeInGraph()).toBe(5);
  });
});
