/**
 * A function that has kept nothing (a container started cold) reads the services of an area from its
 * digest, written in the graph by the first function that read the area whole, and only the services
 * written since (functions/routes/area-digests.ts, referral-route.cypher): its routes answer as if it
 * had read everything. The scheduled function writes them ahead of the routes too
 * (functions/routes/route-digests-ahead.ts), after a change of the structure or past an area's log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, secretStrings, writeConfidentialFixture } from "./support/confidential-fixture";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";
import { cypher, testDriver } from "./support/graph";
import { keepReads } from "../functions/graph/version-keyed-cache";
import { flushAreaDigests } from "../functions/routes/area-digests";
import { coldRouteRequest } from "./support/cold-route-request";
import { referralRouteCypher } from "../generated/cypher";
import type { RouteQueryRequest } from "../functions/routes/route-reads";
import { harassmentInColombes, watchedRankingInput } from "./support/ranking-input";
import { scheduledEvent } from "./support/s3";
import { lambdaContext } from "../local/http-api-event";
import { writeRouteDigestsAhead } from "../functions/routes/route-digests-ahead";
import { unpackedRows } from "../functions/routes/digest-rows";
import { digestsInGraph } from "./support/digests";
import { withEnvironment } from "./support/environment";

const routeQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) { emergency { number } steps { need placesFree reasons service { id } } excluded { need service { id } } } }`;
const shelterRoute = {
  commune: "92050",
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  urgency: "IMMEDIATE_DANGER",
  maxOptionsPerNeed: 10,
  at: "2026-11-24T23:00:00+01:00",
};
const departement = "DEPARTEMENT:92";

/** A route asked of a function that keeps nothing: each one is its first. */
async function coldRoute(input: Record<string, unknown> = shelterRoute) {
  keepReads(false);
  try {
    const response = await graphql<{ referralRoute: { steps: { placesFree: number | null; service: { id: string } }[] } }>(routeQuery, { input }, await tokenFor("FRONTLINE"));
    expect(response.body.errors).toBeUndefined();
    return response;
  } finally {
    keepReads(true);
  }
}

/** What the route query of a function that holds nothing reads of each area: the services written since its digest, and the digest's rows as JSON. */
async function digestsRead(communeCode = "92050"): Promise<Map<string, { written: string[] | null; digest: string | null }>> {
  const request = coldRouteRequest(communeCode);
  const records = await cypher<{ candidate: unknown; patches: [string, string[] | null, Int8Array | null][] }>(referralRouteCypher, { request });
  const head = records.find((record) => record.candidate === null)!;
  return new Map(head.patches.map(([area, written, digest]) => [area, { written, digest: digest && JSON.stringify(unpackedRows(digest)) }]));
}

async function setPlacesFree(placesFree: number) {
  const operator = await tokenFor("SHELTER_OPERATOR", { actor: fixture.actorId });
  const response = await graphql(`mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }`, { input: { serviceId: fixture.serviceId, placesFree } }, operator);
  expect(response.body.errors).toBeUndefined();
}

beforeAll(writeConfidentialFixture);

