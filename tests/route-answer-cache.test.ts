/**
 * The function keeps what a route read while the graph's version is unchanged
 * (functions/graph/version-keyed-cache.ts): a route asked again costs Neo4j the read of the version,
 * and every write of the API gives the graph a new version, so the next route reads the graph again;
 * but only the areas the write touched: the others' services are kept under their own versions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { confidentialDataset, fixture, saveDatasetMutation, writeConfidentialFixture } from "./support/confidential-fixture";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";
import { keepReads } from "../functions/graph/version-keyed-cache";
import type { RouteQueryParams } from "../functions/routes/route-reads";
import { harassmentInColombes, watchedRankingInput } from "./support/ranking-input";
import { areaVersionsCypher } from "../generated/cypher";
import { cypher } from "./support/graph";

const routeQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) { steps { placesFree reasons service { id } } } }`;
const shelterRoute = {
  commune: "92050",
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  needs: ["EMERGENCY_SHELTER"],
  maxOptionsPerNeed: 10,
  at: "2026-11-24T23:00:00+01:00",
};

interface Step {
  placesFree: number | null;
  reasons: string[];
  service: { id: string };
}

async function stepOf(serviceId: string, input: Record<string, unknown> = shelterRoute): Promise<Step | undefined> {
  const response = await graphql<{ referralRoute: { steps: Step[] } }>(routeQuery, { input }, await tokenFor("FRONTLINE"));
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.referralRoute.steps.find((step) => step.service.id === serviceId);
}

async function graphVersion(): Promise<string | null> {
  const [row] = await cypher<{ version: string }>("MATCH (graph:GraphVersion {key: 'graph'}) RETURN graph.version AS version");
  return row?.version ?? null;
}

const placesCypher = "MATCH (capacity:Capacity {id: $id}) SET capacity.placesFree = $placesFree";
const capacityId = `${fixture.serviceId}:capacity`;

/**
 * The fetch of a route's nodes keeps @neo4j/graphql's statement for a document and caller once two
 * routes with other ids gave the same one (route-node-reads.ts); only then are the nodes it reads kept.
 */
async function keepNodeStatement(query: string, token: string | undefined) {
  for (const maxOptionsPerNeed of [1, 2, 3]) {
    const input = { ...shelterRoute, commune: "92012", needs: ["LISTENING", "LEGAL_ADVICE", "PSYCHOLOGICAL"], maxOptionsPerNeed };
    expect((await graphql(query, { input }, token)).body.errors).toBeUndefined();
  }
}

beforeAll(writeConfidentialFixture);

