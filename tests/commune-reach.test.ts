/**
 * "What serves this commune?" in one request (Territory.servicesInReach), with the reach referral
 * routes use, and how to reach each service (Service.reachableContacts) without revealing a
 * referral-only channel to a caller who may not see it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, leakedSecrets, writeConfidentialFixture } from "./support/confidential-fixture";
import { cypher } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

interface ServiceInReach {
  id: string;
  area: { level: string }[];
}

interface Reach {
  territories: { servedBy: { id: string }[]; first: ServiceInReach[]; next: ServiceInReach[] }[];
}

/** Every service in reach of a commune, its two first pages (50 each) together. */
async function reachOf(code: string) {
  const response = await graphql<Reach>(
    `query ($code: ID!) { territories(where: { code: { eq: $code } }, limit: 1) { servedBy { id } first: servicesInReach { id area { level } } next: servicesInReach(offset: 50) { id area { level } } } }`,
    { code },
  );
  const territories = response.body.data?.territories.map(({ servedBy, first, next }) => ({ servedBy, servicesInReach: [...first, ...next] }));
  return { ...response, body: { ...response.body, data: territories && { territories } } };
}

beforeAll(writeConfidentialFixture);

describe("Territory.servicesInReach", () => {
  it("answers for Nanterre with every service whose area is the commune, its territory, the 92 or France", async () => {
    const response = await reachOf("92050");
    const expected = await cypher<{ id: string }>(
      `MATCH (service:Service)-[:SERVES]->(area:Territory)
       WHERE area.code IN ['92050', '92', 'FR'] OR EXISTS { (:Territory {code: '92050'})-[:PART_OF]->(area:Territory {level: 'ZONE'}) }
       RETURN DISTINCT service.id AS id ORDER BY id`,
    );
    const [nanterre] = response.body.data!.territories;

    expect(response.body.errors).toBeUndefined();
    expect(nanterre!.servicesInReach.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id));
    expect(nanterre!.servicesInReach.length).toBeGreaterThan(nanterre!.servedBy.length);
  });

  it("pages by 50, the next ones with offset, in the same order", async () => {
    const page = async (args: string) =>
      (await graphql<{ territories: { servicesInReach: { id: string }[] }[] }>(`{ territories(where: { code: { eq: "92050" } }) { servicesInReach${args} { id } } }`)).body
        .data!.territories[0]!.servicesInReach.map((s) => s.id);
    const first = await page("");
    const next = await page("(offset: 50)");
    const shifted = await page("(offset: 10)");

    expect(first).toHaveLength(50);
    expect(next.length).toBeGreaterThan(0);
    expect(next.filter((id) => first.includes(id))).toEqual([]);
    expect(shifted).toEqual([...first, ...next].slice(10, 60));
  });

  it("keeps a confidential shelter's address from callers without the role, as every other path does", async () => {
    const query = `{ territories(where: { code: { eq: "92050" } }) { servicesInReach { id locations { address postalCode latitude longitude } } } }`;
    const asPublic = await graphql(query);
    const asPartner = await graphql(query, undefined, await tokenFor("PARTNER_APP"));
    const asFrontline = await graphql(query, undefined, await tokenFor("FRONTLINE"));
    const asCoordinator = await graphql(query, undefined, await tokenFor("COORDINATOR", { departement: "92" }));

    expect(asPublic.rawBody).toContain(fixture.serviceId);
    expect([asPublic, asPartner, asFrontline].map((r) => leakedSecrets(r.rawBody))).toEqual([[], [], []]);
    expect(leakedSecrets(asCoordinator.rawBody).length).toBeGreaterThan(0);
  });

  it("lists the nearest first: commune, zone, département, then national", async () => {
    const [nanterre] = (await reachOf("92050")).body.data!.territories;
    const rank = { COMMUNE: 0, ZONE: 1, DEPARTEMENT: 2, NATIONAL: 3 } as Record<string, number>;
    const reach = nanterre!.servicesInReach.map((s) => Math.min(...s.area.map((a) => rank[a.level]!)));

    expect(reach).toEqual([...reach].sort((a, b) => a - b));
    expect(reach.at(-1)).toBe(3);
  });

  it("holds every service a referral route for the commune proposes, and none it leaves out as another commune's", async () => {
    const route = await graphql<{ referralRoute: { steps: { service: { id: string } }[]; excluded: { reasons: string[]; service: { id: string } }[] } }>(
      `{ referralRoute(input: { commune: "92050", situations: [INTIMATE_PARTNER_VIOLENCE], maxOptionsPerNeed: 10 }) {
           steps { service { id } } excluded { reasons service { id } } } }`,
    );
    const [nanterre] = (await reachOf("92050")).body.data!.territories;
    const inReach = new Set(nanterre!.servicesInReach.map((s) => s.id));
    const routeIds = route.body.data!.referralRoute.steps.map((s) => s.service.id);
    const elsewhere = route.body.data!.referralRoute.excluded.filter((e) => e.reasons.some((r) => r.startsWith("hors secteur")));

    expect(routeIds.length).toBeGreaterThan(0);
    expect(routeIds.filter((id) => !inReach.has(id))).toEqual([]);
    expect(elsewhere.filter((e) => inReach.has(e.service.id))).toEqual([]);
  });
});