describe("area digests", () => {
  it("a function that kept nothing reads an area from the digest the first function to read it whole wrote, and answers byte for byte as that one", async () => {
    await cypher("MATCH (digest:AreaDigest) DELETE digest");
    expect((await digestsRead()).size).toBe(0);

    const everythingRead = await coldRoute();
    await flushAreaDigests();

    const read = await digestsRead();
    expect(read.get(departement)).toEqual({ written: [], digest: expect.any(String) });
    expect(JSON.parse(read.get(departement)!.digest!)).toContainEqual(expect.arrayContaining([fixture.serviceId]));
    expect((await coldRoute()).rawBody).toBe(everythingRead.rawBody);
  });

  it("after a write in the area, a function that kept nothing reads the digest and only the services the write named", async () => {
    await coldRoute();
    await flushAreaDigests();
    await setPlacesFree(1);
    try {
      expect((await digestsRead()).get(departement)?.written).toEqual([fixture.serviceId]);
      const step = (await coldRoute()).body.data!.referralRoute.steps.find(({ service }) => service.id === fixture.serviceId);
      expect(step?.placesFree).toBe(1);
    } finally {
      await setPlacesFree(fixture.placesFree);
    }
  });

  it("a digest is not read when the area's log does not reach back to it, nor after the structure changed: the area is read whole and its digest written anew", async () => {
    await coldRoute();
    await flushAreaDigests();
    const witness = "MATCH (capacity:Capacity {id: $id}) SET capacity.placesFree = $placesFree";
    await cypher(witness, { id: `${fixture.serviceId}:capacity`, placesFree: 7 });
    // A write that did not log (a function of the previous release, during a deploy).
    await cypher(
      "MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID() SET graph.stampedVersion = graph.version " +
        "WITH graph MATCH (stamp:AreaVersion {area: $area}) SET stamp.version = randomUUID()",
      { area: departement },
    );
    try {
      expect((await digestsRead()).get(departement)).toEqual({ written: null, digest: null });
      expect((await coldRoute()).body.data!.referralRoute.steps.find(({ service }) => service.id === fixture.serviceId)?.placesFree).toBe(7);
      await flushAreaDigests();
      expect((await digestsRead()).get(departement)).toEqual({ written: [], digest: expect.stringContaining(fixture.serviceId) });

      // Digests read by another text of the route query (another release's) are not read.
      await cypher("MATCH (digest:AreaDigest) SET digest.realQuery = digest.query, digest.query = 'another release'");
      expect((await digestsRead()).size).toBe(0);
      await cypher("MATCH (digest:AreaDigest) SET digest.query = digest.realQuery REMOVE digest.realQuery");
      expect((await digestsRead()).size).toBeGreaterThan(0);

      await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.structure = randomUUID()");
      expect((await digestsRead()).size).toBe(0);
    } finally {
      await cypher(witness, { id: `${fixture.serviceId}:capacity`, placesFree: fixture.placesFree });
      await cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID()");
    }
  });

  it("a digest, of an area or of surroundings, holds nothing a caller without the right may not see: no confidential place, no contact", async () => {
    await coldRoute();
    await flushAreaDigests();
    const all = (await digestsInGraph()).map(({ text }) => text).join("\n");
    expect(all).toContain(fixture.serviceId);
    for (const secret of [...secretStrings, fixture.referralPhone, fixture.publicPhone, fixture.locationId]) expect(all).not.toContain(secret);
  });

  it("a function that kept nothing reads a commune's surroundings from their digest while her areas around are unchanged", async () => {
    /** The ranking's input of a function that keeps nothing, and whether its route query read the surroundings. */
    const coldRead = async () => {
      const requests: RouteQueryRequest[] = [];
      keepReads(false);
      try {
        const input = await watchedRankingInput({ ...harassmentInColombes, emergencyNumbers: [] }, (query, parameters) => {
          if (query === referralRouteCypher) requests.push(parameters!.request as RouteQueryRequest);
        });
        await flushAreaDigests();
        return { input: JSON.stringify(input), surroundingsRead: !requests[0]!.surroundingsKept };
      } finally {
        keepReads(true);
      }
    };
    await cypher("MATCH (digest:SurroundingsDigest) DELETE digest");
    const everythingRead = await coldRead();
    expect(everythingRead.surroundingsRead).toBe(true);

    expect(await coldRead()).toEqual({ input: everythingRead.input, surroundingsRead: false });
    await cypher("MATCH (digest:SurroundingsDigest) SET digest.query = 'another release'");
    expect((await coldRead()).surroundingsRead).toBe(true);
    expect((await coldRead()).surroundingsRead).toBe(false);

    // A write around her (a service of a commune of the 92), by a function of the previous release.
    await cypher(
      "MATCH (graph:GraphVersion {key: 'graph'}) SET graph.version = randomUUID() SET graph.stampedVersion = graph.version " +
        "MERGE (stamp:AreaVersion {area: 'AROUND:92'}) SET stamp.version = randomUUID()",
    );
    expect((await coldRead()).surroundingsRead).toBe(true);
    expect((await coldRead()).surroundingsRead).toBe(false);
  });
});

