/**
 * The partner network and the freshness of facts (schema/observatory.graphql) through the real
 * Lambda handler, against independent Cypher; markVerified is audited and scoped to the
 * coordinator's département.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { freshnessScore, monthsBetween } from "../functions/observatory/freshness";
import { fixture, writeConfidentialFixture } from "./support/confidential-fixture";
import { cypher } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const coordinator92 = () => tokenFor("COORDINATOR", { departement: "92", sub: "coordinatrice-92" });

beforeAll(writeConfidentialFixture);

interface NetworkAnswer {
  network: {
    nodes: { id: string; nodeKind: string }[];
    relations: { type: string; from: string; to: string; source: string }[];
    isolatedActors: string[];
    singlePointsOfFailure: { actorId: string; actorName: string; need: string; communes: string[]; population: number; statement: string }[];
    conventions: { id: string; parties: string[] }[];
  };
}

describe("network(departement)", () => {
  it("gives the 92's actors, their typed relations with sources, isolated actors and conventions as the graph holds them", async () => {
    const response = await graphql<NetworkAnswer>(
      `{ network(departement: "92") { nodes { id name nodeKind kind departement } relations { type from to source verifiedAt }
         isolatedActors singlePointsOfFailure { actorId actorName need communes population statement } conventions { id name signedOn parties source } } }`,
      undefined,
      await coordinator92(),
    );
    expect(response.body.errors).toBeUndefined();
    const { nodes, relations, isolatedActors, conventions } = response.body.data!.network;

    const [expected] = await cypher<{ actorRelations: string[]; isolated: string[]; offers: number; parties: string[] }>(
      `MATCH (a:Actor {departement: '92'})
       WITH collect(a) AS own
       RETURN COLLECT { UNWIND own AS a MATCH (a)-[r:FUNDS|COORDINATES|HOLDS_PERMANENCE_AT|MEMBER_OF|REFERS_TO|PART_OF]-(b:Actor)
                        RETURN DISTINCT type(r) + ' ' + startNode(r).id + ' ' + endNode(r).id } AS actorRelations,
              [a IN own WHERE NOT EXISTS { (a)-[:FUNDS|COORDINATES|HOLDS_PERMANENCE_AT|MEMBER_OF|REFERS_TO|PART_OF]-(:Actor) }
                          AND NOT EXISTS { (a)-[:PARTY_TO]->(:Convention) } | a.id] AS isolated,
              COUNT { UNWIND own AS a MATCH (a)-[:OFFERS]->(:Service) } AS offers,
              COLLECT { UNWIND own AS a MATCH (a)-[:PARTY_TO]->(c:Convention)<-[:PARTY_TO]-(p:Actor) RETURN DISTINCT c.id + ' ' + p.id } AS parties`,
    );
    const between = new Set(["FUNDS", "COORDINATES", "HOLDS_PERMANENCE_AT", "MEMBER_OF", "REFERS_TO", "PART_OF"]);
    const actorIds = new Set(nodes.filter((n) => n.nodeKind === "ACTOR").map((n) => n.id));
    expect(relations.filter((r) => between.has(r.type) && actorIds.has(r.from) && actorIds.has(r.to)).map((r) => `${r.type} ${r.from} ${r.to}`).sort())
      .toEqual([...expected!.actorRelations].sort());
    expect(relations.filter((r) => r.type === "OFFERS")).toHaveLength(expected!.offers);
    expect(isolatedActors).toEqual([...expected!.isolated].sort());
    expect(conventions.flatMap((c) => c.parties.map((p) => `${c.id} ${p}`)).sort()).toEqual([...expected!.parties].sort());
    expect(relations.every((r) => r.source.length > 0)).toBe(true);
    expect(new Set(relations.map((r) => r.type)).size).toBeGreaterThanOrEqual(4);
  });

  it("names single points of failure: for each, only that actor answers the need short of national services in those communes", async () => {
    const response = await graphql<NetworkAnswer>(
      `{ network(departement: "92") { singlePointsOfFailure { actorId actorName need communes population statement } } }`,
      undefined,
      await coordinator92(),
    );
    const failures = response.body.data!.network.singlePointsOfFailure;
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures.slice(0, 5)) {
      const rows = await cypher<{ communeCode: string; actors: string[] }>(
        `UNWIND $communes AS communeCode
         MATCH (commune:Territory {code: communeCode})-[:PART_OF*0..2]->(area:Territory)<-[:SERVES]-(service:Service)-[:ANSWERS]->(:Need {code: $need})
         WHERE area.level <> 'NATIONAL' AND service.audience IN $audiences AND service.kind <> 'FAMILY_MEDIATION'
         MATCH (service)<-[:OFFERS]-(actor:Actor)
         RETURN communeCode, collect(DISTINCT actor.id) AS actors`,
        { communes: failure.communes, need: failure.need, audiences: failure.need === "PERPETRATOR_FOLLOW_UP" ? ["PERPETRATORS"] : ["VICTIMS", "GENERAL_PUBLIC"] },
      );
      expect(rows.map((r) => [r.communeCode, r.actors])).toEqual(failure.communes.map((c) => [c, [failure.actorId]]).filter(([c]) => rows.some((r) => r.communeCode === c)));
      expect(rows).toHaveLength(failure.communes.length);
      expect(failure.statement).toContain(failure.actorName);
    }
  });

  it("names every single point of failure of the département, each with all its communes", async () => {
    const response = await graphql<NetworkAnswer>(`{ network(departement: "92") { singlePointsOfFailure { actorId need communes } } }`, undefined, await coordinator92());
    const expected = await cypher<{ actorId: string; need: string; communes: string[] }>(
      `MATCH (commune:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {code: '92', level: 'DEPARTEMENT'})
       MATCH (commune)-[:PART_OF*0..1]->(area:Territory)<-[:SERVES]-(service:Service)-[:ANSWERS]->(need:Need)
       WHERE (area.level IN ['COMMUNE', 'ZONE'] OR area.code = '92') AND service.kind <> 'FAMILY_MEDIATION'
         AND service.audience IN CASE need.code WHEN 'PERPETRATOR_FOLLOW_UP' THEN ['PERPETRATORS'] ELSE ['VICTIMS', 'GENERAL_PUBLIC'] END
       MATCH (service)<-[:OFFERS]-(actor:Actor)
       WITH commune.code AS commune, need.code AS need, collect(DISTINCT actor.id) AS actors
       WHERE size(actors) = 1
       WITH actors[0] AS actorId, need, commune ORDER BY commune
       RETURN actorId, need, collect(commune) AS communes`,
    );
    const key = (f: { actorId: string; need: string; communes: string[] }) => `${f.actorId} ${f.need} ${[...f.communes].sort().join(",")}`;
    expect(expected.length).toBeGreaterThan(0);
    expect(response.body.data!.network.singlePointsOfFailure.map(key).sort()).toEqual(expected.map(key).sort());
  });
});

interface FreshnessAnswer {
  freshness: {
    facts: number;
    meanScore: number;
    toCheck: { label: string; id: string; verifiedAt: string; score: number; ageMonths: number; unverified: boolean }[];
    servicesWithoutHours: string[];
    servicesWithoutCapacity: string[];
    unverifiedSources: string[];
    campaign: { since: string; toDo: number; done: number };
  };
}
const freshnessQuery = `{ freshness(departement: "92", limit: 1000) { facts meanScore
  toCheck { label id about verifiedAt ageMonths score unverified source }
  servicesWithoutHours servicesWithoutCapacity unverifiedSources campaign { since toDo done } } }`;

describe("freshness(departement) and markVerified", () => {
  it("scores as data·inclusion does: full under 6 months, linearly to zero at 2 years", () => {
    expect([0, 5.9, 6, 15, 24, 30].map(freshnessScore)).toEqual([1, 1, 1, 0.5, 0, 0]);
  });

  it("lists the facts to check oldest first, with what lacks hours or places, without a contact value", async () => {
    const response = await graphql<FreshnessAnswer>(freshnessQuery, undefined, await coordinator92());
    expect(response.body.errors).toBeUndefined();
    const f = response.body.data!.freshness;
    const [expected] = await cypher<{ withoutHours: string[]; withoutCapacity: string[]; actors: number }>(
      `MATCH (a:Actor {departement: '92'})-[:OFFERS]->(s:Service)
       WITH collect(DISTINCT s) AS services
       RETURN [s IN services WHERE NOT EXISTS { (s)-[:HAS_SCHEDULE]->(h:Schedule) WHERE h.openingHours IS NOT NULL } | s.id] AS withoutHours,
              [s IN services WHERE s.kind = 'HOUSING_PLACES' AND NOT EXISTS { (s)-[:HAS_CAPACITY]->(c:Capacity) WHERE c.placesTotal IS NOT NULL } | s.id] AS withoutCapacity,
              COUNT { MATCH (:Actor {departement: '92'}) } AS actors`,
    );
    expect(f.servicesWithoutHours).toEqual([...expected!.withoutHours].sort());
    expect(f.servicesWithoutCapacity).toEqual([...expected!.withoutCapacity].sort());
    expect(f.facts).toBeGreaterThan(expected!.actors);
    expect(f.toCheck.length).toBe(f.campaign.toDo);
    expect(f.toCheck.map((c) => c.verifiedAt)).toEqual(f.toCheck.map((c) => c.verifiedAt).sort());
    expect(f.toCheck.every((c) => c.score < 1 || c.unverified)).toBe(true);
    expect(response.rawBody).not.toContain(fixture.referralPhone);
    expect(response.rawBody).not.toContain(fixture.publicPhone);
  });

  it("dates each fact to check as the graph does, and ages it from today", async () => {
    const f = (await graphql<FreshnessAnswer>(freshnessQuery, undefined, await coordinator92())).body.data!.freshness;
    expect(f.toCheck.length).toBeGreaterThan(0);
    const dated = await cypher<{ fact: string; verifiedAt: string }>(
      `MATCH (n) WHERE n.id IN $ids AND n.verifiedAt IS NOT NULL RETURN head(labels(n)) + ' ' + n.id AS fact, toString(n.verifiedAt) AS verifiedAt`,
      { ids: f.toCheck.map((c) => c.id) },
    );
    const dateOf = new Map(dated.map((d) => [d.fact, d.verifiedAt]));
    const today = DateTime.now().setZone("Europe/Paris").startOf("day");
    for (const c of f.toCheck) {
      expect(c.verifiedAt).toBe(dateOf.get(`${c.label} ${c.id}`));
      expect(c.ageMonths).toBe(Math.round(monthsBetween(c.verifiedAt, today) * 10) / 10);
    }
  });

  it("pages the facts to check: pages of `limit` from `offset` put end to end are the whole list", async () => {
    const token = await coordinator92();
    const all = (await graphql<FreshnessAnswer>(freshnessQuery, undefined, token)).body.data!.freshness.toCheck;
    expect(all.length).toBeGreaterThan(20);
    const paged: FreshnessAnswer["freshness"]["toCheck"] = [];
    for (let offset = 0; offset < all.length; offset += 20) {
      const page = await graphql<FreshnessAnswer>(
        `query ($offset: Int) { freshness(departement: "92", limit: 20, offset: $offset) { toCheck { label id verifiedAt ageMonths score unverified } } }`,
        { offset },
        token,
      );
      expect(page.body.errors).toBeUndefined();
      expect(page.body.data!.freshness.toCheck.length).toBeLessThanOrEqual(20);
      paged.push(...page.body.data!.freshness.toCheck);
    }
    expect(paged.map((f) => `${f.label} ${f.id}`)).toEqual(all.map((f) => `${f.label} ${f.id}`));
  });

  it("markVerified sets verifiedAt to today, is audited with who and how, and advances the campaign", async () => {
    const token = await coordinator92();
    const before = (await graphql<FreshnessAnswer>(freshnessQuery, undefined, token)).body.data!.freshness;
    const fact = before.toCheck.find((c) => c.label === "Service")!;
    const today = DateTime.now().setZone("Europe/Paris").toISODate();

    const marked = await graphql<{ markVerified: { verifiedAt: string; auditId: string } }>(
      `mutation ($input: MarkVerifiedInput!) { markVerified(input: $input) { label id verifiedAt method auditId } }`,
      { input: { label: "Service", id: fact.id, method: "CALL" } },
      token,
    );
    expect(marked.body.errors).toBeUndefined();
    expect(marked.body.data!.markVerified.verifiedAt).toBe(today);

    const [stored] = await cypher<{ verifiedAt: string; unverified: boolean }>(`MATCH (s:Service {id: $id}) RETURN toString(s.verifiedAt) AS verifiedAt, s.unverified AS unverified`, { id: fact.id });
    expect(stored).toEqual({ verifiedAt: today, unverified: false });
    const [audit] = await cypher<{ subject: string; role: string; operation: string; departement: string; changes: string }>(
      `MATCH (r:AuditRecord {id: $id}) RETURN r.subject AS subject, r.role AS role, r.operation AS operation, r.departement AS departement, r.changes AS changes`,
      { id: marked.body.data!.markVerified.auditId },
    );
    expect(audit).toMatchObject({ subject: "coordinatrice-92", role: "COORDINATOR", operation: "markVerified", departement: "92" });
    expect(JSON.parse(audit!.changes)).toEqual([
      { node: fact.id, label: "Service", property: "verifiedAt", before: fact.verifiedAt, after: today },
      { node: fact.id, label: "Service", property: "unverified", before: fact.unverified, after: false },
      { node: fact.id, label: "Service", property: "verificationMethod", before: null, after: "CALL" },
    ]);

    const after = (await graphql<FreshnessAnswer>(freshnessQuery, undefined, token)).body.data!.freshness;
    expect(after.campaign.done).toBe(before.campaign.done + 1);
    expect(after.campaign.toDo).toBe(before.campaign.toDo - 1);
    expect(after.toCheck.some((c) => c.label === "Service" && c.id === fact.id)).toBe(false);
  });

  it("refuses a coordinator of another département, a national fact to a coordinator, and callers without the role; nothing is written", async () => {
    const [national] = await cypher<{ id: string }>(`MATCH (a:Actor) WHERE a.departement IS NULL RETURN a.id AS id ORDER BY id LIMIT 1`);
    const [local] = await cypher<{ id: string }>(`MATCH (a:Actor {departement: '92'}) RETURN a.id AS id ORDER BY id LIMIT 1`);
    const mutation = `mutation ($input: MarkVerifiedInput!) { markVerified(input: $input) { auditId } }`;
    const audits = async () => (await cypher<{ n: number }>(`MATCH (r:AuditRecord) RETURN count(r) AS n`))[0]!.n;
    const auditsBefore = await audits();
    const attempts: [string | undefined, string][] = [
      [await tokenFor("COORDINATOR", { departement: "77" }), local!.id],
      [await coordinator92(), national!.id],
      [await tokenFor("FRONTLINE"), local!.id],
      [undefined, local!.id],
    ];
    for (const [token, id] of attempts) {
      const response = await graphql(mutation, { input: { label: "Actor", id, method: "PAGE" } }, token);
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    }
    expect(await audits()).toBe(auditsBefore);
    const admin = await graphql(mutation, { input: { label: "Actor", id: national!.id, method: "PAGE" } }, await tokenFor("ADMIN"));
    expect(admin.body.errors).toBeUndefined();
  });
});
