/**
 * The observatory's coverage and standards (schema/observatory.graphql) through the real Lambda
 * handler, checked against independent Cypher over the same graph and against the INSEE populations
 * read straight from @etalab/decoupage-administratif; and who may read them.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { leakedSecrets, saveDatasetMutation, writeConfidentialFixture } from "./support/confidential-fixture";
import { coverageServicesCypher } from "../generated/cypher";
import type { Coverage, CoverageCell } from "../generated/graphql";
import { coverageOf, readCoverageGraph, REACH_SOURCE } from "../functions/observatory/coverage";
import { cypher, testDriver } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const require = createRequire(import.meta.url);
const etalabPopulation = new Map(
  (require("@etalab/decoupage-administratif/data/communes.json") as { code: string; type: string; population?: number }[])
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => [c.code, c.population]),
);

interface Cell {
  communeCode: string;
  need: string;
  reach: string;
  serviceIds: string[];
  servicesInReach: number;
  placesTotal: { value: number | null; source: string };
  population: { value: number | null; source: string };
  gap: boolean;
  explanation: string | null;
}
interface CoverageAnswer {
  coverage: { cells: Cell[]; gaps: Cell[]; gapsTotal: number; services: { id: string; placesTotal: number | null; source: string }[]; populationYear: number; populationSource: string };
}

const cellFields = `communeCode need reach serviceIds servicesInReach gap explanation placesTotal { value source } population { value source }`;
const coverageQuery = `query ($departement: String!, $gapsOffset: Int, $gapsLimit: Int) { coverage(departement: $departement, gapsOffset: $gapsOffset, gapsLimit: $gapsLimit) {
  populationYear populationSource cells { ${cellFields} } gaps { ${cellFields} } gapsTotal
  services { id name kind actorName weeklyHours answersAtNight answersAtWeekend placesTotal placesFree source verifiedAt } } }`;

const coordinator92 = () => tokenFor("COORDINATOR", { departement: "92" });
// Every gap of the 92 in one page (fewer than 500), unless a test pages through them.
const coverageOf92 = async (token?: string, page: { gapsOffset?: number; gapsLimit?: number } = { gapsLimit: 500 }) =>
  graphql<CoverageAnswer>(coverageQuery, { departement: "92", ...page }, token ?? (await coordinator92()));

const communes = ["92002", "92012", "92025", "92050", "92063", "92078"];
const needs = ["EMERGENCY_SHELTER", "LEGAL_ADVICE", "PSYCHOLOGICAL", "COMPLAINT"];
const rank = ["IN_COMMUNE", "IN_ZONE", "DEPARTEMENT", "NATIONAL_ONLY"];

/** Independently of functions/observatory/: services answering the need whose area the commune is part of, at any depth. */
const independentCoverage = () =>
  cypher<{ communeCode: string; need: string; reaches: { id: string; level: number }[]; places: (number | null)[] }>(
    `UNWIND $communes AS communeCode
     UNWIND $needs AS need
     MATCH (commune:Territory {code: communeCode})
     OPTIONAL MATCH (commune)-[:PART_OF*0..3]->(area:Territory)<-[:SERVES]-(service:Service)-[:ANSWERS]->(:Need {code: need})
     WHERE service.audience IN ['VICTIMS', 'GENERAL_PUBLIC'] AND service.kind <> 'FAMILY_MEDIATION'
     WITH communeCode, need, service,
          min(CASE area.level WHEN 'COMMUNE' THEN 0 WHEN 'ZONE' THEN 1 WHEN 'DEPARTEMENT' THEN 2 WHEN 'NATIONAL' THEN 3 END) AS level
     WITH communeCode, need, collect(CASE WHEN service IS NOT NULL THEN {id: service.id, level: level} END) AS reaches,
          collect(CASE WHEN service IS NOT NULL THEN head([(service)-[:HAS_CAPACITY]->(c:Capacity) | c.placesTotal]) END) AS places
     RETURN communeCode, need, reaches, places`,
    { communes, needs },
  );

beforeAll(writeConfidentialFixture);

