/**
 * The confidentiality matrix: every caller who may not see a confidential address × every path a
 * query can take to it, each asserting that no part of the address (street, postal code,
 * coordinates) appears in the response body. Oracle paths run twice, with a true and a false guess,
 * and must answer alike. Paths and callers are lists: the cases are generated from them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Claims, Role } from "../functions/auth/caller";
import { confidentialDataset, fixture, leakedSecrets, saveDatasetMutation, secret, writeConfidentialFixture } from "./support/confidential-fixture";
import { apiRequest, graphql, invokeGraphQL, type GraphQLResponse } from "./support/http-api";
import { tokenFor } from "./support/tokens";

interface Caller {
  name: string;
  role: Role;
  claims?: Partial<Claims>;
}

/** Callers who must never see the address: the shelter's own operator and a coordinator of another département included. */
const deniedCallers: Caller[] = [
  { name: "PUBLIC (no token)", role: "PUBLIC" },
  { name: "PARTNER_APP", role: "PARTNER_APP" },
  { name: "FRONTLINE", role: "FRONTLINE" },
  { name: "SHELTER_OPERATOR of this very shelter", role: "SHELTER_OPERATOR", claims: { actor: fixture.actorId } },
  { name: "COORDINATOR of another département (77)", role: "COORDINATOR", claims: { departement: "77" } },
];

/** Callers who may see it: the probes must find the address for them, which proves the probes can see a leak. */
const allowedCallers: Caller[] = [
  { name: "COORDINATOR of the shelter's département (92)", role: "COORDINATOR", claims: { departement: "92" } },
  { name: "ADMIN", role: "ADMIN" },
];

type Send = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<unknown>>;

interface Path {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** For oracle paths: a guess that matches the hidden value and one that does not, put in the query as $guess. */
  oracle?: { right: unknown; wrong: unknown };
  /** For paths that do not go through POST. */
  send?: (token: string | undefined) => Promise<GraphQLResponse<unknown>>;
  /**
   * True for paths that reach the location for everyone: denied callers must get the location (its id)
   * with the address masked, and allowed callers the address itself (the positive controls).
   */
  showsAddressToAllowed?: boolean;
  /** The audit trail, whose records hold the address as the coordinator's write set it. */
  auditTrail?: boolean;
}

const addressFields = "id address postalCode latitude longitude";
const ids = { location: fixture.locationId, actor: fixture.actorId, service: fixture.serviceId };

