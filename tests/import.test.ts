import { afterAll, afterEach, describe, expect, it } from "vitest";
import { generatedCsv } from "../local/generate-csv";
import { cypher, testDriver } from "./support/graph";
import { territorySource } from "../functions/domain/territories";
import { exportedGraph, importFile, storedReport } from "./support/s3";

const header =
  "actor_id,actor_name,actor_kind,actor_covers,actor_phone,service_id,service_name,service_kind,audience,needs,area,opening_hours,hours_description,location_id,location_name,commune,source,verified_at";
const rows = [
  'asso-test-import,Association de test import,ASSOCIATION,92,01 47 00 00 01,asso-test-import-ecoute,Écoute,LISTENING_LINE,VICTIMS,LISTENING|LEGAL_ADVICE,92,"Mo-Fr 09:00-12:00,14:00-17:00",,,,,https://example.org/annuaire,2026-10-01',
  "asso-test-import,,,,,asso-test-import-permanence,Permanence juridique,LEGAL_PERMANENCE,VICTIMS,LEGAL_ADVICE,92050,Th 14:00-17:00,le jeudi après-midi,loc-test-import-nanterre,Maison de test,92050,,",
];
const validCsv = [header, ...rows].join("\n");

/**
 * The records these tests import: ids of their own ("…-test-…"), with the schedules, capacities and
 * contact points they own, and the sources the files cite. Removed after each test, so that no test
 * depends on another's imports or order.
 */
async function forgetImportedRecords(): Promise<void> {
  await cypher(`
    MATCH (n) WHERE n:Actor|Service|Location AND (n.id STARTS WITH 'asso-test-' OR n.id STARTS WITH 'loc-test-')
    OPTIONAL MATCH (n)-[:HAS_SCHEDULE|HAS_CAPACITY|HAS_CONTACT]->(owned)
    DETACH DELETE n, owned`);
  await cypher(`
    MATCH (s:Source) WHERE s.id = 'annuaire-test-json' OR s.ref STARTS WITH 'https://example.org/' OR s.ref STARTS WITH 's3://parcours-imports/incoming/'
    DETACH DELETE s`);
}

