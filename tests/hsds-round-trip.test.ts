import { describe, expect, it } from "vitest";
import { cypher } from "./support/graph";
import { download, exportedGraph, importFile } from "./support/s3";
import { localBuckets } from "../local/s3-server";
import { datasetFileSchema, type DatasetFile } from "../functions/domain/dataset-schema";
import { loadDataset } from "../functions/graph/load-dataset";
import { testDriver } from "./support/graph";
import { confidentialDataset, fixture, secret } from "./support/confidential-fixture";
import { hsdsUuid } from "../functions/formats/hsds/terms";

type Json = Record<string, unknown>;

/**
 * Nodes, relationships and properties by label and type: two graphs with the same figures and the same
 * full export are the same graph. Not the graph's version, which every import changes; the areas'
 * versions are counted: an import that changes nothing names no area (unchanged-records.ts).
 */
async function graphFigures() {
  return cypher(
    `CALL () { MATCH (n) WHERE NOT n:GraphVersion UNWIND labels(n) AS label RETURN label AS kind, count(*) AS items, sum(size(keys(n))) AS properties
       UNION ALL MATCH ()-[r]->() RETURN type(r) AS kind, count(*) AS items, sum(size(keys(r))) AS properties }
     RETURN kind, items, properties ORDER BY kind`,
  );
}

async function publishedHsds(): Promise<{ contents: Json[] }> {
  await exportedGraph();
  return JSON.parse(await download("latest/hsds-organizations.json", localBuckets.exports)) as { contents: Json[] };
}