const paths: Path[] = [
  // Direct fields
  { name: "field: the location by id", query: `{ locations(where: { id: { eq: "${ids.location}" } }) { ${addressFields} } }`, showsAddressToAllowed: true },
  { name: "field: every location", query: `{ locations { ${addressFields} } }`, showsAddressToAllowed: true },
  {
    name: "field: GET request with the preflight header",
    query: `{ locations(where: { id: { eq: "${ids.location}" } }) { ${addressFields} } }`,
    send: (token) =>
      invokeGraphQL(
        apiRequest({
          method: "GET",
          query: { query: `{ locations(where: { id: { eq: "${ids.location}" } }) { ${addressFields} } }` },
          headers: { "apollo-require-preflight": "true", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        }),
      ),
    showsAddressToAllowed: true,
  },
  // Nested traversals
  { name: "nested: service → locations", query: `{ services(where: { id: { eq: "${ids.service}" } }) { locations { ${addressFields} } } }`, showsAddressToAllowed: true },
  { name: "nested: actor → seat", query: `{ actors(where: { id: { eq: "${ids.actor}" } }) { seat { ${addressFields} } } }`, showsAddressToAllowed: true },
  // Lists are paged (@limit): pages large enough for every actor of the test graph, small enough for the list limit.
  { name: "nested: every actor → services → locations", query: `{ actors(limit: 200) { services(limit: 20) { locations(limit: 20) { ${addressFields} } } } }`, showsAddressToAllowed: true },
  {
    name: "nested: commune → services served → locations → services → providers → seat",
    query: `{ territories(where: { code: { eq: "92" } }, limit: 1) { servedBy(limit: 200) { locations(limit: 5) { address services(limit: 5) { providers(limit: 2) { seat(limit: 2) { ${addressFields} } } } } } } }`,
    showsAddressToAllowed: true,
  },
  // Connections
  {
    name: "connection: locationsConnection edges and totalCount",
    query: `{ locationsConnection(where: { id: { eq: "${ids.location}" } }) { totalCount edges { node { ${addressFields} } } } }`,
    showsAddressToAllowed: true,
  },
  {
    name: "connection: service → locationsConnection",
    query: `{ services(where: { id: { eq: "${ids.service}" } }) { locationsConnection { totalCount edges { node { ${addressFields} } } } } }`,
    showsAddressToAllowed: true,
  },
  {
    name: "connection: actor → seatConnection",
    query: `{ actors(where: { id: { eq: "${ids.actor}" } }) { seatConnection { totalCount edges { node { ${addressFields} } } } } }`,
    showsAddressToAllowed: true,
  },
  // Aggregations
  {
    name: "aggregate: locationsConnection aggregate of the confidential location",
    query: `{ locationsConnection(where: { confidential: { eq: true } }) { aggregate { count { nodes } node { name { longest shortest } source { longest } } } } }`,
  },
  {
    name: "aggregate: service → locationsConnection aggregate",
    query: `{ services(where: { id: { eq: "${ids.service}" } }) { locationsConnection { aggregate { count { nodes } node { name { longest } } } } } }`,
  },
  {
    name: "aggregate: the address as an aggregated field",
    query: `{ locationsConnection { aggregate { node { address { longest shortest } } } } }`,
  },
  // Filters used as oracles
  { name: "filter oracle: locations where address contains", query: `query ($guess: String) { locations(where: { address: { contains: $guess } }) { id } }`, oracle: { right: "rue du Secret", wrong: "rue du Faux" } },
  {
    name: "filter oracle: services where some location's address starts with",
    query: `query ($guess: String) { services(where: { locations: { some: { address: { startsWith: $guess } } } }) { id } }`,
    oracle: { right: "7 rue", wrong: "8 rue" },
  },
  {
    name: "filter oracle: actors where some seat's postal code starts with",
    query: `query ($guess: String) { actors(where: { seat: { some: { postalCode: { startsWith: $guess } } } }) { id } }`,
    oracle: { right: "9277", wrong: "9211" },
  },
  {
    name: "filter oracle: locationsConnection where latitude is above",
    query: `query ($guess: Float) { locationsConnection(where: { node: { latitude: { gt: $guess } } }) { totalCount } }`,
    oracle: { right: 48.85, wrong: 48.86 },
  },
  {
    name: "filter oracle: service → locationsConnection where address contains",
    query: `query ($guess: String) { services(where: { id: { eq: "${ids.service}" } }) { locationsConnection(where: { node: { address: { contains: $guess } } }) { totalCount } } }`,
    oracle: { right: "Secret", wrong: "Faux" },
  },
  {
    name: "filter oracle: confidential locations counted by address",
    query: `query ($guess: String) { locationsConnection(where: { AND: [{ confidential: { eq: true } }, { address: { eq: $guess } }] }) { totalCount } }`,
    oracle: { right: "7 rue du Secret-Matric", wrong: "7 rue du Faux" },
  },
  // Sorting
  { name: "sort: locations by address", query: `{ locations(sort: [{ address: DESC }], limit: 3) { id } }` },
  { name: "sort: locationsConnection by latitude", query: `{ locationsConnection(sort: [{ latitude: ASC }], first: 3) { edges { node { id } } } }` },
  { name: "sort: locations by name, address selected", query: `{ locations(sort: [{ name: ASC }]) { ${addressFields} } }`, showsAddressToAllowed: true },
  // Full-text search
  { name: "search: the shelter's operator, with its seat and its services' locations", query: `{ search(text: "hebergeur matrice") { id seat { ${addressFields} } services { locations { ${addressFields} } } } }`, showsAddressToAllowed: true },
  { name: "search: the street's words", query: `{ search(text: "rue secret matrice") { id name seat { ${addressFields} } } }` },
  // Errors
  {
    name: "error: a forbidden capacity field beside the address",
    query: `{ services(where: { id: { eq: "${ids.service}" } }) { capacity { placesFree } locations { ${addressFields} } } }`,
  },
  { name: "error: an unknown field beside the address", query: `{ locations(where: { id: { eq: "${ids.location}" } }) { address street } }` },
  {
    name: "error: saveDataset renaming the confidential location",
    query: saveDatasetMutation,
    variables: { input: { sources: confidentialDataset.sources, locations: [{ ...confidentialDataset.locations[0], address: undefined, name: "Renommé" }] } },
  },
  {
    name: "error: saveDataset with an invalid postal code for the confidential location",
    query: saveDatasetMutation,
    variables: { input: { locations: [{ ...confidentialDataset.locations[0], address: undefined, postalCode: "92-77" }] } },
  },
  // Audit trail: the coordinator's write recorded the address as its "after"
  { name: "audit trail: auditRecords", query: `{ auditRecords { subject role operation changes } }`, auditTrail: true },
  { name: "audit trail: auditRecordsConnection", query: `{ auditRecordsConnection { totalCount edges { node { changes } } } }`, auditTrail: true },
  // Introspection
  {
    name: "introspection: descriptions of the types and fields",
    query: `{ __schema { types { name description fields { name description } inputFields { name description } } } }`,
  },
];

/** Every way a referral route can reach the shelter's location: its steps, exclusions and reasons. */
const routeInput = (commune: string) => ({
  input: { commune, situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00", maxOptionsPerNeed: 10 },
});
const referralRoutePaths: Path[] = [
  {
    name: "route: steps' services and actors with their locations and seats",
    query: `query ($input: RouteRequest!) { referralRoute(input: $input) { steps { reasons service { id locations { ${addressFields} } } actor { seat { ${addressFields} } } } } }`,
    variables: routeInput("Nanterre"),
    showsAddressToAllowed: true,
  },
  {
    name: "route: every explanation of the route, in the shelter's commune",
    query: `query ($input: RouteRequest!) { referralRoute(input: $input) { emergency { number label available } steps { rank need reasons proximity placesFree } uncoveredNeeds { need reason } excluded { reasons } } }`,
    variables: routeInput("92050"),
  },
  {
    name: "route: exclusions' services with their locations, from another commune",
    query: `query ($input: RouteRequest!) { referralRoute(input: $input) { excluded { reasons service { locations { ${addressFields} } } } steps { reasons service { locations { ${addressFields} } } } } }`,
    variables: routeInput("Antony"),
    showsAddressToAllowed: true,
  },
];

const allPaths = [...paths, ...referralRoutePaths];
const tokens = new Map<string, string | undefined>();
const logged: string[] = [];

function sender(caller: Caller): Send {
  return (query, variables) => graphql(query, variables, tokens.get(caller.name));
}

async function probe(path: Path, caller: Caller): Promise<GraphQLResponse<unknown>[]> {
  const token = tokens.get(caller.name);
  if (path.send) return [await path.send(token)];
  const send = sender(caller);
  if (!path.oracle) return [await send(path.query, path.variables)];
  return [await send(path.query, { guess: path.oracle.right }), await send(path.query, { guess: path.oracle.wrong })];
}

beforeAll(async () => {
  for (const caller of [...deniedCallers, ...allowedCallers]) {
    tokens.set(caller.name, caller.role === "PUBLIC" ? undefined : await tokenFor(caller.role, caller.claims));
  }
  await writeConfidentialFixture();
  // Everything the process logs while the matrix runs, to check that logs do not leak either.
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
});

afterAll(() => vi.restoreAllMocks());

describe(`no confidential address reaches ${deniedCallers.length} callers through ${allPaths.length} paths`, () => {
  for (const caller of deniedCallers) {
    describe(caller.name, () => {
      for (const path of allPaths) {
        it(path.name, async () => {
          const responses = await probe(path, caller);

          for (const response of responses) {
            expect(response.statusCode).toBeLessThan(500);
            expect(leakedSecrets(response.rawBody)).toEqual([]);
          }
          if (path.oracle) expect(responses[0]!.rawBody).toEqual(responses[1]!.rawBody);
          if (path.showsAddressToAllowed) {
            expect(responses[0]!.body.errors).toBeUndefined();
            expect(responses[0]!.rawBody).toContain(fixture.locationId);
          }
        });
      }
    });
  }
});

describe("the probes see the address when the caller may (positive controls)", () => {
  for (const caller of allowedCallers) {
    for (const path of allPaths.filter((p) => p.showsAddressToAllowed || p.auditTrail)) {
      it(`${caller.name}: ${path.name}`, async () => {
        const [response] = await probe(path, caller);

        expect(response!.body.errors).toBeUndefined();
        expect(response!.rawBody).toContain(secret.street);
      });
    }
  }
});

describe("logs", () => {
  it("hold no part of the address after the whole matrix ran", () => {
    expect(logged.filter((line) => leakedSecrets(line).length > 0)).toEqual([]);
  });
});