describe("importing a CSV file from S3", () => {
  afterEach(forgetImportedRecords);

  it("creates the actors, services, hours and places, with their source, and writes a report", async () => {
    const report = await importFile("incoming/partenaires.csv", validCsv);

    expect(report).toMatchObject({ status: "imported", format: "csv", records: 2, problems: [] });
    expect(report.changes).toMatchObject({
      actors: { created: 1, updated: 0, unchanged: 0 },
      services: { created: 2, updated: 0, unchanged: 0 },
      locations: { created: 1, updated: 0, unchanged: 0 },
    });
    expect(await storedReport("incoming/partenaires.csv")).toEqual(report);
    const [service] = await cypher<Record<string, unknown>>(
      `MATCH (:Actor {id: 'asso-test-import'})-[:OFFERS]->(s:Service {id: 'asso-test-import-ecoute'})-[:HAS_SCHEDULE]->(h)
       RETURN s.source AS source, toString(s.verifiedAt) AS verifiedAt, h.openingHours AS hours`,
    );
    expect(service).toEqual({ source: "https://example.org/annuaire", verifiedAt: "2026-10-01", hours: "Mo-Fr 09:00-12:00,14:00-17:00" });
    // A row without source columns is sourced by the file itself, on the day it was uploaded.
    const [permanence] = await cypher<Record<string, unknown>>(
      `MATCH (s:Service {id: 'asso-test-import-permanence'})-[:AT]->(l:Location)-[:IN_COMMUNE]->(c)
       RETURN s.source AS source, toString(s.verifiedAt) = toString(date({timezone: 'Europe/Paris'})) AS today, c.code AS commune`,
    );
    expect(permanence).toEqual({ source: "s3://parcours-imports/incoming/partenaires.csv", today: true, commune: "92050" });
  });

  // Two imports and two exports of the whole graph (every format): more than the default timeout on a busy machine.
  it("changes nothing when the same file is imported again, and says so", { timeout: 90_000 }, async () => {
    await importFile("incoming/partenaires.csv", validCsv);
    const before = await exportedGraph();

    const report = await importFile("incoming/partenaires.csv", validCsv);

    expect(report.status).toBe("imported");
    expect(report.changes).toMatchObject({
      actors: { created: 0, updated: 0, unchanged: 1 },
      services: { created: 0, updated: 0, unchanged: 2 },
      locations: { created: 0, updated: 0, unchanged: 1 },
    });
    expect(await exportedGraph()).toBe(before);
  });

  it("counts as updated only the records whose facts changed", async () => {
    await importFile("incoming/partenaires.csv", validCsv);
    const changed = validCsv.replace("Th 14:00-17:00", "Th 14:00-18:00");

    const report = await importFile("incoming/partenaires.csv", changed);

    expect(report.changes?.services).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(report.changes?.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it("writes a service imported again whose need or place changed, and audits it, while its unchanged neighbour is left alone", async () => {
    await importFile("incoming/partenaires.csv", validCsv);
    const changed = validCsv.replace("VICTIMS,LEGAL_ADVICE,92050", "VICTIMS,LEGAL_ADVICE|LISTENING,92050").replace("loc-test-import-nanterre,Maison de test", "loc-test-import-clamart,Maison de Clamart").replace(",92050,,", ",92023,,");

    const report = await importFile("incoming/partenaires.csv", changed);

    expect(report.changes?.services).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const held = await cypher(
      `MATCH (s:Service {id: 'asso-test-import-permanence'})
       RETURN COLLECT { MATCH (s)-[:ANSWERS]->(n) RETURN n.code ORDER BY n.code } AS needs, COLLECT { MATCH (s)-[:AT]->(l) RETURN l.id } AS places`,
    );
    expect(held).toEqual([{ needs: ["LEGAL_ADVICE", "LISTENING"], places: ["loc-test-import-clamart"] }]);
    const [audit] = await cypher<{ changes: string }>(
      "MATCH (r:AuditRecord {operation: 'import'}) WHERE r.subject ENDS WITH 'incoming/partenaires.csv' RETURN r.changes AS changes ORDER BY r.at DESC LIMIT 1",
    );
    const relations = (JSON.parse(audit!.changes) as { node: string; property: string }[]).filter((c) => c.property === "relations").map((c) => c.node);
    expect(relations).toEqual(["asso-test-import-permanence"]);
  });

  it("reads a file whose cells a French spreadsheet separated with semicolons", async () => {
    const semicolons = [
      "actor_id;actor_name;actor_kind;service_id;service_name;service_kind;audience;needs;area;opening_hours",
      "asso-test-point-virgule;Association point-virgule;ASSOCIATION;asso-test-point-virgule-ecoute;Écoute;LISTENING_LINE;VICTIMS;LISTENING;92;Mo-Fr 09:00-12:00,14:00-17:00",
    ].join("\n");

    const report = await importFile("incoming/point-virgule.csv", semicolons);

    expect(report).toMatchObject({ status: "imported", records: 1 });
    const [hours] = await cypher("MATCH (:Service {id: 'asso-test-point-virgule-ecoute'})-[:HAS_SCHEDULE]->(h) RETURN h.openingHours AS hours");
    expect(hours).toEqual({ hours: "Mo-Fr 09:00-12:00,14:00-17:00" });
  });

  it("reads a service held at several places from one row per place", async () => {
    const places = [
      "actor_id,actor_name,actor_kind,service_id,service_name,service_kind,audience,needs,area,location_id,location_name,commune",
      "asso-test-lieux,Association aux deux lieux,ASSOCIATION,asso-test-lieux-accueil,Accueil,WELCOME_CENTRE,VICTIMS,LISTENING,92,loc-test-lieux-nanterre,Accueil de Nanterre,92050",
      "asso-test-lieux,,,asso-test-lieux-accueil,,,,,,loc-test-lieux-clamart,Accueil de Clamart,92023",
    ].join("\n");

    const report = await importFile("incoming/lieux.csv", places);

    expect(report.changes?.services).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const held = await cypher("MATCH (:Service {id: 'asso-test-lieux-accueil'})-[:AT]->(l) RETURN l.id AS place ORDER BY place");
    expect(held).toEqual([{ place: "loc-test-lieux-clamart" }, { place: "loc-test-lieux-nanterre" }]);
  });

  it("rejects a file with invalid rows, writes nothing, and reports every problem by line, column and reason", async () => {
    const broken = [
      header,
      "asso-cassee,Association cassée,CLUB,92,01 47,asso-cassee-ecoute,Écoute,LISTENING_LINE,VICTIMS,LISTENING,99999,lundi matin,,,,,,2026-13-45",
      ",Sans identifiant,ASSOCIATION,92,,,,,,,,,,,,,,",
      "asso-cassee,Autre nom,,,,asso-cassee-2,Service,LEGAL_PERMANENCE,VICTIMS,,92,,,,,,,",
    ].join("\n");
    const before = await exportedGraph();

    const report = await importFile("incoming/casse.csv", broken);

    expect(report.status).toBe("rejected");
    expect(report.changes).toBeNull();
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { line: 3, record: null, field: "actor_id", reason: "must not be empty" },
        { line: 4, record: "actors: asso-cassee", field: "actor_name", reason: "differs from line 2: write it once, or the same on every row" },
      ]),
    );
    // Values the dataset schema rejects, each named by its CSV column.
    const schemaProblems = report.problems.filter((p) => p.line === 2).map((p) => p.field);
    expect(schemaProblems).toEqual(expect.arrayContaining(["actor_kind", "actor_phone", "opening_hours", "verified_at"]));
    expect(await storedReport("incoming/casse.csv")).toEqual(report);
    expect(await exportedGraph()).toBe(before);
  });

  it("reports an unknown column and a row of the wrong length without writing anything", async () => {
    const before = await exportedGraph();

    const report = await importFile("incoming/colonnes.csv", `${header},horaires\n${rows[0]},x\nasso,un,deux`);

    expect(report.status).toBe("rejected");
    expect(report.problems[0]).toMatchObject({ line: 1, field: "horaires", reason: expect.stringContaining("unknown column") });
    expect(report.problems.some((p) => p.reason.startsWith("not valid CSV"))).toBe(true);
    expect(await exportedGraph()).toBe(before);
  });
});