describe("coverage(departement)", () => {
  it(`gives, for ${communes.length} communes × ${needs.length} needs, the reach, services, places and population an independent count gives`, async () => {
    const response = await coverageOf92();
    expect(response.body.errors).toBeUndefined();
    const cells = response.body.data!.coverage.cells;
    const expected = await independentCoverage();
    expect(expected).toHaveLength(communes.length * needs.length);

    for (const row of expected) {
      const cell = cells.find((c) => c.communeCode === row.communeCode && c.need === row.need)!;
      const best = Math.min(...row.reaches.map((r) => r.level));
      const expectedReach = row.reaches.length === 0 ? "NONE" : rank[best]!;
      const places = row.places.filter((p): p is number => p !== null);
      expect({ commune: row.communeCode, need: row.need, reach: cell.reach }).toEqual({ commune: row.communeCode, need: row.need, reach: expectedReach });
      expect(cell.servicesInReach).toBe(row.reaches.length);
      expect([...cell.serviceIds].sort()).toEqual(row.reaches.filter((r) => r.level === best).map((r) => r.id).sort().slice(0, 20));
      expect(cell.placesTotal.value).toBe(places.length === 0 ? null : places.reduce((a, b) => a + b, 0));
      expect(cell.population.value).toBe(etalabPopulation.get(row.communeCode));
      expect(cell.gap).toBe(!["IN_COMMUNE", "IN_ZONE"].includes(expectedReach));
    }
    // The check is not vacuous: several reaches occur among the cells compared.
    const compared = cells.filter((c) => communes.includes(c.communeCode) && needs.includes(c.need));
    expect(new Set(compared.map((c) => c.reach)).size).toBeGreaterThan(1);
  });

  it("lists every commune × need of the 92 once, and the gaps by the population left without a local answer", async () => {
    const { cells, gaps, services } = (await coverageOf92()).body.data!.coverage;
    expect(new Set(services.map((s) => s.id))).toEqual(new Set(cells.flatMap((c) => c.serviceIds)));
    const [census] = await cypher<{ communeCount: number; needCount: number }>(
      `MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {code: '92'}) WITH count(c) AS communeCount
       MATCH (n:Need) RETURN communeCount, count(n) AS needCount`,
    );
    expect(cells).toHaveLength(census!.communeCount * census!.needCount);
    expect(new Set(cells.map((c) => `${c.communeCode} ${c.need}`)).size).toBe(cells.length);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((g) => g.gap && g.explanation !== null && !["IN_COMMUNE", "IN_ZONE"].includes(g.reach))).toBe(true);
    const populations = gaps.map((g) => g.population.value ?? 0);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(gaps[0]!.population.source).toContain("INSEE");
  });

  it("gives the gaps in bounded pages that, put end to end, are the whole ordered list", async () => {
    const all = (await coverageOf92()).body.data!.coverage;
    expect(all.gapsTotal).toBe(all.cells.filter((c) => c.gap).length);
    expect(all.gaps).toHaveLength(all.gapsTotal);
    const first = (await coverageOf92(undefined, {})).body.data!.coverage;
    expect(first.gaps).toHaveLength(Math.min(50, all.gapsTotal));
    expect(first.gapsTotal).toBe(all.gapsTotal);
    const pages: Cell[] = [];
    for (let offset = 0; offset < all.gapsTotal; offset += 150) {
      pages.push(...(await coverageOf92(undefined, { gapsOffset: offset, gapsLimit: 150 })).body.data!.coverage.gaps);
    }
    expect(pages.map((g) => `${g.communeCode} ${g.need}`)).toEqual(all.gaps.map((g) => `${g.communeCode} ${g.need}`));
    // A page never grows past 500, whatever is asked.
    const asked = await graphql<CoverageAnswer>(`{ coverage(departement: "77", gapsLimit: 100000) { gaps { communeCode } gapsTotal } }`, undefined, await tokenFor("COORDINATOR", { departement: "77" }));
    expect(asked.body.errors).toBeUndefined();
    expect(asked.body.data!.coverage.gapsTotal).toBeGreaterThan(500);
    expect(asked.body.data!.coverage.gaps).toHaveLength(500);
  });

  it("gives the cells in pages of communes that, put end to end, are every cell, each page with the services its cells name", async () => {
    const all = (await coverageOf92()).body.data!.coverage;
    const pageQuery = `query ($offset: Int, $limit: Int) { coverage(departement: "92", communesOffset: $offset, communesLimit: $limit) {
      cells { ${cellFields} } services { id } communes { code } gapsTotal } }`;
    type Page = { cells: Cell[]; services: { id: string }[]; communes: { code: string }[]; gapsTotal: number };
    const token = await coordinator92();
    const cells: Cell[] = [];
    for (let offset = 0; offset < 36; offset += 10) {
      const page = (await graphql<{ coverage: Page }>(pageQuery, { offset, limit: 10 }, token)).body.data!.coverage;
      const pageCommunes = page.communes.slice(offset, offset + 10).map((c) => c.code);
      expect(page.communes).toHaveLength(36);
      expect(page.gapsTotal).toBe(all.gapsTotal);
      expect([...new Set(page.cells.map((c) => c.communeCode))]).toEqual(pageCommunes);
      expect(page.services.map((s) => s.id)).toEqual([...new Set(page.cells.flatMap((c) => c.serviceIds))].sort((a, b) => a.localeCompare(b)));
      cells.push(...page.cells);
    }
    expect(cells).toEqual(all.cells);
    // A page never grows past 1000 communes, whatever is asked: the 92's 36, as by default.
    const asked = (await graphql<{ coverage: Page }>(pageQuery, { offset: -5, limit: 100000 }, token)).body.data!.coverage;
    expect(asked.cells).toEqual(all.cells);
    const empty = (await graphql<{ coverage: Page }>(pageQuery, { offset: 36, limit: 10 }, token)).body.data!.coverage;
    expect([empty.cells, empty.services]).toEqual([[], []]);
  });

  it("gives a chosen commune's cells and services, read without the rest of the département, as the whole département's answer does, for each commune of the 92", async () => {
    const all = (await coverageOf92()).body.data!.coverage;
    const serviceFields = "id name kind actorName weeklyHours answersAtNight answersAtWeekend placesTotal placesFree source verifiedAt";
    // The chosen cell's document of the web app (cell-detail.tsx) asks these parts alone: the read of the commune's services.
    const communeQuery = `query ($offset: Int) { coverage(departement: "92", communesOffset: $offset, communesLimit: 1, gapsLimit: 0) {
      departement populationYear populationSource reachSource cells { ${cellFields} } services { ${serviceFields} } } }`;
    const token = await coordinator92();
    const whole = await readCoverageGraph(testDriver(), "92", 10_000);
    const codes = [...new Set(all.cells.map((c) => c.communeCode))];
    expect(codes).toHaveLength(36);
    for (const [offset, code] of codes.entries()) {
      const response = await graphql<{ coverage: CoverageAnswer["coverage"] & { departement: string; reachSource: string } }>(communeQuery, { offset }, token);
      expect(response.body.errors).toBeUndefined();
      const page = response.body.data!.coverage;
      const cells = all.cells.filter((c) => c.communeCode === code);
      const named = new Set(cells.flatMap((c) => c.serviceIds));
      expect(page.cells).toEqual(cells);
      expect(page.services).toEqual(all.services.filter((s) => named.has(s.id)));
      expect([page.departement, page.populationYear, page.populationSource, page.reachSource]).toEqual(["92", all.populationYear, all.populationSource, REACH_SOURCE]);
      // What the page reads: its commune and the services of the commune, its zone, the 92 and France, fewer than the département's.
      const read = await readCoverageGraph(testDriver(), "92", 10_000, { offset, limit: 1 });
      expect(read.communes.map((c) => c.code)).toEqual([code]);
      expect(read.services.length).toBeLessThan(whole.services.length);
    }
  });

  it("reads a page's communes from a map, so that Neo4j plans the coverage read once for the département and for pages of every size", () => {
    const parameters = new Set([...coverageServicesCypher.matchAll(/\$(\w+)/g)].map((match) => match[1]));
    expect([...parameters].sort()).toEqual(["departement", "page"]);
  });

  it("gives the whole département's answer, gaps and communes asked, from the whole département's read", async () => {
    const query = `{ coverage(departement: "92", communesOffset: 3, communesLimit: 2, gapsOffset: 5, gapsLimit: 20) {
      departement situation cells { ${cellFields} } gaps { ${cellFields} } gapsTotal communes { code zoneCode needsWithoutLocalAnswer }
      services { id name weeklyHours placesTotal } } }`;
    const response = await graphql<{ coverage: Coverage }>(query, undefined, await coordinator92());
    expect(response.body.errors).toBeUndefined();
    const expected = coverageOf(await readCoverageGraph(testDriver(), "92", 10_000), "92", null, { offset: 5, limit: 20 }, { offset: 3, limit: 2 });
    const pick = <T extends object>(rows: T[], keys: (keyof T)[]) => rows.map((row) => Object.fromEntries(keys.map((k) => [k, row[k]])));
    const cellKeys: (keyof CoverageCell)[] = ["communeCode", "need", "reach", "serviceIds", "servicesInReach", "gap", "explanation", "placesTotal", "population"];
    const answer = response.body.data!.coverage;
    expect(new Set(answer.cells.map((c) => c.communeCode)).size).toBe(2);
    expect(pick(answer.cells, cellKeys)).toEqual(pick(expected.cells, cellKeys));
    expect(pick(answer.gaps, cellKeys)).toEqual(pick(expected.gaps, cellKeys));
    expect(answer.gapsTotal).toBe(expected.gapsTotal);
    expect(answer.communes).toHaveLength(36);
    expect(pick(answer.communes, ["code", "zoneCode", "needsWithoutLocalAnswer"])).toEqual(pick(expected.communes, ["code", "zoneCode", "needsWithoutLocalAnswer"]));
    expect(pick(answer.services, ["id", "name", "weeklyHours", "placesTotal"])).toEqual(pick(expected.services, ["id", "name", "weeklyHours", "placesTotal"]));
  });

  it("gives each commune its établissement public territorial and its count of needs without a local answer", async () => {
    const response = await graphql<{ coverage: { communes: { code: string; zoneCode: string | null; zoneName: string | null; needsWithoutLocalAnswer: number; population: { value: number } }[]; cells: Cell[] } }>(
      `{ coverage(departement: "92") { communes { code zoneCode zoneName needsWithoutLocalAnswer population { value } } cells { communeCode gap } } }`,
      undefined,
      await coordinator92(),
    );
    expect(response.body.errors).toBeUndefined();
    const { communes: shown, cells } = response.body.data!.coverage;
    const zones = await cypher<{ code: string; zoneCode: string; zoneName: string }>(
      `MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {code: '92'}) MATCH (c)-[:PART_OF]->(z:Territory {level: 'ZONE'}) WHERE z.name STARTS WITH 'Territoire'
       RETURN c.code AS code, z.code AS zoneCode, z.name AS zoneName ORDER BY code`,
    );
    expect(zones).toHaveLength(36);
    expect(new Set(zones.map((z) => z.zoneCode)).size).toBe(4);
    expect(shown.map((c) => ({ code: c.code, zoneCode: c.zoneCode, zoneName: c.zoneName }))).toEqual(zones);
    for (const commune of shown) {
      expect(commune.needsWithoutLocalAnswer).toBe(cells.filter((c) => c.communeCode === commune.code && c.gap).length);
      expect(commune.population.value).toBe(etalabPopulation.get(commune.code));
    }
  });

  it("shows a commune's gap with its population, and a service added through saveDataset removes it", async () => {
    const { gaps } = (await coverageOf92()).body.data!.coverage;
    const gap = gaps.find((g) => g.need !== "PERPETRATOR_FOLLOW_UP")!;
    expect(gap.population.value).toBe(etalabPopulation.get(gap.communeCode));

    const saved = await graphql(saveDatasetMutation, {
      input: {
        sources: [{ id: "observatoire-test-source", ref: "https://example.org/observatoire", title: "Source fictive du test de couverture", verifiedAt: "2026-11-01" }],
        actors: [
          {
            id: "observatoire-test-acteur",
            name: "Acteur fictif du test de couverture",
            kind: "ASSOCIATION",
            departement: "92",
            services: [
              {
                id: "observatoire-test-service",
                name: "Permanence fictive du test de couverture",
                kind: "WELCOME_CENTRE",
                audience: "VICTIMS",
                situations: ["INTIMATE_PARTNER_VIOLENCE"],
                needs: [gap.need],
                area: [gap.communeCode],
                source: "observatoire-test-source",
              },
            ],
            source: "observatoire-test-source",
          },
        ],
      },
    }, await coordinator92());
    expect(saved.body.errors).toBeUndefined();

    const after = (await coverageOf92()).body.data!.coverage;
    const cell = after.cells.find((c) => c.communeCode === gap.communeCode && c.need === gap.need)!;
    expect(cell).toMatchObject({ reach: "IN_COMMUNE", gap: false, explanation: null });
    expect(cell.serviceIds).toEqual(["observatoire-test-service"]);
    expect(after.services.find((s) => s.id === "observatoire-test-service")).toMatchObject({ placesTotal: null, source: "https://example.org/observatoire" });
    expect(after.gaps.some((g) => g.communeCode === gap.communeCode && g.need === gap.need)).toBe(false);
  });

  it("never gives a confidential shelter's address, even to its coordinator", async () => {
    const response = await coverageOf92();
    expect(response.rawBody).toContain("matrice-hebergement");
    expect(leakedSecrets(response.rawBody)).toEqual([]);
  });
});