describe("area digests written ahead of the routes", () => {
  const structureChanged = () => cypher("MATCH (graph:GraphVersion {key: 'graph'}) SET graph.structure = randomUUID()");
  /** France, the départements, the zones of communes and the communes served by 10 services or more: what a run writes for each audiences. */
  const areasAhead = async () =>
    (
      await cypher<{ n: number }>(
        "MATCH (t:Territory) WHERE t.level IN ['NATIONAL', 'DEPARTEMENT'] OR (t.level = 'ZONE' AND EXISTS { (t)<-[:PART_OF]-(:Territory {level: 'COMMUNE'}) }) " +
          "OR (t.level = 'COMMUNE' AND COUNT { (t)<-[:SERVES]-() } >= 10) RETURN count(t) AS n",
      )
    )[0]!.n;
  /** The 92's digest for a victim's route, its rows in the order of their ids. */
  const rowsOf92 = async () => {
    const [digest] = await cypher<{ rows: Int8Array; stamp: string }>("MATCH (digest:AreaDigest {key: $key}) RETURN digest.rows AS rows, digest.stamp AS stamp", {
      key: `${departement} VICTIMS GENERAL_PUBLIC`,
    });
    const rows = unpackedRows<unknown[][]>(digest!.rows);
    return { stamp: digest!.stamp, rows: rows.sort((a, b) => String(a[1]).localeCompare(String(b[1]))) };
  };

  it("after a change of the structure, the schedule's run writes France's, each département's, each zone's and the large communes', and a function that kept nothing answers from them as one that read everything", async () => {
    await structureChanged();
    await cypher("MATCH (digest:AreaDigest) DELETE digest");
    const everythingRead = await coldRoute();
    await flushAreaDigests();
    await cypher("MATCH (digest:AreaDigest) DELETE digest");

    const { handler } = await import("../functions/handlers/route-digests");
    const report = await handler(scheduledEvent(), lambdaContext("parcours-route-digests", 60_000));

    expect(report).toMatchObject({ written: 2 * (await areasAhead()), patched: 0, left: 0 });
    const read = await digestsRead();
    expect(read.get(departement)).toEqual({ written: [], digest: expect.stringContaining(fixture.serviceId) });
    expect(read.get("NATIONAL:FR")).toEqual({ written: [], digest: expect.any(String) });
    const zones = [...read].filter(([area]) => area.startsWith("ZONE:"));
    expect(zones.length).toBeGreaterThan(0);
    for (const [, zone] of zones) expect(zone).toEqual({ written: [], digest: expect.any(String) });
    expect((await coldRoute()).rawBody).toBe(everythingRead.rawBody);
    expect(await handler(scheduledEvent(), lambdaContext("parcours-route-digests", 60_000))).toMatchObject({ written: 0, left: 0 });
  });

  it("each digest written ahead holds the services that serve its area for its audiences and answer a need, and only them", async () => {
    let digests: { key: string; area: string; rows: Int8Array; serving: string[] }[] = [];
    // A commune served by 10 services has a digest; a zone is read through its first commune, whose services are not the zone's.
    await cypher(
      "MATCH (:Territory {level: 'ZONE'})<-[:PART_OF]-(member:Territory {level: 'COMMUNE'}) WITH member ORDER BY member.code LIMIT 1 " +
        "MATCH (need:Need {code: 'LEGAL_ADVICE'}) UNWIND range(1, 10) AS i " +
        "CREATE (need)<-[:ANSWERS]-(:Service {id: 'test-ahead-commune-service-' + i, audience: 'VICTIMS'})-[:SERVES]->(member)",
    );
    try {
      await cypher("MATCH (digest:AreaDigest) DELETE digest");
      await writeRouteDigestsAhead(testDriver(), Date.now() + 60_000);
      digests = await cypher<{ key: string; area: string; rows: Int8Array; serving: string[] }>(
        "MATCH (digest:AreaDigest) " +
          "MATCH (area:Territory) WHERE area.level + ':' + area.code = digest.area " +
          "RETURN digest.key AS key, digest.area AS area, digest.rows AS rows, " +
          "COLLECT { MATCH (area)<-[:SERVES]-(service:Service) WHERE service.audience IN split(substring(digest.key, size(digest.area) + 1), ' ') AND EXISTS { (service)-[:ANSWERS]->(:Need) } RETURN service.id ORDER BY service.id } AS serving",
      );
    } finally {
      await cypher("MATCH (service:Service) WHERE service.id STARTS WITH 'test-ahead-commune-service-' DETACH DELETE service");
    }
    expect([...new Set(digests.map(({ area }) => area.slice(0, area.indexOf(":"))))].sort()).toEqual(["COMMUNE", "DEPARTEMENT", "NATIONAL", "ZONE"]);
    for (const { key, rows, serving } of digests) {
      const ids = unpackedRows<unknown[][]>(rows).map((row) => row[1] as string).sort();
      expect({ key, ids }).toEqual({ key, ids: serving });
    }
  });

  it("a digest older than the area's last writes is brought up to date from it and the services written since, as a whole read writes it", async () => {
    await writeRouteDigestsAhead(testDriver(), Date.now() + 60_000);
    await setPlacesFree(1);
    try {
      expect(await writeRouteDigestsAhead(testDriver(), Date.now() + 60_000)).toMatchObject({ written: 2, patched: 2, left: 0 });
      const patched = await rowsOf92();
      expect(patched.rows).toContainEqual(expect.arrayContaining([fixture.serviceId, [12, 1, expect.any(String)]]));

      await cypher("MATCH (digest:AreaDigest {area: $area}) DELETE digest", { area: departement });
      expect(await writeRouteDigestsAhead(testDriver(), Date.now() + 60_000)).toMatchObject({ written: 2, patched: 0 });
      expect(await rowsOf92()).toEqual(patched);
    } finally {
      await setPlacesFree(fixture.placesFree);
    }
  });

  it("a run that cannot reach the graph fails the invocation with what failed and no stack, for the schedule to retry", async () => {
    // A port nothing listens on.
    await withEnvironment("NEO4J_URI", "bolt://127.0.0.1:1", async () => {
      const { handler } = await import("../functions/handlers/route-digests");
      const failure = await handler(scheduledEvent(), lambdaContext("parcours-route-digests", 60_000)).then(
        () => null,
        (error: unknown) => error as Error,
      );
      expect(failure?.name).toBe("RouteDigestsNotWritten");
      expect(failure?.message).toMatch(/^route digests not written, routes read their areas whole meanwhile: .+/);
      expect(failure?.stack).not.toMatch(/\n\s+at /);
    });
  });

  it("a run that reaches its deadline stops, and says what it left to the next one", async () => {
    await structureChanged();
    expect(await writeRouteDigestsAhead(testDriver(), Date.now() - 1)).toMatchObject({ written: 0, patched: 0, left: 2 * (await areasAhead()) });
  });

  it("a digest written ahead holds nothing a caller without the right may not see: no confidential place, no contact", async () => {
    await cypher("MATCH (digest:AreaDigest) DELETE digest");
    await writeRouteDigestsAhead(testDriver(), Date.now() + 60_000);
    const all = (await digestsInGraph("AreaDigest")).map(({ text }) => text).join("\n");
    expect(all).toContain(fixture.serviceId);
    for (const secret of [...secretStrings, fixture.referralPhone, fixture.publicPhone, fixture.locationId]) expect(all).not.toContain(secret);
  });
});