describe("importing a Parcours JSON file from S3", () => {
  const dataset = {
    sources: [{ id: "annuaire-test-json", ref: "https://example.org/annuaire-json", title: "Annuaire de test", verifiedAt: "2026-09-01" }],
    actors: [{ id: "asso-test-json", name: "Association JSON", kind: "ASSOCIATION", covers: ["92"], source: "annuaire-test-json" }],
  };
  afterEach(forgetImportedRecords);

  it("imports the records with the sources they cite", async () => {
    const report = await importFile("incoming/annuaire.json", JSON.stringify(dataset, null, 2));

    expect(report).toMatchObject({ status: "imported", format: "parcours", problems: [] });
    expect(report.changes?.actors).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await cypher("MATCH (a:Actor {id: 'asso-test-json'}) RETURN a.source AS source")).toEqual([{ source: "https://example.org/annuaire-json" }]);
  });

  it("rejects a file that is not JSON with the line of the mistake", async () => {
    const before = await exportedGraph();

    const report = await importFile("incoming/tronque.json", JSON.stringify(dataset, null, 2).slice(0, -20));

    expect(report.status).toBe("rejected");
    expect(report.problems[0]).toMatchObject({ reason: expect.stringMatching(/^not valid/) });
    expect(await exportedGraph()).toBe(before);
  });

  it("rejects a record that cites an unknown actor, naming its line and field", async () => {
    const text = JSON.stringify({ ...dataset, links: [{ from: "asso-test-json", type: "MEMBER_OF", to: "reseau-inconnu", source: "annuaire-test-json" }] }, null, 2);
    const before = await exportedGraph();

    const report = await importFile("incoming/lien.json", text);

    expect(report.problems).toEqual([{ line: 25, record: "links: asso-test-json MEMBER_OF reseau-inconnu", field: "to", reason: 'unknown actor "reseau-inconnu"' }]);
    expect(await exportedGraph()).toBe(before);
  });

  it("accepts references to the graph's own records that the file does not declare, and refuses an id the graph gives to another kind", async () => {
    const [seeded] = await cypher<{ source: string; actor: string; location: string }>(
      `MATCH (s:Source) WITH s ORDER BY s.id LIMIT 1
       MATCH (a:Actor) WITH s, a ORDER BY a.id LIMIT 1
       MATCH (l:Location {confidential: false}) RETURN s.id AS source, a.id AS actor, l.id AS location ORDER BY l.id LIMIT 1`,
    );
    const service = { id: "asso-test-json-accueil", name: "Accueil", kind: "WELCOME_CENTRE", audience: "VICTIMS", needs: ["LISTENING"], area: ["92"], at: [seeded!.location], source: seeded!.source };
    const referring = {
      actors: [{ id: "asso-test-json", name: "Association JSON", kind: "ASSOCIATION", covers: ["92"], source: seeded!.source, services: [service] }],
      links: [{ from: "asso-test-json", type: "MEMBER_OF", to: seeded!.actor, source: seeded!.source }],
    };

    const accepted = await importFile("incoming/references.json", JSON.stringify(referring));
    const clashing = await importFile("incoming/meme-id.json", JSON.stringify({ ...referring, actors: [{ ...referring.actors[0], services: [{ ...service, id: seeded!.actor }] }], links: [] }));

    expect(accepted).toMatchObject({ status: "imported", problems: [] });
    expect(clashing.problems).toEqual([expect.objectContaining({ record: `services: ${seeded!.actor}`, field: "id", reason: "already the id of one of the actors: an id names one record, whatever its kind" })]);
  });
});