interface Measure {
  key: string;
  needed: number;
  present: number | null;
  gap: number | null;
  presentAtLeast: number | null;
  uncounted: string[];
  population: number;
  populationYear: number;
  standardSource: string;
}
const standardsQuery = `query ($departement: String!) { standards(departement: $departement) {
  population populationYear measures { key needed present gap presentAtLeast uncounted population populationYear standardSource } } }`;

describe("standards(departement)", () => {
  it("applies the Council of Europe standards to the INSEE population, with what the graph counts", async () => {
    const response = await graphql<{ standards: { population: number; populationYear: number; measures: Measure[] } }>(standardsQuery, { departement: "92" }, await coordinator92());
    expect(response.body.errors).toBeUndefined();
    const { population, measures } = response.body.data!.standards;
    const etalab92 = [...etalabPopulation.entries()].filter(([code]) => code.startsWith("92")).reduce((sum, [, p]) => sum + (p ?? 0), 0);
    expect(population).toBe(etalab92);
    const byKey = new Map(measures.map((m) => [m.key, m]));

    const [shelters] = await cypher<{ counted: number[]; uncounted: string[] }>(
      `MATCH (s:Service {kind: 'HOUSING_PLACES'})-[:ANSWERS]->(n:Need) WHERE n.code IN ['EMERGENCY_SHELTER', 'HOUSING'] AND s.audience IN ['VICTIMS', 'GENERAL_PUBLIC']
         AND EXISTS { (s)-[:SERVES]->(a:Territory) WHERE a.code = '92' OR (a)-[:PART_OF]->(:Territory {code: '92'}) }
       WITH DISTINCT s OPTIONAL MATCH (s)-[:HAS_CAPACITY]->(c:Capacity)
       RETURN [x IN collect(c.placesTotal) WHERE x IS NOT NULL] AS counted, [x IN collect(CASE WHEN c.placesTotal IS NULL THEN s.id END) WHERE x IS NOT NULL] AS uncounted`,
    );
    const places = byKey.get("FAMILY_SHELTER_PLACES")!;
    expect(places.needed).toBe(Math.ceil(etalab92 / 10_000));
    expect(places.uncounted).toEqual([...shelters!.uncounted].sort());
    expect(shelters!.uncounted.length).toBeGreaterThan(0);
    // Places some shelters do not count: unknown, never 0, with what is counted at least.
    expect(places).toMatchObject({ present: null, gap: null, presentAtLeast: shelters!.counted.reduce((a, b) => a + b, 0) });

    const [welcomeCentres] = await cypher<{ welcome: number }>(
      `MATCH (s:Service {kind: 'WELCOME_CENTRE'}) WHERE s.audience IN ['VICTIMS', 'GENERAL_PUBLIC']
         AND EXISTS { (s)-[:SERVES]->(a:Territory) WHERE a.code = '92' OR (a)-[:PART_OF]->(:Territory {code: '92'}) }
       RETURN count(s) AS welcome`,
    );
    const counselling = byKey.get("WOMENS_COUNSELLING_CENTRES")!;
    expect(counselling).toMatchObject({ needed: Math.ceil(Math.round(etalab92 / 2) / 50_000), present: welcomeCentres!.welcome, population: Math.round(etalab92 / 2) });
    expect(counselling.gap).toBe(Math.max(0, counselling.needed - welcomeCentres!.welcome));
    expect(byKey.get("NATIONAL_HELPLINE")).toMatchObject({ needed: 1, present: expect.any(Number) });
    expect(byKey.get("NATIONAL_HELPLINE")!.present).toBeGreaterThanOrEqual(1);
    expect(measures.every((m) => m.populationYear === 2023 && m.standardSource.length > 0)).toBe(true);
  });
});

describe("who reads the observatory", () => {
  const fields = ["coverage(departement: \"92\") { departement }", "standards(departement: \"92\") { departement }", "network(departement: \"92\") { departement }",
    "freshness(departement: \"92\") { departement }", "demand(departement: \"92\") { departement }"];

  it.each(fields)("%s: PUBLIC, PARTNER_APP, FRONTLINE, SHELTER_OPERATOR and a coordinator of 77 are FORBIDDEN; the 92's coordinator and an ADMIN read it", async (field) => {
    const refused = [undefined, await tokenFor("PARTNER_APP"), await tokenFor("FRONTLINE"), await tokenFor("SHELTER_OPERATOR"), await tokenFor("COORDINATOR", { departement: "77" })];
    for (const token of refused) {
      const response = await graphql(`{ ${field} }`, undefined, token);
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(response.body.data ?? null).toBeNull();
    }
    for (const token of [await coordinator92(), await tokenFor("ADMIN")]) {
      const response = await graphql<Record<string, { departement: string }>>(`{ ${field} }`, undefined, token);
      expect(response.body.errors).toBeUndefined();
      expect(Object.values(response.body.data!)[0]!.departement).toBe("92");
    }
  });
});
