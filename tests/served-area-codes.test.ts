/**
 * Each service holds the codes of the areas it serves (functions/graph/served-area-codes.ts), which a
 * route reads to tell a service of other communes from one in her reach: equal to its SERVES after
 * every write, and given by the graph's preparation to services written before it was stored.
 */
import { describe, expect, it } from "vitest";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { setMissingServedAreaCodes } from "../functions/graph/served-area-codes";
import { saveDatasetMutation } from "./support/confidential-fixture";
import { cypher, testDriver } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";
import { referralRouteCypher } from "../generated/cypher";
import { coldRouteRequest } from "./support/cold-route-request";

/** Services whose stored codes are not those of the areas they serve. */
const servicesWithOtherCodes = () =>
  cypher<{ id: string }>(
    `MATCH (service:Service)
     WHERE service.servedAreaCodes IS NULL
        OR apoc.coll.sort(service.servedAreaCodes) <> COLLECT { MATCH (service)-[:SERVES]->(area) RETURN area.code ORDER BY area.code }
     RETURN service.id AS id ORDER BY id`,
  );

const source = { id: "codes-source", ref: "https://example.org/codes", title: "Source fictive des tests des territoires servis", verifiedAt: "2026-11-01" };
/** A listening line of Nanterre, then moved to five other communes of her territory (Paris Ouest La Défense). */
const service = {
  id: "codes-ecoute",
  name: "Écoute Codes",
  kind: "LISTENING_LINE",
  audience: "VICTIMS",
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  needs: ["LISTENING"],
  area: ["92050"],
  source: source.id,
};
const actor = { id: "codes-asso", name: "Association Codes", kind: "ASSOCIATION", departement: "92", covers: ["92"], source: source.id };
const elsewhere = ["92026", "92033", "92062", "92063", "92073"];
const datasetServing = (area: string[]) => ({ sources: [source], actors: [{ ...actor, services: [{ ...service, area }] }] });

/** The services of other communes the route query of a function that holds nothing looks at for Nanterre. */
async function outOfReachOfNanterre(): Promise<unknown[][]> {
  const request = coldRouteRequest("92050", ["LISTENING"]);
  const records = await cypher<{ candidate: unknown; outOfReach: unknown[][] }>(referralRouteCypher, { request });
  return records.find((record) => record.candidate === null)!.outOfReach;
}

async function saveServing(area: string[]) {
  const coordinator = await tokenFor("COORDINATOR", { departement: "92" });
  expect((await graphql(saveDatasetMutation, { input: datasetServing(area) }, coordinator)).body.errors).toBeUndefined();
}

const nanterreRoute = `{ referralRoute(input: { commune: "92050", situations: [INTIMATE_PARTNER_VIOLENCE], needs: [LISTENING], maxOptionsPerNeed: 10 }) {
  steps { service { id } } excluded { reasons service { id } } } }`;

describe("a service's servedAreaCodes", () => {
  it("are, for every service of the seeded graph, the codes of exactly the areas it serves", async () => {
    const [{ services }] = (await cypher<{ services: number }>("MATCH (s:Service) RETURN count(s) AS services")) as [{ services: number }];

    expect(services).toBeGreaterThan(50);
    expect(await servicesWithOtherCodes()).toEqual([]);
  });

  it("follow a coordinator's saveDataset that moves a service: Nanterre's route, which proposed it, then leaves it out as serving other communes, three named and the others counted", async () => {
    const route = async () =>
      (await graphql<{ referralRoute: { steps: { service: { id: string } }[]; excluded: { reasons: string[]; service: { id: string } }[] } }>(nanterreRoute)).body.data!
        .referralRoute;

    await saveServing(["92050"]);
    const serving = await route();
    await saveServing(elsewhere);
    const moved = await route();
    const [stored] = await cypher<{ codes: string[] }>("MATCH (s:Service {id: $id}) RETURN apoc.coll.sort(s.servedAreaCodes) AS codes", service);

    expect(serving.steps.map((s) => s.service.id)).toContain(service.id);
    expect(stored?.codes).toEqual(elsewhere);
    expect(moved.steps.map((s) => s.service.id)).not.toContain(service.id);
    expect(moved.excluded.find((e) => e.service.id === service.id)?.reasons).toEqual([expect.stringMatching(/^hors secteur : réservé à [^,]+, [^,]+, [^,]+ et 2 autres territoires$/)]);
    expect(await servicesWithOtherCodes()).toEqual([]);
  });

  it("are given by the graph's preparation to services written before they were stored, which routes meanwhile read as before", async () => {
    await saveServing(elsewhere);
    const withCodes = await outOfReachOfNanterre();
    await cypher("MATCH (s:Service) REMOVE s.servedAreaCodes");
    const withoutCodes = await outOfReachOfNanterre();

    await ensureGraphSchema(testDriver());

    expect(withCodes).toContainEqual([["LISTENING"], service.id, actor.id, expect.any(Array), elsewhere.length, expect.any(Number)]);
    expect(withoutCodes).toEqual(withCodes);
    expect(await servicesWithOtherCodes()).toEqual([]);
    expect(await setMissingServedAreaCodes(testDriver())).toBe(0);
  });
});
