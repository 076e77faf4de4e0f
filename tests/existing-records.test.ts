/**
 * The départements citing a source, which decide whether a coordinator may change it, are the same
 * whichever way the read finds them: through the source indexes when few records cite the source,
 * through every actor when more than a thousand do (functions/graph/existing-records.cypher).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existingRecordsCypher } from "../generated/cypher";
import type { ExistingRecords } from "../functions/auth/authorization";
import { cypher, testDriver } from "./support/graph";

/** Actors of 77 citing the source (as many as `actors77`), a 92 actor citing it through its service only, a national actor. */
const citingRecords = `
CREATE (s:Source {id: $id, ref: $ref, title: 'Source de test des citations', verifiedAt: date('2026-11-01')})
WITH s
UNWIND range(1, $actors77) AS i
CREATE (:Actor {id: $id + '-actor-77-' + toString(i), name: 'Association de test', departement: '77', source: s.ref})
WITH DISTINCT s
CREATE (a92:Actor {id: $id + '-actor-92', name: 'Association de test', departement: '92', source: 'https://example.org/autre'})
CREATE (a92)-[:OFFERS]->(:Service {id: $id + '-service-92', name: 'Accueil', source: s.ref})
CREATE (:Actor {id: $id + '-actor-national', name: 'Ligne nationale de test', departement: null, source: s.ref})`;

async function citedSource(id: string): Promise<(string | null)[]> {
  const { records } = await testDriver().executeQuery(existingRecordsCypher, { ids: [id] });
  const existing = records[0]!.toObject() as ExistingRecords;
  return existing.citedSources.find((s) => s.id === id)!.departements.toSorted((a, b) => String(a).localeCompare(String(b)));
}

describe("the départements citing a source", () => {
  beforeAll(async () => {
    await cypher(citingRecords, { id: "source-citee-peu", ref: "https://example.org/citee-peu", actors77: 1 });
    await cypher(citingRecords, { id: "source-citee-beaucoup", ref: "https://example.org/citee-beaucoup", actors77: 1_000 });
    await cypher("CREATE (:Source {id: 'source-citee-par-rien', ref: 'https://example.org/citee-par-rien', title: 'Source que rien ne cite'})");
  });
  afterAll(async () => {
    await cypher("MATCH (n) WHERE n:Source|Actor|Service AND (n.id STARTS WITH 'source-citee-') DETACH DELETE n");
  });

  it("are those of the actors citing it or offering a service citing it, national ones as null, whether few or many records cite it", async () => {
    expect(await citedSource("source-citee-peu")).toEqual(["77", "92", null]);
    expect(await citedSource("source-citee-beaucoup")).toEqual(["77", "92", null]);
    expect(await citedSource("source-citee-par-rien")).toEqual([]);
  });
});