describe("the public HSDS export imported back", () => {
  it("changes nothing: the same nodes, relationships and properties, the same full export, no audit record", async () => {
    const hsds = await publishedHsds();
    const [figures, before, audits] = [await graphFigures(), await exportedGraph(), await cypher("MATCH (r:AuditRecord) RETURN count(r) AS n")];

    const report = await importFile("incoming/retour-annuaire.json", JSON.stringify(hsds));

    expect(report).toMatchObject({ status: "imported", format: "hsds", problems: [] });
    expect(report.changes?.actors).toEqual({ created: 0, updated: 0, unchanged: hsds.contents.length });
    expect(report.changes?.services.created).toBe(0);
    expect(report.changes?.services.updated).toBe(0);
    expect(report.changes?.locations).toMatchObject({ created: 0, updated: 0 });
    expect(report.changes?.sources.created).toBe(0);
    expect(await graphFigures()).toEqual(figures);
    expect(await exportedGraph()).toBe(before);
    expect(await cypher("MATCH (r:AuditRecord) RETURN count(r) AS n")).toEqual(audits);
  }, 180_000);

  it("updates exactly the phone a partner corrected, with the file as its source, and audits it", async () => {
    const hsds = await publishedHsds();
    const before = JSON.parse(await exportedGraph()) as DatasetFile;
    const organization = hsds.contents.find((o) => ((o.services as Json[]) ?? []).some((s) => (s.phones as Json[]).length > 0))!;
    const service = (organization.services as Json[]).find((s) => (s.phones as Json[]).length > 0)!;
    const phone = (service.phones as Json[])[0]!;
    const [oldNumber, newNumber] = [phone.number as string, "01 47 00 99 98"];
    phone.number = newNumber;
    const file = "incoming/correction-telephone.json";

    const report = await importFile(file, JSON.stringify(hsds));

    expect(report).toMatchObject({ status: "imported", problems: [] });
    expect(report.changes?.services.updated).toBe(1);
    expect(report.changes?.actors.updated).toBe(0);
    const after = JSON.parse(await exportedGraph()) as DatasetFile;
    const newSource = after.sources.find((s) => s.ref === `s3://${localBuckets.imports}/${file}`)!;
    expect(newSource).toBeDefined();
    expect(after.sources.filter((s) => s.id !== newSource.id)).toEqual(before.sources);
    // The expected graph: the one before, with only that number and its provenance changed.
    const expected = structuredClone(before);
    const edited = expected.actors.flatMap((a) => a.services).find((s) => s.contacts.some((c) => c.channel === "PHONE" && c.value === oldNumber && !c.referralOnly && s.name === service.name))!;
    const contact = edited.contacts.find((c) => c.value === oldNumber)!;
    Object.assign(contact, { value: newNumber, source: newSource.id });
    edited.contacts.sort((a, b) => (`${a.channel} ${a.value}` < `${b.channel} ${b.value}` ? -1 : 1));
    expect({ ...after, sources: before.sources }).toEqual(expected);
    expect(newSource.verifiedAt).toBe(service.assured_date);

    const [audit] = await cypher<{ subject: string; changes: string }>(
      "MATCH (r:AuditRecord {operation: 'import'}) RETURN r.subject AS subject, r.changes AS changes ORDER BY r.at DESC LIMIT 1",
    );
    expect(audit!.subject).toBe(`import s3://${localBuckets.imports}/${file}`);
    const changes = JSON.parse(audit!.changes) as { label: string; property: string; before: unknown; after: unknown }[];
    const values = changes.filter((c) => c.property === "value");
    expect(values.map((c) => [c.before, c.after])).toEqual(expect.arrayContaining([[oldNumber, null], [null, newNumber]]));
    expect(new Set(changes.map((c) => c.label))).toEqual(new Set(["ContactPoint", "sources"]));
  }, 180_000);

  it("updates the records of one organization sent back alone under the UUIDs the export minted, instead of copying them", async () => {
    const hsds = await publishedHsds();
    const organization = hsds.contents.find((o) => (o.locations as Json[]).length > 0 && (o.services as Json[]).some((s) => (s.phones as Json[]).length > 0))!;
    const service = (organization.services as Json[]).find((s) => (s.phones as Json[]).length > 0)!;
    const services = await cypher<{ id: string }>("MATCH (s:Service) WHERE s.hsdsId IS NULL RETURN s.id AS id");
    const minted = services.find(({ id }) => hsdsUuid("service", id) === service.id);
    expect(minted, "the seed's services have no HSDS id: the export mints theirs").toBeDefined();
    (service.phones as Json[])[0]!.number = "01 47 00 99 97";
    const counts = () => cypher("MATCH (n) WHERE n:Actor OR n:Service OR n:Location RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label");
    const before = await counts();

    const report = await importFile("incoming/une-structure.json", JSON.stringify({ ...hsds, contents: [organization] }));

    expect(report).toMatchObject({ status: "imported", problems: [], toQualify: [] });
    expect(report.changes?.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.changes?.services).toMatchObject({ created: 0, updated: 1 });
    expect(report.changes?.locations).toMatchObject({ created: 0, updated: 0 });
    expect(await counts()).toEqual(before);
    expect(await cypher("MATCH (s:Service {id: $id})-[:HAS_CONTACT]->(c {value: '01 47 00 99 97'}) RETURN count(c) AS n", minted!)).toEqual([{ n: 1 }]);
  }, 180_000);

  it("keeps what the public file cannot carry: a confidential address, a referral-only number, a capacity", async () => {
    await loadDataset(testDriver(), [datasetFileSchema.parse(confidentialDataset)]);
    const held = () =>
      cypher(
        `MATCH (l:Location {id: $location}), (a:Actor {id: $actor}), (s:Service {id: $service})
         RETURN l {.address, .postalCode, .latitude, .longitude, .confidential} AS place,
                [(a)-[:HAS_CONTACT]->(c) | c.value + ' ' + toString(c.referralOnly)] AS contacts,
                [(s)-[:HAS_CAPACITY]->(c) | c.placesTotal] AS capacity`,
        { location: fixture.locationId, actor: fixture.actorId, service: fixture.serviceId },
      );
    const before = await held();
    const hsds = await publishedHsds();
    expect(JSON.stringify(hsds)).not.toContain(secret.street);

    const report = await importFile("incoming/retour-avec-hebergement.json", JSON.stringify(hsds));

    expect(report).toMatchObject({ status: "imported", problems: [] });
    expect(await held()).toEqual(before);
    expect(JSON.stringify(before)).toContain(secret.street);
    expect(JSON.stringify(before)).toContain(`${fixture.referralPhone} true`);
  }, 180_000);
});