describe("Service.reachableContacts", () => {
  const contactsOf = async (serviceId: string, token?: string) => {
    const response = await graphql<{ services: { contacts: { value: string }[]; reachableContacts: { value: string; referralOnly: boolean }[] }[] }>(
      `query ($id: ID!) { services(where: { id: { eq: $id } }) { contacts { value } reachableContacts { value referralOnly } } }`,
      { id: serviceId },
      token,
    );
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.services[0]!;
  };

  it("gives a service's own contacts when it has some", async () => {
    const [withOwn] = await cypher<{ id: string }>(
      "MATCH (s:Service)-[:HAS_CONTACT]->(:ContactPoint {referralOnly: false}) RETURN s.id AS id ORDER BY id LIMIT 1",
    );
    const service = await contactsOf(withOwn!.id);

    expect(service.contacts.length).toBeGreaterThan(0);
    expect(service.reachableContacts.map((c) => c.value).sort()).toEqual(service.contacts.map((c) => c.value).sort());
  });

  it("gives the actor's contacts for a service without any of its own", async () => {
    const [without] = await cypher<{ id: string; actorPhones: string[] }>(
      `MATCH (a:Actor)-[:OFFERS]->(s:Service) WHERE NOT EXISTS { (s)-[:HAS_CONTACT]->() } AND EXISTS { (a)-[:HAS_CONTACT]->(:ContactPoint {referralOnly: false}) }
       RETURN s.id AS id, [(a)-[:HAS_CONTACT]->(c:ContactPoint {referralOnly: false}) | c.value] AS actorPhones ORDER BY id LIMIT 1`,
    );
    const service = await contactsOf(without!.id);

    expect(service.contacts).toEqual([]);
    expect(service.reachableContacts.map((c) => c.value).sort()).toEqual([...without!.actorPhones].sort());
  });

  it("never gives the public a referral-only channel: a service reached only on referral falls back to its actor's public line", async () => {
    const service = await contactsOf(fixture.serviceId);

    expect(service.reachableContacts).toEqual([{ value: fixture.publicPhone, referralOnly: false }]);
  });

  it("gives professionals the service's own referral-only channel", async () => {
    const service = await contactsOf(fixture.serviceId, await tokenFor("FRONTLINE"));

    expect(service.reachableContacts).toEqual([{ value: fixture.referralPhone, referralOnly: true }]);
  });

  it("hides it from a partner app as from the public", async () => {
    const service = await contactsOf(fixture.serviceId, await tokenFor("PARTNER_APP"));

    expect(service.reachableContacts.map((c) => c.value)).not.toContain(fixture.referralPhone);
  });
});
