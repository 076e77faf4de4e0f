/** What each role reads of capacities and contact channels. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../functions/auth/caller";
import { fixture, writeConfidentialFixture } from "./support/confidential-fixture";
import { cypher, testDriver } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokensByRole } from "./support/tokens";

let tokens: Record<Role, string | undefined>;

beforeAll(async () => {
  tokens = await tokensByRole();
  await writeConfidentialFixture();
});

const publicRoles = ["PUBLIC", "PARTNER_APP"] as const;
const professionalRoles = ["FRONTLINE", "COORDINATOR", "SHELTER_OPERATOR", "ADMIN"] as const;
const capacityOf = (fields: string) => `{ services(where: { id: { eq: "${fixture.serviceId}" } }) { capacity { ${fields} } } }`;

describe("capacity", () => {
  it.each([...publicRoles, ...professionalRoles])("%s sees whether places are available", async (role) => {
    const response = await graphql(capacityOf("placesAvailable"), undefined, tokens[role]);

    expect(response.body).toEqual({ data: { services: [{ capacity: { placesAvailable: "YES" } }] } });
  });

  it("says UNKNOWN when no one has said how many places are free", async () => {
    const response = await graphql(`{ services(where: { id: { eq: "lescale-hebergement" } }) { capacity { placesAvailable } } }`);

    expect(response.body).toEqual({ data: { services: [{ capacity: { placesAvailable: "UNKNOWN" } }] } });
  });

  it("filters housing services by availability, for everyone", async () => {
    const response = await graphql<{ services: { id: string }[] }>(`{ services(where: { capacity: { placesAvailable: { eq: YES } } }) { id } }`);

    expect(response.body.data?.services).toEqual([{ id: fixture.serviceId }]);
  });

  for (const field of ["placesFree", "placesTotal", "updatedAt", "description"]) {
    it.each(publicRoles)(`%s asking for ${field} is FORBIDDEN`, async (role) => {
      const response = await graphql(capacityOf(field), undefined, tokens[role]);

      expect(response.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["services", 0, "capacity", field], "FORBIDDEN"]]);
      expect(response.body.data).toEqual({ services: [{ capacity: { [field]: null } }] });
      expect(response.rawBody).not.toContain("Douze places");
    });
  }

  it.each(publicRoles)("%s asking for a count gets it null with one error at its own path, and the rest of the answer", async (role) => {
    const query = `{ services(where: { id: { eq: "${fixture.serviceId}" } }) { id capacity { placesAvailable placesFree ...Total } } }
      fragment Total on Capacity { placesTotal }`;
    const response = await graphql(query, undefined, tokens[role]);

    expect(response.statusCode).toBe(200);
    expect(response.body.data).toEqual({ services: [{ id: fixture.serviceId, capacity: { placesAvailable: "YES", placesFree: null, placesTotal: null } }] });
    expect(response.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["services", 0, "capacity", "placesFree"], "FORBIDDEN"],
      [["services", 0, "capacity", "placesTotal"], "FORBIDDEN"],
    ]);
    expect(response.rawBody).not.toContain(`"placesFree":${fixture.placesFree}`);
  });

  it.each(professionalRoles)("%s sees the free-place counts", async (role) => {
    const response = await graphql(capacityOf("placesFree placesTotal updatedAt"), undefined, tokens[role]);

    expect(response.body).toEqual({ data: { services: [{ capacity: { placesFree: fixture.placesFree, placesTotal: 12, updatedAt: "2026-11-20" } }] } });
  });

  it("lists a département's housing services alike for every role, found through the index on kind", async () => {
    const housingOf92 = `{ services(where: { kind: { eq: HOUSING_PLACES }, area: { some: { code: { eq: "92" } } } }, sort: [{ name: ASC }]) { id capacity { placesAvailable } } }`;
    const expected = await cypher<{ id: string }>(
      "MATCH (s:Service {kind: 'HOUSING_PLACES'})-[:SERVES]->(:Territory {code: '92'}) RETURN s.id AS id ORDER BY s.name LIMIT 50",
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const role of [...publicRoles, ...professionalRoles]) {
      const response = await graphql<{ services: { id: string }[] }>(housingOf92, undefined, tokens[role]);
      expect(response.body.data?.services.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    }
    // The statement @neo4j/graphql writes for that filter.
    const { summary } = await testDriver().executeQuery(
      "EXPLAIN MATCH (this:Service) WHERE (this.kind = $param0 AND EXISTS { MATCH (this)-[:SERVES]->(this0:Territory) WHERE this0.code = $param1 }) RETURN this.id",
      { param0: "HOUSING_PLACES", param1: "92" },
    );
    expect(JSON.stringify(summary.plan)).toContain("Service(kind)");
  });

  it("offers no filter on the counts, which would reveal them to anyone", async () => {
    const response = await graphql(`{ services(where: { capacity: { placesFree: { gt: 2 } } }) { id } }`);

    expect(response.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("free-place counts in referral routes", () => {
  // The route computes its steps in a resolver, outside @neo4j/graphql's rules, so it keeps its own
  // list of the roles that see counts (functions/routes/referral-route.ts). It must be the roles the
  // schema lets read Capacity.placesFree.
  const routeQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) { steps { placesFree service { id } } } }`;
  const input = { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], maxOptionsPerNeed: 10, at: "2026-11-24T23:00:00+01:00" };

  it("are shown to exactly the roles that may read Capacity.placesFree", async () => {
    const seen: Record<string, { direct: boolean; route: boolean }> = {};
    for (const role of [...publicRoles, ...professionalRoles]) {
      const direct = await graphql<{ services: { capacity: { placesFree: number } }[] }>(capacityOf("placesFree"), undefined, tokens[role]);
      const route = await graphql<{ referralRoute: { steps: { placesFree: number | null; service: { id: string } }[] } }>(routeQuery, { input }, tokens[role]);
      const step = route.body.data?.referralRoute.steps.find((s) => s.service.id === fixture.serviceId);
      expect(step, `${role}: the fixture shelter is a step of the route: ${route.rawBody.slice(0, 300)}`).toBeDefined();
      seen[role] = { direct: direct.body.data?.services[0]?.capacity.placesFree === fixture.placesFree, route: step!.placesFree === fixture.placesFree };
    }

    for (const [role, { direct, route }] of Object.entries(seen)) expect(route, role).toBe(direct);
    expect(Object.values(seen).map((s) => s.direct)).toEqual([false, false, true, true, true, true]);
  });

  it("a PUBLIC route asking for the capacity counts keeps its steps, each count null and FORBIDDEN at its own path", async () => {
    const query = `query ($input: RouteRequest!) { referralRoute(input: $input) { steps { service { id capacity { placesTotal } } } } }`;

    const response = await graphql<{ referralRoute: { steps: { service: { id: string; capacity: { placesTotal: number | null } | null } }[] } }>(query, { input });
    const steps = response.body.data!.referralRoute.steps;
    const withCapacity = steps.flatMap((step, index) => (step.service.capacity ? [index] : []));

    expect(withCapacity.length).toBeGreaterThan(0);
    expect(steps.map((step) => step.service.capacity?.placesTotal ?? null).every((count) => count === null)).toBe(true);
    expect(response.body.errors?.map((e) => [e.extensions?.code, e.path])).toEqual(
      withCapacity.map((index) => ["FORBIDDEN", ["referralRoute", "steps", index, "service", "capacity", "placesTotal"]]),
    );
  });
});

describe("referral-only contact channels", () => {
  const contactsOfShelter = `{ actors(where: { id: { eq: "${fixture.actorId}" } }) {
    contacts { value referralOnly }
    contactsConnection { totalCount }
  } }`;

  it.each(publicRoles)("%s sees the public channel only, and counts only it", async (role) => {
    const response = await graphql(contactsOfShelter, undefined, tokens[role]);

    expect(response.body).toEqual({
      data: { actors: [{ contacts: [{ value: fixture.publicPhone, referralOnly: false }], contactsConnection: { totalCount: 1 } }] },
    });
  });

  it.each(professionalRoles)("%s sees the referral-only channel too", async (role) => {
    const response = await graphql<{ actors: { contacts: { value: string }[] }[] }>(contactsOfShelter, undefined, tokens[role]);

    expect(response.body.data?.actors[0]?.contacts.map((c) => c.value).sort()).toEqual([fixture.publicPhone, fixture.referralPhone]);
  });

  it.each(publicRoles)("%s cannot reach it through contact points, aggregates or a filter on the number", async (role) => {
    const queries = [
      `{ contactPoints(where: { referralOnly: { eq: true } }) { value } }`,
      `{ contactPointsConnection(where: { referralOnly: { eq: true } }) { totalCount aggregate { node { value { longest shortest } } } } }`,
      `{ actors(where: { id: { eq: "${fixture.actorId}" } }) { contactsConnection { aggregate { node { value { longest shortest } } } } } }`,
      `{ actors(where: { contacts: { some: { value: { eq: "${fixture.referralPhone}" } } } }) { id } }`,
    ];
    for (const query of queries) {
      const response = await graphql(query, undefined, tokens[role]);

      expect(response.statusCode).toBeLessThan(500);
      expect(response.rawBody).not.toContain(fixture.referralPhone);
    }
  });
});
