/**
 * Issue 18, Degraded route: when Neo4j is out of reach, `referralRoute` still answers the emergency
 * numbers, from the list shipped with the function, instead of an error. A TCP proxy stands between
 * the Lambda handler's driver and the tests' Neo4j; closing it cuts the graph off as a network fault
 * or a stopped database would, and reopening it shows the API recovers without a restart.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { apiRequest, graphql, invokeGraphQL } from "./support/http-api";
import { GraphLink } from "./support/graph-link";
import { tokenFor } from "./support/tokens";

interface Route {
  degraded: boolean;
  degradedReason: string | null;
  emergency: { number: string; label: string; available: string; channel: string; source: string }[];
  steps: unknown[];
  excluded: unknown[];
  uncoveredNeeds: unknown[];
  communeName: string;
}

const routeQuery = `query ($input: RouteRequest!) {
  referralRoute(input: $input) {
    degraded degradedReason communeName
    emergency { number label available channel source }
    steps { rank } excluded { need } uncoveredNeeds { need }
  }
}`;

const inDanger = { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER" };
const childInDanger = { commune: "Nanterre", situations: ["INTRAFAMILY_VIOLENCE"], urgency: "IMMEDIATE_DANGER", age: 15 };

const neo4jAddress = new URL(inject("neo4j").uri.replace(/^bolt:/, "http:"));
const link = new GraphLink({ host: neo4jAddress.hostname, port: Number(neo4jAddress.port) });

async function route(input: Record<string, unknown>): Promise<Route> {
  const response = await graphql<{ referralRoute: Route }>(routeQuery, { input });
  expect(response.body.errors).toBeUndefined();
  expect(response.rawBody).not.toMatch(/stack|    at /);
  return response.body.data!.referralRoute;
}

beforeAll(async () => {
  await link.open();
  // The handler's driver is made when its module is first imported, in this file's first request.
  process.env.NEO4J_URI = `bolt://127.0.0.1:${link.port}`;
});

afterAll(() => link.cut());

describe("referral route with the graph in reach", () => {
  it("is not degraded", async () => {
    const answer = await route(inDanger);
    expect(answer.degraded).toBe(false);
    expect(answer.degradedReason).toBeNull();
    expect(answer.steps.length).toBeGreaterThan(0);
  });
});

// Each degraded answer waits for the driver to give up (5 s, functions/graph/driver.ts): one per test,
// so that vitest's 30 s timeout catches a driver that would wait as long as API Gateway.
describe("referral route with the graph out of reach", () => {
  beforeAll(() => link.cut());
  afterAll(() => link.open());

  it("answers the emergency numbers in danger, degraded, with the reason and no error", async () => {
    const answer = await route(inDanger);
    expect(answer.degraded).toBe(true);
    expect(answer.degradedReason).toMatch(/^Service momentanément indisponible : seuls les numéros d'urgence sont donnés\./);
    expect(answer.emergency.map((line) => line.number)).toEqual(["17", "112", "114", "3919"]);
    expect(answer.emergency.find((line) => line.number === "114")).toMatchObject({ channel: "SMS", available: "24h/24, 7j/7" });
    expect(answer.emergency.every((line) => line.source.startsWith("https://"))).toBe(true);
    expect(answer).toMatchObject({ steps: [], excluded: [], uncoveredNeeds: [], communeName: "Nanterre" });
  });

  it("adds 119 when a child is concerned", async () => {
    const forAChild = await route(childInDanger);
    expect(forAChild.degraded).toBe(true);
    expect(forAChild.emergency.map((line) => line.number)).toEqual(["17", "112", "114", "3919", "119"]);
  });

  it("gives the numbers to a planned route too: they are all it can give", async () => {
    const planned = await route({ ...inDanger, urgency: "PLANNED" });
    expect(planned.degraded).toBe(true);
    expect(planned.emergency.map((line) => line.number)).toEqual(["17", "112", "114", "3919"]);
  });

  it("is never kept by a cache, so that it does not outlive the outage", async () => {
    const query = { query: routeQuery, variables: JSON.stringify({ input: inDanger }) };
    const response = await invokeGraphQL<{ referralRoute: Route }>(apiRequest({ method: "GET", query, headers: { "apollo-require-preflight": "true" } }));
    expect(response.body.data?.referralRoute.degraded).toBe(true);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  // A new container: the handler's module is loaded again, its server started with the graph cut off.
  // The index check and then the route each wait for the driver to give up, hence the longer limit.
  it("answers degraded from a container that starts during the outage", { timeout: 90_000 }, async () => {
    vi.resetModules();
    const answer = await route(inDanger);
    expect(answer.degraded).toBe(true);
    expect(answer.emergency.map((line) => line.number)).toEqual(["17", "112", "114", "3919"]);
  });

  it("answers a write with SERVICE_UNAVAILABLE, in a few seconds and without a stack", async () => {
    const mutation = "mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }";
    const response = await graphql(mutation, { input: { serviceId: "lescale-hebergement", placesFree: 3 } }, await tokenFor("SHELTER_OPERATOR"));
    expect(response.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(response.body.errors?.[0]?.message).toMatch(/out of reach.*17, 112, 114 \(SMS\), 3919/);
    expect(response.rawBody).not.toMatch(/stack|    at /);
  });

  it("still refuses an invalid request rather than degrade it", async () => {
    const response = await graphql(routeQuery, { input: { ...inDanger, commune: "Nulle-Part-Sur-Mer" } });
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("referral route when the graph is back", () => {
  it("is no longer degraded, without a restart", async () => {
    // The outage breaker lets a probe through a second after the last failure (functions/graph/outage-breaker.ts).
    await expect.poll(async () => (await route(inDanger)).degraded, { timeout: 15_000, interval: 500 }).toBe(false);
    const recovered = await route(inDanger);
    expect(recovered.degraded).toBe(false);
    expect(recovered.degradedReason).toBeNull();
    expect(recovered.steps.length).toBeGreaterThan(0);
  });
});
