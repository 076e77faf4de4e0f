/**
 * Every mutation is authorised and audited: denials are FORBIDDEN and write nothing (not even an
 * audit record); allowed writes leave a record of who, when and what changed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { countGraph } from "../functions/graph/load-dataset";
import type { Claims, Role } from "../functions/auth/caller";
import { confidentialDataset, fixture, saveDatasetMutation, writeConfidentialFixture } from "./support/confidential-fixture";
import { cypher, testDriver } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const updatePlacesFree = `mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { serviceId placesFree updatedAt auditId } }`;

async function graphState() {
  const session = testDriver().session();
  try {
    const counts = await session.executeRead(countGraph);
    const properties = await cypher<{ digest: string }>(
      "MATCH (n) WITH n ORDER BY elementId(n) RETURN apoc.hashing.fingerprint(collect(properties(n))) AS digest",
    );
    return { ...counts, digest: properties[0]?.digest };
  } finally {
    await session.close();
  }
}

async function as(role: Exclude<Role, "PUBLIC"> | "PUBLIC", claims?: Partial<Claims>) {
  return role === "PUBLIC" ? undefined : tokenFor(role, claims);
}

const newActor = (id: string, departement: string | null) => ({
  sources: [{ id: "mutation-test-source", ref: "https://example.org/annuaire", title: "Annuaire de test", verifiedAt: "2026-11-01" }],
  actors: [{ id, name: `Association ${id}`, kind: "ASSOCIATION", departement, covers: departement ? [departement] : ["FR"], source: "mutation-test-source" }],
});

beforeAll(writeConfidentialFixture);

describe("denied mutations answer FORBIDDEN and write nothing", () => {
  const denials: { name: string; role: Role; claims?: Partial<Claims>; query: string; variables: Record<string, unknown> }[] = [
    ...(["PUBLIC", "PARTNER_APP", "FRONTLINE", "SHELTER_OPERATOR"] as const).map((role) => ({
      name: `${role} saves a dataset`,
      role,
      query: saveDatasetMutation,
      variables: { input: newActor("association-refusee", "92") },
    })),
    {
      name: "a COORDINATOR of 77 saves an actor of 92",
      role: "COORDINATOR",
      claims: { departement: "77" },
      query: saveDatasetMutation,
      variables: { input: newActor("association-du-92", "92") },
    },
    {
      name: "a COORDINATOR of 77 rewrites an existing actor of 92 as one of 77",
      role: "COORDINATOR",
      claims: { departement: "77" },
      query: saveDatasetMutation,
      variables: { input: { ...newActor("lescale", "77") } },
    },
    {
      name: "a COORDINATOR of 92 saves a national actor",
      role: "COORDINATOR",
      query: saveDatasetMutation,
      variables: { input: newActor("ligne-nationale-test", null) },
    },
    {
      name: "a COORDINATOR of 92 moves a 92 shelter's location to a commune of 77",
      role: "COORDINATOR",
      query: saveDatasetMutation,
      variables: { input: { locations: [{ ...confidentialDataset.locations[0], commune: "77284" }], sources: confidentialDataset.sources } },
    },
    ...(["PUBLIC", "PARTNER_APP", "FRONTLINE"] as const).map((role) => ({
      name: `${role} sets free places`,
      role,
      query: updatePlacesFree,
      variables: { input: { serviceId: "lescale-hebergement", placesFree: 4 } },
    })),
    {
      name: "the SHELTER_OPERATOR of L'Escale sets the free places of another operator (Centre Flora Tristan)",
      role: "SHELTER_OPERATOR",
      claims: { actor: "lescale" },
      query: updatePlacesFree,
      variables: { input: { serviceId: "centre-flora-tristan-urgence", placesFree: 4 } },
    },
    {
      name: "a COORDINATOR of 77 sets the free places of a 92 shelter",
      role: "COORDINATOR",
      claims: { departement: "77" },
      query: updatePlacesFree,
      variables: { input: { serviceId: fixture.serviceId, placesFree: 4 } },
    },
  ];

  for (const denial of denials) {
    it(denial.name, async () => {
      const before = await graphState();

      const response = await graphql(denial.query, denial.variables, await as(denial.role, denial.claims));

      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(response.body.errors?.[0]?.message).toMatch(/^Forbidden: /);
      expect(response.body.data).toBeNull();
      expect(await graphState()).toEqual(before);
    });
  }
});

describe("allowed mutations are audited", () => {
  it("a SHELTER_OPERATOR sets the free places of its own service, and the audit record says who, when and what", async () => {
    const token = await tokenFor("SHELTER_OPERATOR", { actor: fixture.actorId, sub: "operatrice-matrice" });

    const response = await graphql<{ updatePlacesFree: { auditId: string; updatedAt: string } }>(
      updatePlacesFree,
      { input: { serviceId: fixture.serviceId, placesFree: 5 } },
      token,
    );

    expect(response.body.errors).toBeUndefined();
    const { auditId, updatedAt } = response.body.data!.updatePlacesFree;
    expect(await cypher("MATCH (c:Capacity {id: $id}) RETURN c.placesFree AS placesFree", { id: `${fixture.serviceId}:capacity` })).toEqual([{ placesFree: 5 }]);
    const [record] = await cypher<{ subject: string; role: string; operation: string; departement: string; changes: string; recent: boolean }>(
      "MATCH (a:AuditRecord {id: $id}) RETURN a.subject AS subject, a.role AS role, a.operation AS operation, a.departement AS departement, a.changes AS changes, a.at > datetime() - duration('PT1M') AS recent",
      { id: auditId },
    );
    expect(record).toMatchObject({ subject: "operatrice-matrice", role: "SHELTER_OPERATOR", operation: "updatePlacesFree", departement: "92", recent: true });
    expect(JSON.parse(record!.changes)).toEqual([
      { node: `${fixture.serviceId}:capacity`, label: "Capacity", property: "placesFree", before: fixture.placesFree, after: 5 },
      { node: `${fixture.serviceId}:capacity`, label: "Capacity", property: "updatedAt", before: "2026-11-20", after: updatedAt },
    ]);
  });

  it("a COORDINATOR's saveDataset records the before and after of each changed property", async () => {
    const token = await tokenFor("COORDINATOR", { departement: "92", sub: "coordinatrice-92" });
    const [actor] = confidentialDataset.actors;
    const [service] = actor!.services;
    // The record no longer states free places, so those the operator set stay as they are.
    const { placesFree: _placesFree, updatedAt: _updatedAt, ...capacity } = service!.capacity;
    const renamed = { ...confidentialDataset, actors: [{ ...actor!, name: "Hébergeur Matrice renommé", services: [{ ...service!, capacity }] }] };

    const response = await graphql(saveDatasetMutation, { input: renamed }, token);

    expect(response.body.errors).toBeUndefined();
    const [record] = await cypher<{ changes: string; role: string }>(
      "MATCH (a:AuditRecord {subject: 'coordinatrice-92'}) RETURN a.changes AS changes, a.role AS role",
    );
    expect(record?.role).toBe("COORDINATOR");
    expect(JSON.parse(record!.changes)).toEqual([
      { node: fixture.actorId, label: "Actor", property: "name", before: "Hébergeur Matrice", after: "Hébergeur Matrice renommé" },
    ]);
  });

  it("every mutation of the API is one of the authorised, audited ones", async () => {
    const response = await graphql<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "Mutation") { fields { name } } }`);

    expect(response.body.data?.__type.fields.map((f) => f.name).sort()).toEqual(["markVerified", "saveDataset", "updatePlacesFree"]);
  });
});

describe("the audit trail is read by coordinators of the département and administrators only", () => {
  const auditQuery = `{ auditRecords { operation departement } }`;

  it.each(["PUBLIC", "PARTNER_APP", "FRONTLINE", "SHELTER_OPERATOR"] as const)("%s is refused", async (role) => {
    const response = await graphql(auditQuery, undefined, await as(role));

    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  it("a COORDINATOR sees the records of its département only, an ADMIN all of them", async () => {
    const of92 = await graphql<{ auditRecords: { departement: string }[] }>(auditQuery, undefined, await tokenFor("COORDINATOR", { departement: "92" }));
    const of77 = await graphql<{ auditRecords: unknown[] }>(auditQuery, undefined, await tokenFor("COORDINATOR", { departement: "77" }));
    const admin = await graphql<{ auditRecords: unknown[] }>(auditQuery, undefined, await tokenFor("ADMIN"));

    expect(of92.body.data?.auditRecords.length).toBeGreaterThan(0);
    expect(of92.body.data?.auditRecords.every((r) => r.departement === "92")).toBe(true);
    expect(of77.body.data?.auditRecords).toEqual([]);
    expect(admin.body.data?.auditRecords.length).toBe(of92.body.data?.auditRecords.length);
  });
});

describe("mutation input is validated at the edge", () => {
  it("refuses a negative number of free places with the field and the reason, and writes nothing", async () => {
    const before = await graphState();

    const response = await graphql(updatePlacesFree, { input: { serviceId: fixture.serviceId, placesFree: -2 } }, await tokenFor("ADMIN"));

    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      problems: [{ record: "input", field: "placesFree", reason: "must not be negative" }],
    });
    expect(await graphState()).toEqual(before);
  });

  it("refuses free places on a service that is not a housing service", async () => {
    const response = await graphql(updatePlacesFree, { input: { serviceId: "lescale-tgd", placesFree: 2 } }, await tokenFor("ADMIN"));

    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.body.errors?.[0]?.message).toContain("not a housing service");
  });

  it("refuses a referral-only contact whose number is not a French number", async () => {
    const input = {
      ...confidentialDataset,
      actors: [{ ...confidentialDataset.actors[0]!, contacts: [{ channel: "PHONE", value: "+33 1 40", referralOnly: true, source: "matrice-source" }] }],
    };

    const response = await graphql(saveDatasetMutation, { input }, await tokenFor("COORDINATOR"));

    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ record: `actors: ${fixture.actorId}`, field: "contacts[0].value" }],
    });
  });
});

describe("a write reaches only records in the writer's scope (issue 11, finding 4)", () => {
  const referralContact = () =>
    cypher<{ referralOnly: boolean }>("MATCH (:Service {id: $id})-[:HAS_CONTACT]->(c:ContactPoint {value: $value}) RETURN c.referralOnly AS referralOnly", {
      id: fixture.serviceId,
      value: fixture.referralPhone,
    });

  it.each([
    ["an actor whose id is a 92 service's", { actors: [{ ...newActor(fixture.serviceId, "77").actors[0], contacts: [{ channel: "PHONE", value: fixture.referralPhone, source: "mutation-test-source" }] }] }],
    ["a location whose id is a 92 actor's", { locations: [{ id: fixture.actorId, name: "Lieu 77", commune: "77001", source: "mutation-test-source" }] }],
  ])("refuses %s from a COORDINATOR of 77: ids are unique across record kinds", async (_what, records) => {
    const input = { sources: newActor("x", "77").sources, ...records };
    const before = await graphState();

    const response = await graphql(saveDatasetMutation, { input }, await as("COORDINATOR", { departement: "77" }));

    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.body.errors?.[0]?.message).toMatch(/already the id of one of the/);
    expect(await graphState()).toEqual(before);
    expect(await referralContact()).toEqual([{ referralOnly: true }]);
  });

  it("an actor of 77 with the same contact as a 92 service writes its own contact, and the 92 one stays referral-only", async () => {
    const input = {
      ...newActor("asso-77-contact", "77"),
      actors: [{ ...newActor("asso-77-contact", "77").actors[0], contacts: [{ channel: "PHONE", value: fixture.referralPhone, source: "mutation-test-source" }] }],
    };

    const response = await graphql(saveDatasetMutation, { input }, await as("COORDINATOR", { departement: "77" }));

    expect(response.body.errors).toBeUndefined();
    expect(await referralContact()).toEqual([{ referralOnly: true }]);
    const [audit] = await cypher<{ changes: string; departement: string }>(
      "MATCH (a:AuditRecord) WHERE a.changes CONTAINS 'asso-77-contact' RETURN a.changes AS changes, a.departement AS departement",
    );
    const nodes = new Set((JSON.parse(audit!.changes) as { node: string }[]).map((c) => c.node));
    expect(nodes.has(fixture.serviceId)).toBe(false);
  });

  it("the audit records the real before-value when a coordinator turns a referral-only contact public", async () => {
    const service = confidentialDataset.actors[0]!.services[0]!;
    const input = {
      ...confidentialDataset,
      actors: [{ ...confidentialDataset.actors[0], services: [{ ...service, contacts: [{ ...service.contacts[0], referralOnly: false }] }] }],
    };

    const response = await graphql(saveDatasetMutation, { input }, await as("COORDINATOR", { departement: "92" }));

    expect(response.body.errors).toBeUndefined();
    const [audit] = await cypher<{ changes: string }>("MATCH (a:AuditRecord) WHERE a.changes CONTAINS '\"referralOnly\"' RETURN a.changes AS changes ORDER BY a.at DESC LIMIT 1");
    expect(JSON.parse(audit!.changes)).toContainEqual(expect.objectContaining({ label: "ContactPoint", property: "referralOnly", before: true, after: false }));
  });
});

describe("shared records across départements (issue 11, finding 6; README, Roles and access)", () => {
  const actor77 = newActor("asso-77-partage", "77").actors[0]!;
  const sources = newActor("x", "77").sources;
  it.each([
    ["rewrites a source that 92 records cite", { sources: [{ ...confidentialDataset.sources[0], title: "Titre changé par le 77" }] }, /sources: matrice-source/],
    [
      "places its service at a 92 confidential location",
      { sources, actors: [{ ...actor77, services: [{ id: "asso-77-partage-accueil", name: "Accueil", kind: "WELCOME_CENTRE", audience: "VICTIMS", needs: ["LISTENING"], area: ["77"], at: [fixture.locationId], source: "mutation-test-source" }] }] },
      /at loc-matrice-hebergement/,
    ],
    [
      "records a convention naming a 92 actor",
      { sources, actors: [actor77], conventions: [{ id: "convention-77-92", name: "Convention", parties: [actor77.id, fixture.actorId], source: "mutation-test-source" }] },
      /conventions: convention-77-92/,
    ],
  ])("a COORDINATOR of 77 who %s is FORBIDDEN and writes nothing", async (_what, input, record) => {
    const before = await graphState();

    const response = await graphql(saveDatasetMutation, { input }, await as("COORDINATOR", { departement: "77" }));

    expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(response.body.errors?.[0]?.message).toMatch(record);
    expect(await graphState()).toEqual(before);
  });

  it("a COORDINATOR of 77 who rewrites a source that only a 92 actor's service cites is FORBIDDEN and writes nothing", async () => {
    const citedByService = { id: "source-d-un-service-92", ref: "https://example.org/service-92", title: "Source d'un service du 92", verifiedAt: "2026-11-01" };
    const actor92 = newActor("asso-92-service-source", "92");
    const service = { id: "asso-92-service-source-accueil", name: "Accueil", kind: "WELCOME_CENTRE", audience: "VICTIMS", needs: ["LISTENING"], area: ["92"], source: citedByService.id };
    const saved = await graphql(saveDatasetMutation, { input: { sources: [...actor92.sources, citedByService], actors: [{ ...actor92.actors[0], services: [service] }] } }, await as("ADMIN"));
    expect(saved.body.errors).toBeUndefined();
    const before = await graphState();

    const response = await graphql(saveDatasetMutation, { input: { sources: [{ ...citedByService, title: "Titre changé par le 77" }] } }, await as("COORDINATOR", { departement: "77" }));

    expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(response.body.errors?.[0]?.message).toMatch(/sources: source-d-un-service-92/);
    expect(await graphState()).toEqual(before);
  });

  it("a COORDINATOR of 77 may declare the shared source again unchanged, and an ADMIN may change it", async () => {
    const unchanged = await graphql(saveDatasetMutation, { input: { sources: confidentialDataset.sources } }, await as("COORDINATOR", { departement: "77" }));
    const changed = await graphql(saveDatasetMutation, { input: { sources: [{ ...confidentialDataset.sources[0], title: "Titre revu" }] } }, await as("ADMIN"));

    expect(unchanged.body.errors).toBeUndefined();
    expect(changed.body.errors).toBeUndefined();
  });
});