describe("route answers kept between requests", () => {
  it("a route asked again under the same version does not read the graph's services again", async () => {
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);

    // Behind the API's back, the version unchanged: the kept answer is given. (Writes outside the API
    // must give the graph a new version: README, Referral routes.)
    await cypher(placesCypher, { id: capacityId, placesFree: 9 });
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);

    await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(9);
    await cypher(placesCypher, { id: capacityId, placesFree: fixture.placesFree });
    await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
  });

  it("a route of another commune reads the services of its département kept by an earlier route, until the version changes", async () => {
    const colombes = { ...shelterRoute, commune: "92025" };
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);

    // The shelter serves the whole 92: Nanterre's route kept the département's services for Colombes'.
    await cypher(placesCypher, { id: capacityId, placesFree: 9 });
    expect((await stepOf(fixture.serviceId, colombes))?.placesFree).toBe(fixture.placesFree);

    await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
    expect((await stepOf(fixture.serviceId, colombes))?.placesFree).toBe(9);
    await cypher(placesCypher, { id: capacityId, placesFree: fixture.placesFree });
    await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
  });

  it("routes of other communes, départements, needs and audiences sharing what is kept answer as if they read everything", async () => {
    const routeQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) {
      emergency { number } steps { need serviceId: service { id } proximity reasons placesFree } uncoveredNeeds { need reason }
      excluded { need reasons service { id } } excludedTruncated } }`;
    const at = shelterRoute.at;
    const routes = [
      { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at },
      { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["PERPETRATOR_FOLLOW_UP"], at },
      { commune: "92050", situations: ["HARASSMENT"], needs: ["HOUSING", "EMPLOYMENT", "SOCIAL_SUPPORT", "CHILD_PROTECTION"], at },
      { commune: "92025", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING", "LEGAL_ADVICE"], at },
      { commune: "92012", situations: ["SEXUAL_VIOLENCE"], needs: ["PERPETRATOR_FOLLOW_UP"], at },
      { commune: "92012", situations: ["SEXUAL_VIOLENCE", "HARASSMENT"], urgency: "URGENT", at },
      { commune: "77284", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at },
      { commune: "79191", situations: ["INTIMATE_PARTNER_VIOLENCE", "CHILD_EXPOSURE"], at },
      { commune: "69123", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at },
    ];
    const token = await tokenFor("FRONTLINE");
    const answersOf = async () => {
      const answers: string[] = [];
      for (const input of routes) {
        const response = await graphql(routeQuery, { input }, token);
        expect(response.body.errors).toBeUndefined();
        answers.push(response.rawBody);
      }
      return answers;
    };

    keepReads(false);
    const everythingRead = await answersOf();
    keepReads(true);
    await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
    const areasShared = await answersOf();

    expect(everythingRead.filter((answer) => answer.includes('"steps":[{'))).toHaveLength(routes.length);
    expect(areasShared).toEqual(everythingRead);
  });

  it("a write in another département leaves this one's areas kept; a write in it lets them go", async () => {
    const admin = await tokenFor("ADMIN");
    const verify = async (label: string, id: string) => {
      const response = await graphql(`mutation ($input: MarkVerifiedInput!) { markVerified(input: $input) { verifiedAt } }`, { input: { label, id, method: "CALL" } }, admin);
      expect(response.body.errors).toBeUndefined();
    };
    // A write through the API first: the versions set behind its back by the tests above are settled.
    await verify("Service", "ams-79-accueil");
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);

    await cypher(placesCypher, { id: capacityId, placesFree: 9 });
    const before = await graphVersion();
    await verify("Service", "ams-79-accueil");
    expect(await graphVersion()).not.toBe(before);
    // The route's answer is read again under the graph's new version, the 92's services are not.
    expect((await stepOf(fixture.serviceId, { ...shelterRoute, commune: "92025" }))?.placesFree).toBe(fixture.placesFree);

    await verify("Capacity", capacityId);
    expect((await stepOf(fixture.serviceId, { ...shelterRoute, commune: "92025" }))?.placesFree).toBe(9);
    await cypher(placesCypher, { id: capacityId, placesFree: fixture.placesFree });
    await verify("Capacity", capacityId);
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);
  });

  it("a service that stops serving an area leaves the routes kept there at once, and enters those of the area it serves now", async () => {
    const coordinator = await tokenFor("COORDINATOR", { departement: "92" });
    const colombes = { ...shelterRoute, commune: "92025" };
    const [actor] = confidentialDataset.actors;
    const servingOnly = (area: string[]) => ({ ...confidentialDataset, actors: [{ ...actor!, services: [{ ...actor!.services[0]!, area }] }] });
    expect(await stepOf(fixture.serviceId, colombes)).toBeDefined();
    expect(await stepOf(fixture.serviceId)).toBeDefined();

    expect((await graphql(saveDatasetMutation, { input: servingOnly(["92025"]) }, coordinator)).body.errors).toBeUndefined();
    expect(await stepOf(fixture.serviceId, colombes)).toBeDefined();
    expect(await stepOf(fixture.serviceId)).toBeUndefined();

    expect((await graphql(saveDatasetMutation, { input: confidentialDataset }, coordinator)).body.errors).toBeUndefined();
    expect(await stepOf(fixture.serviceId)).toBeDefined();
    expect(await stepOf(fixture.serviceId, colombes)).toBeDefined();
  });

  it("a write in a département kept by the function is read back service by service: only those it named are read again", async () => {
    const operator = await tokenFor("SHELTER_OPERATOR", { actor: fixture.actorId });
    const setPlacesFree = async (placesFree: number) => {
      const response = await graphql(`mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }`, { input: { serviceId: fixture.serviceId, placesFree } }, operator);
      expect(response.body.errors).toBeUndefined();
    };
    const witness = "centre-flora-tristan-urgence";
    const witnessPlaces = "MATCH (:Service {id: $id})-[:HAS_CAPACITY]->(capacity:Capacity) SET capacity.placesFree = $placesFree";
    await setPlacesFree(fixture.placesFree);
    expect((await stepOf(witness))?.placesFree).toBeNull();

    // Behind the API's back: the witness shelter of the same département changes unseen…
    await cypher(witnessPlaces, { id: witness, placesFree: 4 });
    await setPlacesFree(2);
    // …while the shelter the API wrote is read again, in Colombes' route too, which Nanterre's route kept.
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(2);
    expect((await stepOf(fixture.serviceId, { ...shelterRoute, commune: "92025" }))?.placesFree).toBe(2);
    expect((await stepOf(witness))?.placesFree).toBeNull();

    // Writes that did not log their services (a function of the previous release, during a deploy): the
    // area is read again whole, whether its node has no log yet or the write came between two logged ones.
    const unloggedWrite =
      "MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID() SET graph.stampedVersion = graph.version " +
      "WITH graph MATCH (stamp:AreaVersion {area: 'DEPARTEMENT:92'}) SET stamp.version = randomUUID()";
    await cypher(witnessPlaces, { id: witness, placesFree: 5 });
    await cypher(`${unloggedWrite} REMOVE stamp.logged, stamp.since, stamp.changed`);
    expect((await stepOf(witness))?.placesFree).toBe(5);
    await setPlacesFree(1);
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(1);
    await setPlacesFree(2);
    await cypher(witnessPlaces, { id: witness, placesFree: 6 });
    await cypher(unloggedWrite);
    await setPlacesFree(1);
    expect((await stepOf(witness))?.placesFree).toBe(6);
    await cypher(witnessPlaces, { id: witness, placesFree: 4 });

    // Past the writes an area's log names, the area is read again whole.
    for (let write = 0; write < 16; write++) await setPlacesFree(write % 5);
    await setPlacesFree(fixture.placesFree);
    expect((await stepOf(witness))?.placesFree).toBe(4);
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);
    await cypher(witnessPlaces, { id: witness, placesFree: null });
    await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
  });

  it("an area read back service by service answers byte for byte as one read whole", async () => {
    const coordinator = await tokenFor("COORDINATOR", { departement: "92" });
    const operator = await tokenFor("SHELTER_OPERATOR", { actor: fixture.actorId });
    const [actor] = confidentialDataset.actors;
    const shelter = actor!.services[0]!;
    const routeQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) {
      steps { need serviceId: service { id } proximity reasons placesFree } uncoveredNeeds { need reason } excluded { need reasons service { id } } } }`;
    const routes = [
      { ...shelterRoute, urgency: "IMMEDIATE_DANGER", needs: undefined },
      { ...shelterRoute, commune: "92025", needs: ["EMERGENCY_SHELTER", "HOUSING", "LEGAL_ADVICE"] },
    ];
    const token = await tokenFor("FRONTLINE");
    const answersOf = async () => Promise.all(routes.map(async (input) => (await graphql(routeQuery, { input }, token)).rawBody));
    await answersOf();

    // A write that changes what the shelter answers and for whom, and one of its free places.
    const changed = { ...confidentialDataset, actors: [{ ...actor!, services: [{ ...shelter, needs: ["EMERGENCY_SHELTER", "HOUSING"], eligibility: { gender: "WOMEN", children: "NOT_ACCEPTED" } }] }] };
    expect((await graphql(saveDatasetMutation, { input: changed }, coordinator)).body.errors).toBeUndefined();
    const placesSet = await graphql(`mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }`, { input: { serviceId: fixture.serviceId, placesFree: 1 } }, operator);
    expect(placesSet.body.errors).toBeUndefined();
    const patched = await answersOf();
    keepReads(false);
    const everythingRead = await answersOf();
    keepReads(true);

    expect(everythingRead.every((answer) => answer.includes(fixture.serviceId))).toBe(true);
    expect(patched).toEqual(everythingRead);
    expect((await graphql(saveDatasetMutation, { input: confidentialDataset }, coordinator)).body.errors).toBeUndefined();
  });

  it("a route made of what earlier routes of its commune and of its needs kept reads no service, and answers as one that reads everything", async () => {
    const needsQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) { needs emergency { number } steps { need service { id } reasons } excluded { need service { id } } } }`;
    const token = await tokenFor("FRONTLINE");
    const ask = async (input: Record<string, unknown>) => {
      const response = await graphql<{ referralRoute: { needs: string[] } }>(needsQuery, { input: { at: shelterRoute.at, ...input } }, token);
      expect(response.body.errors).toBeUndefined();
      return response;
    };
    const harassmentInColombes = { commune: "92025", situations: ["HARASSMENT"], urgency: "URGENT" };
    const typicalNeed = "MATCH (:Situation {code: 'HARASSMENT'})-[typical:TYPICALLY_NEEDS]->(:Need {code: 'COMPLAINT'})";
    const newVersion = "MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()";
    keepReads(false);
    const everythingRead = await ask(harassmentInColombes);
    keepReads(true);
    await cypher(newVersion);
    await ask({ commune: "92025", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"], urgency: "URGENT" });
    await ask({ commune: "92050", situations: ["HARASSMENT"], urgency: "URGENT" });

    // Behind the API's back, a typical need of harassment goes: the route made of kept reads still has it.
    await cypher(`${typicalNeed} DELETE typical`);
    try {
      const madeOfKept = await ask(harassmentInColombes);
      expect(madeOfKept.body.data!.referralRoute.needs).toContain("COMPLAINT");
      expect(madeOfKept.rawBody).toBe(everythingRead.rawBody);

      await cypher(newVersion);
      expect((await ask(harassmentInColombes)).body.data!.referralRoute.needs).not.toContain("COMPLAINT");
    } finally {
      await cypher("MATCH (situation:Situation {code: 'HARASSMENT'}), (need:Need {code: 'COMPLAINT'}) MERGE (situation)-[:TYPICALLY_NEEDS]->(need)");
      await cypher(newVersion);
    }
  });

  it("a route whose commune, needs and emergency lines were all kept by earlier routes runs no route query", async () => {
    const statements: string[] = [];
    const rankingInputOf = (params: Partial<RouteQueryParams>) => watchedRankingInput({ ...harassmentInColombes, ...params }, (query) => statements.push(query));
    await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
    await rankingInputOf({ situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"] });
    await rankingInputOf({ communeCode: "92050" });
    statements.length = 0;

    const madeOfKept = await rankingInputOf({});

    expect(statements).toEqual([areaVersionsCypher]);
    expect(madeOfKept.needRows.map(({ need }) => need).sort()).toEqual(["COMPLAINT", "LEGAL_ADVICE", "LISTENING"]);
  });

  it("reads and routes leave the version as it is; the demand counts they add too", async () => {
    const before = await graphVersion();
    await stepOf(fixture.serviceId);
    await stepOf(fixture.serviceId, { ...shelterRoute, urgency: "IMMEDIATE_DANGER" });
    await graphql(`{ services(limit: 5) { id name } }`);

    expect(before).not.toBeNull();
    expect(await graphVersion()).toBe(before);
  });

  it("free places set by the shelter operator are in the next route", async () => {
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);
    const operator = await tokenFor("SHELTER_OPERATOR", { actor: fixture.actorId });

    const update = await graphql(
      `mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }`,
      { input: { serviceId: fixture.serviceId, placesFree: 0 } },
      operator,
    );

    expect(update.body.errors).toBeUndefined();
    expect(await stepOf(fixture.serviceId)).toBeUndefined();
    const restore = await graphql(
      `mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }`,
      { input: { serviceId: fixture.serviceId, placesFree: fixture.placesFree } },
      operator,
    );
    expect(restore.body.errors).toBeUndefined();
    expect((await stepOf(fixture.serviceId))?.placesFree).toBe(fixture.placesFree);
  });

  it("a place a coordinator makes confidential is no longer named by the next route", async () => {
    const coordinator = await tokenFor("COORDINATOR", { departement: "92" });
    const place = { id: "loc-cache-temoin", name: "Accueil de jour Témoin", address: "1 place Témoin", postalCode: "92000", commune: "92050", source: "matrice-source" };
    const actor = { id: "cache-temoin", name: "Association Témoin", kind: "ASSOCIATION", departement: "92", covers: ["92"], source: "matrice-source" };
    const service = {
      id: "cache-temoin-accueil",
      name: "Accueil de jour Témoin",
      kind: "WELCOME_CENTRE",
      audience: "VICTIMS",
      situations: ["INTIMATE_PARTNER_VIOLENCE"],
      needs: ["PSYCHOLOGICAL"],
      area: ["92050"],
      at: [place.id],
      source: "matrice-source",
    };
    const save = (confidential: boolean) =>
      graphql(
        saveDatasetMutation,
        { input: { sources: confidentialDataset.sources, locations: [{ ...place, confidential }], actors: [{ ...actor, services: [service] }] } },
        coordinator,
      );
    const supportRoute = { ...shelterRoute, needs: ["PSYCHOLOGICAL"] };

    const saved = await save(false);
    expect(saved.body.errors).toBeUndefined();
    expect((await stepOf(service.id, supportRoute))?.reasons).toContain(`à Nanterre : ${place.name}`);

    const hidden = await save(true);
    expect(hidden.body.errors).toBeUndefined();
    const step = await stepOf(service.id, supportRoute);
    expect(step).toBeDefined();
    expect(JSON.stringify(step)).not.toContain("Témoin");
  });

  it("a service a coordinator renames is named anew in the next route: the nodes a route reads are kept under the version too", async () => {
    const coordinator = await tokenFor("COORDINATOR", { departement: "92" });
    const nameQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) { steps { service { id name } } } }`;
    const nameOfFixture = async () => {
      const response = await graphql<{ referralRoute: { steps: { service: { id: string; name: string } }[] } }>(nameQuery, { input: shelterRoute }, await tokenFor("FRONTLINE"));
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.referralRoute.steps.find((step) => step.service.id === fixture.serviceId)?.service.name;
    };
    await keepNodeStatement(nameQuery, await tokenFor("FRONTLINE"));
    const [actor] = confidentialDataset.actors;
    expect(await nameOfFixture()).toBe(actor!.services[0]!.name);
    expect(await nameOfFixture()).toBe(actor!.services[0]!.name);

    const renamed = { ...confidentialDataset, actors: [{ ...actor!, services: [{ ...actor!.services[0]!, name: "Hébergement Matrice renommé" }] }] };
    const saved = await graphql(saveDatasetMutation, { input: renamed }, coordinator);

    expect(saved.body.errors).toBeUndefined();
    expect(await nameOfFixture()).toBe("Hébergement Matrice renommé");
    expect((await graphql(saveDatasetMutation, { input: confidentialDataset }, coordinator)).body.errors).toBeUndefined();
  });

  it("what a route read for one caller is never given to another: a referral-only channel stays with the roles that may read it", async () => {
    const contactsQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) { steps { service { id contacts { value } } } } }`;
    const contactsOf = async (token: string | undefined) => {
      const response = await graphql<{ referralRoute: { steps: { service: { id: string; contacts: { value: string }[] } }[] } }>(contactsQuery, { input: shelterRoute }, token);
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.referralRoute.steps.find((step) => step.service.id === fixture.serviceId)?.service.contacts.map((c) => c.value);
    };

    for (const token of [await tokenFor("FRONTLINE"), undefined, await tokenFor("PARTNER_APP")]) await keepNodeStatement(contactsQuery, token);
    for (let turn = 0; turn < 3; turn++) {
      expect(await contactsOf(await tokenFor("FRONTLINE"))).toContain(fixture.referralPhone);
      expect(await contactsOf(undefined)).not.toContain(fixture.referralPhone);
      expect(await contactsOf(await tokenFor("PARTNER_APP"))).not.toContain(fixture.referralPhone);
    }
  });

  it("a route whose reads are kept answers byte for byte as one that reads everything, dates and nested nodes included", async () => {
    const wideQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) {
      emergency { number label available }
      steps { rank need openNow nextOpening placesFree proximity referralOnly reasons
        service { id name kind verifiedAt languages contacts { channel value verifiedAt } capacity { placesTotal placesFree updatedAt }
          schedule { openingHours description } locations { name commune { code name } } needs { code } }
        actor { id name kind verifiedAt } }
      uncoveredNeeds { need reason }
      excluded { need reasons service { id name } actor { name } }
      excludedTruncated
    } }`;
    const token = await tokenFor("FRONTLINE");
    const input = { ...shelterRoute, urgency: "IMMEDIATE_DANGER", needs: undefined };
    await keepNodeStatement(wideQuery, token);

    keepReads(false);
    const everythingRead = await graphql(wideQuery, { input }, token);
    keepReads(true);
    const first = await graphql(wideQuery, { input }, token);
    const kept = await graphql(wideQuery, { input }, token);

    expect(everythingRead.body.errors).toBeUndefined();
    expect(everythingRead.rawBody).toContain("verifiedAt");
    expect(first.rawBody).toBe(everythingRead.rawBody);
    expect(kept.rawBody).toBe(everythingRead.rawBody);
  });
});
