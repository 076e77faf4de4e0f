import { describe, expect, it } from "vitest";
import { cypher, testDriver } from "./support/graph";
import { dataInclusionIdIndex, hsdsIdIndex, type NamedIds } from "../functions/imports/hsds-id-index";
import { hsdsUuid } from "../functions/formats/hsds/terms";

/** So many names that the index reads the graph's identities whole rather than look each up. */
const crowd = Array.from({ length: 20_000 }, (_, i) => `absent-${i}`);

describe("the ids an HSDS or data·inclusion file names, read from the graph", () => {
  it("finds a record by the HSDS id it was imported under, else by the UUID the export minted, and mints an id for the rest, whether it looks the names up or reads them all", async () => {
    const [imported] = await cypher<{ id: string }>("MATCH (s:Service) WITH s ORDER BY s.id LIMIT 1 SET s.hsdsId = 'annuaire-42', s.publishedHsdsId = 'annuaire-42' RETURN s.id AS id");
    const [actor] = await cypher<{ id: string }>("MATCH (a:Actor) WHERE a.hsdsId IS NULL RETURN a.id AS id ORDER BY a.id LIMIT 1");
    const [location] = await cypher<{ id: string }>("MATCH (l:Location) WHERE l.hsdsId IS NULL RETURN l.id AS id ORDER BY l.id LIMIT 1");
    const named: NamedIds = {
      actor: [hsdsUuid("actor", actor!.id), "Nouvelle Structure"],
      service: ["annuaire-42", hsdsUuid("service", imported!.id)],
      location: [hsdsUuid("location", location!.id)],
    };
    const answers = async (wholeGraph: boolean) => {
      const ids = await hsdsIdIndex(testDriver(), wholeGraph ? { ...named, actor: [...named.actor, ...crowd] } : named);
      const idOf = (kind: keyof NamedIds) => named[kind].map((id) => ids.idOf(kind, id));
      return { actors: idOf("actor"), services: idOf("service"), locations: idOf("location"), known: ids.isKnown("actor", actor!.id) };
    };

    const lookedUp = await answers(false);

    expect(lookedUp).toEqual({
      actors: [actor!.id, "hsds-nouvelle-structure"],
      // A record imported under an HSDS id is no longer found under the UUID its Parcours id would mint.
      services: [imported!.id, `hsds-${hsdsUuid("service", imported!.id)}`],
      locations: [location!.id],
      known: true,
    });
    expect(await answers(true)).toEqual(lookedUp);
  });

  it("takes a data·inclusion id as the Parcours id the graph holds, else as the id an import minted from it", async () => {
    const [actor] = await cypher<{ id: string }>("MATCH (a:Actor) RETURN a.id AS id ORDER BY a.id LIMIT 1");
    const named: NamedIds = { actor: [actor!.id, "Structure Nouvelle"], service: [], location: [] };
    for (const names of [named, { ...named, service: crowd }]) {
      const ids = await dataInclusionIdIndex(testDriver(), names);
      expect(named.actor.map((id) => ids.idOf("actor", id))).toEqual([actor!.id, "hsds-structure-nouvelle"]);
      expect(ids.isKnown("actor", actor!.id)).toBe(true);
      expect(ids.isKnown("actor", "hsds-structure-nouvelle")).toBe(false);
    }
  });
});
