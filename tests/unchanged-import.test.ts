/**
 * An import (and a coordinator's saveDataset) names, for the reads routes keep (graph-version.ts), only
 * the records it changes (unchanged-records.ts): a file imported again unchanged gives no area a new
 * version, and a file with one record changed gives one to that record's areas, whose next route shows
 * the change.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { saveDatasetMutation } from "./support/confidential-fixture";
import { cypher } from "./support/graph";
import { graphql } from "./support/http-api";
import { importFile } from "./support/s3";
import { tokenFor } from "./support/tokens";

const seedDir = join(import.meta.dirname, "..", "seed");
const seedFilesOf92 = ["92-zones.yaml", "92-departement.yaml", "92-justice-police-health.yaml", "92-associations.yaml"];

/** A shelter serving a zone of one commune, Nanterre: each test changes one of its records. */
const place = { id: "loc-reimport-accueil", name: "Maison Réimport", address: "3 rue Réimport", postalCode: "92000", commune: "92050", source: "reimport-source" };
const zone = { code: "92-reimport", name: "Secteur Réimport", partOf: "92", communes: ["92050"], source: "reimport-source" };
const service = {
  id: "reimport-hebergement",
  name: "Hébergement Réimport",
  kind: "HOUSING_PLACES",
  audience: "VICTIMS",
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  needs: ["EMERGENCY_SHELTER"],
  eligibility: { gender: "WOMEN", children: "ACCEPTED" },
  actsTonight: true,
  area: [zone.code],
  at: [place.id],
  schedule: { openingHours: "24/7", source: "reimport-source" },
  // No free places stated: those an operator sets are the graph's.
  capacity: { placesTotal: 8, description: "Huit places fictives.", source: "reimport-source" },
  source: "reimport-source",
};
/** A shelter of the whole département, in Colombes: near Nanterre once a zone holds both. */
const colombesPlace = { ...place, id: "loc-reimport-colombes", name: "Maison Réimport de Colombes", commune: "92025" };
const colombesService = { ...service, id: "reimport-hebergement-colombes", name: "Hébergement Réimport de Colombes", area: ["92"], at: [colombesPlace.id] };
const actor = { id: "reimport-asso", name: "Association Réimport", kind: "ASSOCIATION", departement: "92", covers: ["92"], basedAt: place.id, source: "reimport-source" };
const dataset = {
  sources: [{ id: "reimport-source", ref: "https://example.org/reimport", title: "Source fictive des tests de réimport", verifiedAt: "2026-11-01" }],
  zones: [zone],
  locations: [place, colombesPlace],
  actors: [{ ...actor, services: [service, colombesService] }],
};
type Dataset = typeof dataset;

const routeQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) {
  emergency { number label } steps { openNow placesFree proximity reasons service { id capacity { placesTotal } } } } }`;
const shelterRoute = {
  commune: "92050",
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  needs: ["EMERGENCY_SHELTER"],
  urgency: "IMMEDIATE_DANGER",
  maxOptionsPerNeed: 10,
  at: "2026-11-24T23:00:00+01:00",
};

interface Route {
  emergency: { number: string; label: string }[];
  steps: { openNow: boolean | null; placesFree: number | null; proximity: string; reasons: string[]; service: { id: string; capacity: { placesTotal: number | null } | null } }[];
}

async function route(commune = shelterRoute.commune): Promise<Route> {
  const response = await graphql<{ referralRoute: Route }>(routeQuery, { input: { ...shelterRoute, commune } }, await tokenFor("FRONTLINE"));
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.referralRoute;
}

async function shelterStep(commune?: string, id = service.id) {
  return (await route(commune)).steps.find((step) => step.service.id === id);
}

/** Each area's version, and the one every area's reads are also kept under (the graph's structure). */
async function versions(): Promise<Map<string, string>> {
  const rows = await cypher<{ area: string; version: string }>(
    `MATCH (stamp:AreaVersion) RETURN stamp.area AS area, stamp.version AS version
     UNION ALL MATCH (graph:GraphVersion {key: 'graph'}) RETURN 'structure' AS area, graph.structure AS version`,
  );
  return new Map(rows.map((row) => [row.area, row.version]));
}

/** The areas given a new version by `write`, or created by it. */
async function areasGivenNewVersions(write: () => Promise<unknown>): Promise<string[]> {
  const before = await versions();
  await write();
  return [...(await versions())].filter(([area, version]) => before.get(area) !== version).map(([area]) => area).sort();
}

async function imported(key: string, body: string) {
  const report = await importFile(key, body);
  expect(report).toMatchObject({ status: "imported", problems: [] });
  return report;
}

const importFixture = (changed: Dataset = dataset) => imported("incoming/reimport.json", JSON.stringify(changed));

beforeAll(async () => {
  await importFixture();
  // Every area of the 92 under a version of its own, as after writes in it: none may change below.
  await cypher(
    `MATCH (area:Territory) WHERE area.code STARTS WITH '92' OR area.level = 'NATIONAL'
     MERGE (stamp:AreaVersion {area: area.level + ':' + area.code}) SET stamp.version = randomUUID()`,
  );
}, 180_000);

describe("an import that changes nothing", () => {
  it("gives no area of the 92 a new version when the 92's seed files are imported again as they are", async () => {
    const renewed = await areasGivenNewVersions(async () => {
      for (const file of [...seedFilesOf92, "national-lines.yaml"]) {
        const report = await imported(`incoming/${file}`, await readFile(join(seedDir, file), "utf8"));
        for (const kind of ["actors", "services", "locations", "zones"] as const) expect(report.changes?.[kind]).toMatchObject({ created: 0, updated: 0 });
      }
    });

    expect(renewed).toEqual([]);
  }, 180_000);

  it("leaves the free places an operator set, which the file does not state, and names nothing", async () => {
    const operator = await tokenFor("SHELTER_OPERATOR", { actor: actor.id });
    const update = await graphql(`mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }`, { input: { serviceId: service.id, placesFree: 5 } }, operator);
    expect(update.body.errors).toBeUndefined();
    expect((await shelterStep())?.placesFree).toBe(5);

    expect(await areasGivenNewVersions(() => importFixture())).toEqual([]);
    expect((await shelterStep())?.placesFree).toBe(5);
  });

  it("a coordinator's saveDataset of the records as the graph holds them gives no area a new version either", async () => {
    // A DatasetInput has no zones, but its services may serve one an import wrote.
    const input = { sources: dataset.sources, locations: dataset.locations, actors: [{ ...actor, services: [service, colombesService] }] };
    const coordinator = await tokenFor("COORDINATOR", { departement: "92" });

    const renewed = await areasGivenNewVersions(async () => expect((await graphql(saveDatasetMutation, { input }, coordinator)).body.errors).toBeUndefined());

    expect(renewed).toEqual([]);
  });
});

describe("a coordinator's saveDataset that changes one record", () => {
  it("a service serving a zone an import wrote, renamed: the zone's area", async () => {
    const coordinator = await tokenFor("COORDINATOR", { departement: "92" });
    const save = async (name: string) => {
      const input = { sources: dataset.sources, locations: dataset.locations, actors: [{ ...actor, services: [{ ...service, name }, colombesService] }] };
      const response = await graphql(saveDatasetMutation, { input }, coordinator);
      expect(response.body.errors).toBeUndefined();
    };
    try {
      expect(await areasGivenNewVersions(() => save("Hébergement Réimport renommé"))).toContain(`ZONE:${zone.code}`);
      expect((await cypher<{ name: string }>("MATCH (s:Service {id: $id}) RETURN s.name AS name", { id: service.id }))[0]?.name).toBe("Hébergement Réimport renommé");
    } finally {
      await save(service.name);
    }
  });
});

describe("an import that changes one record", () => {
  const zoneAreas = [`ZONE:${zone.code}`];

  it("a place renamed: its services' areas, and the next route names the place anew", async () => {
    expect(JSON.stringify(await shelterStep())).toContain(place.name);
    const renamed = { ...dataset, locations: [{ ...place, name: "Maison Réimport renommée" }, colombesPlace] };

    expect(await areasGivenNewVersions(() => importFixture(renamed))).toEqual(zoneAreas);
    expect(JSON.stringify(await shelterStep())).toContain("Maison Réimport renommée");
    await importFixture();
  });

  it("a schedule changed: its service's areas, and the next route says closed", async () => {
    expect((await shelterStep())?.openNow).toBe(true);
    const mornings = { ...dataset, actors: [{ ...actor, services: [{ ...service, schedule: { ...service.schedule, openingHours: "Mo-Fr 09:00-12:00" } }, colombesService] }] };

    expect(await areasGivenNewVersions(() => importFixture(mornings))).toEqual(zoneAreas);
    expect((await shelterStep())?.openNow).toBe(false);
    await importFixture();
  });

  it("a capacity's total changed: its service's areas, and the next route shows it, the operator's free places kept", async () => {
    expect((await shelterStep())?.service.capacity?.placesTotal).toBe(8);
    const larger = { ...dataset, actors: [{ ...actor, services: [{ ...service, capacity: { ...service.capacity, placesTotal: 10 } }, colombesService] }] };

    expect(await areasGivenNewVersions(() => importFixture(larger))).toEqual(zoneAreas);
    const step = await shelterStep();
    expect(step?.service.capacity?.placesTotal).toBe(10);
    expect(step?.placesFree).toBe(5);
    await importFixture();
  });

  it("free places stated by the file: its service's areas, and the next route shows them", async () => {
    const stated = { ...dataset, actors: [{ ...actor, services: [{ ...service, capacity: { ...service.capacity, placesFree: 1, updatedAt: "2026-11-23" } }, colombesService] }] };

    expect(await areasGivenNewVersions(() => importFixture(stated))).toEqual(zoneAreas);
    expect((await shelterStep())?.placesFree).toBe(1);
    // The same free places stated again change nothing.
    expect(await areasGivenNewVersions(() => importFixture(stated))).toEqual([]);
  });

  it("a commune added to a zone: who is near whom in it, and the next routes find the zone's services from it and its places near her", async () => {
    const colombes = colombesPlace.commune;
    expect(await shelterStep(colombes)).toBeUndefined();
    expect((await shelterStep(place.commune, colombesService.id))?.proximity).toBe("DEPARTEMENT");
    const wider = { ...dataset, zones: [{ ...zone, communes: [...zone.communes, colombes] }] };

    expect(await areasGivenNewVersions(() => importFixture(wider))).toEqual(["AROUND:92", `NEAR:${zone.code}`]);
    expect(await shelterStep(colombes)).toBeDefined();
    expect((await shelterStep(place.commune, colombesService.id))?.proximity).toBe("NEARBY");
    await importFixture();
    expect(await shelterStep(colombes)).toBeUndefined();
    expect((await shelterStep(place.commune, colombesService.id))?.proximity).toBe("DEPARTEMENT");
  });

  it("a national line's provider renamed: France, and the next route's emergency block names it anew", async () => {
    const lines = await readFile(join(seedDir, "national-lines.yaml"), "utf8");
    const renamed = lines.replace('name: "3919 — Violences Femmes Info"', 'name: "3919 — Violences Femmes Info, renommé"');
    expect(renamed).not.toBe(lines);
    expect((await route()).emergency.find((line) => line.number === "3919")?.label).toBe("3919 — Violences Femmes Info");

    expect(await areasGivenNewVersions(() => imported("incoming/national-lines.yaml", renamed))).toEqual(["NATIONAL:FR"]);
    expect((await route()).emergency.find((line) => line.number === "3919")?.label).toBe("3919 — Violences Femmes Info, renommé");
  });
});

describe("a file naming a zone an earlier import wrote", () => {
  it("is imported without stating the zone again, and its service is in reach of the zone's communes", async () => {
    const other = {
      sources: dataset.sources,
      actors: [
        {
          ...actor,
          id: "reimport-asso-autre",
          name: "Association Réimport bis",
          basedAt: undefined,
          services: [{ ...service, id: "reimport-hebergement-autre", name: "Hébergement Réimport bis", at: [] }],
        },
      ],
    };

    await imported("incoming/reimport-zone-reference.json", JSON.stringify(other));

    expect(await shelterStep(place.commune, "reimport-hebergement-autre")).toBeDefined();
  });
});