describe("importing a France-sized Parcours JSON file from S3", () => {
  it("accepts the territories of the référentiel the graph holds, as a synthetic France's, and only those", async () => {
    await cypher("CREATE (:Territory {code: '01001', name: 'Commune de test', level: 'COMMUNE', searchName: 'commune de test', source: $territorySource})", { territorySource });
    const coveringIn = (commune: string) => ({
      sources: [{ id: "annuaire-test-ain", ref: "https://example.org/annuaire-ain", title: "Annuaire de test", verifiedAt: "2026-09-01" }],
      actors: [{ id: "asso-test-ain", name: "Association de l'Ain", kind: "ASSOCIATION", covers: [commune], source: "annuaire-test-ain" }],
    });
    try {
      const held = await importFile("incoming/ain.json", JSON.stringify(coveringIn("01001")));
      const unknown = await importFile("incoming/ain-inconnue.json", JSON.stringify(coveringIn("01002")));

      expect(held).toMatchObject({ status: "imported", problems: [] });
      expect(unknown.problems).toEqual([expect.objectContaining({ field: "covers[0]", reason: 'unknown territory "01002"' })]);
    } finally {
      await cypher("MATCH (n) WHERE n.id IN ['asso-test-ain', 'annuaire-test-ain'] OR n.code = '01001' DETACH DELETE n");
    }
  });

  it("lists each of 200 000 problems of a file too large for their lines, and writes nothing", { tags: ["slow"] }, async () => {
    const actors = Array.from({ length: 200_000 }, (_, i) => ({ id: `Asso_${i}`, name: `Association ${i}`, kind: "ASSOCIATION", covers: ["92"], source: "annuaire-test" }));
    const text = JSON.stringify({ actors }, null, 1);
    expect(text.length).toBeGreaterThan(16 * 1024 * 1024);

    const report = await importFile("incoming/tres-grand.json", text);

    expect(report.status).toBe("rejected");
    expect(report.problems).toHaveLength(200_000);
    expect(report.problems[199_999]).toEqual({ line: null, record: "actors: Asso_199999", field: "id", reason: "must be kebab-case: lowercase letters, digits and dashes" });
    expect(await cypher("MATCH (a:Actor) WHERE a.id STARTS WITH 'Asso_' RETURN count(a) AS actors")).toEqual([{ actors: 0 }]);
  });
});

describe("importing a large CSV file from S3", () => {
  // Removed in small transactions, so that the next file's reset does not delete them in one.
  afterAll(async () => {
    const session = testDriver().session();
    await session.run("MATCH (n) WHERE n.id STARTS WITH 'large-' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    await session.close();
  });

  it("imports 50 000 rows in one go, and counts them", { tags: ["slow"] }, async () => {
    const report = await importFile("incoming/grand-fichier.csv", generatedCsv(50_000, "large"));

    expect(report).toMatchObject({ status: "imported", records: 50_000, problems: [] });
    expect(report.changes?.services).toEqual({ created: 50_000, updated: 0, unchanged: 0 });
    expect(report.changes?.actors).toEqual({ created: 5_000, updated: 0, unchanged: 0 });
    const [counted] = await cypher<{ services: number }>("MATCH (s:Service) WHERE s.id STARTS WITH 'large-' RETURN count(s) AS services");
    expect(counted).toEqual({ services: 50_000 });
  });
});
