/**
 * The areas a write touches (functions/graph/areas-touched.cypher): those whose kept reads the write
 * gives a new version (graph-version.ts), so that routes elsewhere keep theirs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { areasTouched, type GraphChange, type TouchedAreas } from "../functions/graph/graph-version";
import { confidentialDataset, fixture, saveDatasetMutation, writeConfidentialFixture } from "./support/confidential-fixture";
import { cypher, testDriver } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const place = { id: "loc-zone-temoin", name: "Permanence Témoin", address: "2 place Témoin", postalCode: "92000", commune: "92050", source: "matrice-source" };
const service = {
  id: "zone-temoin-permanence",
  name: "Permanence Témoin",
  kind: "WELCOME_CENTRE",
  audience: "VICTIMS",
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  needs: ["LISTENING"],
  area: ["92050"],
  at: [place.id],
  source: "matrice-source",
};

async function touchedWith(change: GraphChange): Promise<TouchedAreas> {
  const session = testDriver().session();
  try {
    return await session.executeRead((tx) => areasTouched(tx, change));
  } finally {
    await session.close();
  }
}

async function touched(change: GraphChange): Promise<string[]> {
  return [...(await touchedWith(change)).keys()].sort();
}

let nanterreZone: string;

beforeAll(async () => {
  await writeConfidentialFixture();
  const actor = { id: "zone-temoin", name: "Association Témoin de zone", kind: "ASSOCIATION", departement: "92", covers: ["92"], source: "matrice-source" };
  const saved = await graphql(
    saveDatasetMutation,
    { input: { sources: confidentialDataset.sources, locations: [place], actors: [{ ...actor, services: [service] }] } },
    await tokenFor("COORDINATOR", { departement: "92" }),
  );
  expect(saved.body.errors).toBeUndefined();
  const [zone] = await cypher<{ code: string }>("MATCH (:Territory {code: '92050'})-[:PART_OF]->(zone:Territory {level: 'ZONE'}) RETURN zone.code AS code");
  nanterreZone = zone!.code;
});

describe("the areas a write touches", () => {
  it("a service serving a commune: the commune, and what surrounds the communes of her département and zones", async () => {
    const expected = ["AROUND:92", "COMMUNE:92050", `NEAR:${nanterreZone}`].sort();
    expect(await touched({ services: [service.id] })).toEqual(expected);
    expect(await touched({ locations: [place.id] })).toEqual(expected);
  });

  it("names the services written in each area they serve, and none in the areas around, which are read again whole", async () => {
    const areas = await touchedWith({ services: [service.id], parts: [`${fixture.serviceId}:capacity`] });

    expect(Object.fromEntries(areas)).toEqual({
      "COMMUNE:92050": [service.id],
      "DEPARTEMENT:92": [fixture.serviceId],
      "AROUND:92": null,
      [`NEAR:${nanterreZone}`]: null,
    });
  });

  it("a shelter's capacity: the département it serves, nothing around", async () => {
    expect(await touched({ parts: [`${fixture.serviceId}:capacity`] })).toEqual(["DEPARTEMENT:92"]);
  });

  it("a zone: who is near whom in it; an actor: France only when it offers a national line", async () => {
    expect(await touched({ zones: [nanterreZone] })).toEqual(["AROUND:92", `NEAR:${nanterreZone}`]);
    expect(await touched({ actors: ["ligne-3919"] })).toEqual(["NATIONAL:FR"]);
    expect(await touched({ actors: [fixture.actorId] })).toEqual([]);
  });

  it("nothing named, or the structure changed: no area (the structure lets every one go)", async () => {
    expect(await touched({})).toEqual([]);
    expect(await touched({ structure: true, services: [service.id] })).toEqual([]);
  });
});
