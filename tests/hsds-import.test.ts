import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cypher } from "./support/graph";
import { hsdsOrganization, secondHsdsOrganization } from "./support/hsds-fixtures";
import { download, exportedGraph, importFile, runExport } from "./support/s3";
import { hsdsPageValidator } from "./support/hsds-schema";
import { localBuckets } from "../local/s3-server";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";


describe("importing HSDS 3 JSON from S3", () => {
  it("maps an organization with its services, places, phones and hours onto the model, keeping the HSDS ids", async () => {
    const report = await importFile("incoming/annuaire-hsds.json", JSON.stringify(hsdsOrganization));

    expect(report).toMatchObject({ status: "imported", format: "hsds", problems: [] });
    expect(report.skipped).toEqual([{ record: "services: 5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c10", reason: "status is defunct" }]);
    const [actor] = await cypher<Record<string, unknown>>(
      `MATCH (a:Actor {hsdsId: $id})-[:OFFERS]->(s:Service)-[:HAS_SCHEDULE]->(h)
       MATCH (s)-[:AT]->(l:Location)-[:IN_COMMUNE]->(c)
       RETURN a.id AS id, a.kind AS kind, a.aliases AS aliases, s.hsdsId AS service, s.minAge AS minAge, s.gender AS gender,
              toString(s.verifiedAt) AS verifiedAt, h.openingHours AS hours, h.description AS hoursText,
              l.address AS address, l.postalCode AS postalCode, c.code AS commune,
              [(a)-[:HAS_CONTACT]->(p) | p.channel + ' ' + p.value] AS contacts,
              [(s)-[:HAS_CONTACT]->(p) | p.channel + ' ' + p.value] AS serviceContacts`,
      { id: hsdsOrganization.id },
    );
    expect(actor).toEqual({
      id: "hsds-5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c01",
      kind: "ASSOCIATION",
      aliases: ["AHT"],
      service: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c05",
      minAge: 18,
      gender: "WOMEN",
      verifiedAt: "2026-10-15",
      hours: "Mo-Fr 09:00-12:00,14:00-17:00",
      hoursText: "En semaine.",
      address: "1 rue de l'Exemple",
      postalCode: "92000",
      commune: "92050",
      contacts: expect.arrayContaining(["PHONE 01 47 00 00 02", "EMAIL contact@example.org", "WEB https://example.org/aht"]),
      serviceContacts: expect.arrayContaining(["PHONE 01 47 00 00 03", "WEB https://example.org/aht/permanence"]),
    });
  });

  it("reads a paginated list, and changes nothing when the same organizations come again", async () => {
    const page = { total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false, contents: [hsdsOrganization, secondHsdsOrganization] };

    const first = await importFile("incoming/annuaire-page.json", JSON.stringify(page));
    const before = await exportedGraph();
    const again = await importFile("incoming/annuaire-page.json", JSON.stringify(page));

    expect(first.status).toBe("imported");
    expect(first.changes?.actors).toMatchObject({ created: 1 });
    expect(again.changes?.actors).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.changes?.services).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await exportedGraph()).toBe(before);
  }, 120_000);

  it("rejects the specification's own example as published, for its out-of-range latitude and foreign address only, and writes nothing", async () => {
    const before = await exportedGraph();

    const report = await importFile("incoming/organization_full.json", await specificationExample("organization_full"));

    expect(report.status).toBe("rejected");
    expect(report.problems.map(({ field, reason }) => `${field}: ${reason}`).sort()).toEqual([
      "addresses[0].postal_code / attributes (parcours: commune): must be a 5-character INSEE commune code such as 92050",
      "addresses[0].postal_code: must be a 5-digit postal code",
      expect.stringMatching(/^latitude: /),
    ]);
    expect(report.problems.every((p) => p.line !== null && p.record !== null)).toBe(true);
    expect(await exportedGraph()).toBe(before);
  }, 120_000);

  it("imports the specification's examples with French-valid values through the mapping: what nothing maps is \"à qualifier\", nothing refused", async () => {
    const full = JSON.parse(await specificationExample("organization_full")) as Json;
    const [location] = full.locations as Json[];
    Object.assign(location!, { latitude: 48.8924, longitude: 2.2069 });
    Object.assign((location!.addresses as Json[])[0]!, { postal_code: "92000", city: "Nanterre", state_province: "Hauts-de-Seine", country: "FR" });

    const fullReport = await importFile("incoming/organization_full_fr.json", JSON.stringify(full));
    const listReport = await importFile("incoming/organization_list.json", await specificationExample("organization_list"));

    expect(fullReport).toMatchObject({ status: "imported", format: "hsds", problems: [] });
    expect(fullReport.toQualify).toEqual([
      { record: "organizations: d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", name: "Example Organization Inc.", missing: ["type d'acteur"] },
      { record: "services: ac148810-d857-441c-9679-408f346de14b", name: "Community Counselling", missing: ["type d'acteur du porteur", "type de service", "public", "besoins", "territoire"] },
    ]);
    expect(fullReport.changes?.locations).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(listReport).toMatchObject({ status: "imported", problems: [], toQualify: [expect.objectContaining({ missing: ["type d'acteur"] })] });
    const toQualify = await cypher("MATCH (q:ToQualify) RETURN q.recordKind AS kind, q.name AS name, q.terms AS terms, toString(q.verifiedAt) AS verifiedAt ORDER BY q.recordKind");
    expect(toQualify).toEqual([
      { kind: "actor", name: "Example Organization Inc.", terms: [], verifiedAt: expect.any(String) },
      { kind: "service", name: "Community Counselling", terms: ["taxonomy : code (name)"], verifiedAt: "2005-01-01" },
    ]);
    // Kept out of routes: no Service node, so no route reaches it.
    expect(await cypher("MATCH (s:Service {hsdsId: 'ac148810-d857-441c-9679-408f346de14b'}) RETURN s.id")).toEqual([]);

    // Listed for coordinators, with what is missing; no one else reads the list.
    const listing = "{ recordsToQualify(limit: 10) { recordKind feedId name missing terms source verifiedAt } }";
    const listed = await graphql<{ recordsToQualify: Json[] }>(listing, undefined, await tokenFor("COORDINATOR"));
    expect(listed.body.data?.recordsToQualify).toContainEqual({
      recordKind: "service",
      feedId: "ac148810-d857-441c-9679-408f346de14b",
      name: "Community Counselling",
      missing: ["type d'acteur du porteur", "type de service", "public", "besoins", "territoire"],
      terms: ["taxonomy : code (name)"],
      source: "s3://parcours-imports/incoming/organization_full_fr.json",
      verifiedAt: "2005-01-01",
    });
    for (const token of [undefined, await tokenFor("FRONTLINE"), await tokenFor("PARTNER_APP")]) {
      expect((await graphql(listing, undefined, token)).body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    }
  }, 120_000);

  it("reads a foreign service's terms and areas through the reviewed mapping, and the feed's own date as its verifiedAt", async () => {
    const foreign = {
      id: "0b7e1f7c-5b4a-4d1e-8c61-3e2f1a9b7c01",
      name: "Association étrangère de test",
      description: "",
      attributes: [{ id: "0b7e1f7c-5b4a-4d1e-8c61-3e2f1a9b7c02", taxonomy_term: { id: "0b7e1f7c-5b4a-4d1e-8c61-3e2f1a9b7c03", code: "actor-kind:ASSOCIATION", name: "Association", taxonomy: "parcours" } }],
      services: [
        {
          id: "0b7e1f7c-5b4a-4d1e-8c61-3e2f1a9b7c04",
          name: "Accompagnement des femmes victimes",
          status: "active",
          assured_date: "2026-09-30",
          attributes: [
            term("parcours", "service-kind:WELCOME_CENTRE", 5),
            term("parcours", "audience:VICTIMS", 6),
            term("data-inclusion", "famille--surmonter-conflits-separation-violence", 7),
          ],
          service_areas: [{ id: "0b7e1f7c-5b4a-4d1e-8c61-3e2f1a9b7c08", name: "Hauts-de-Seine" }],
        },
      ],
    };

    const report = await importFile("incoming/annuaire-etranger.json", JSON.stringify(foreign));

    expect(report).toMatchObject({ status: "imported", problems: [], toQualify: [] });
    const [service] = await cypher(
      `MATCH (s:Service {hsdsId: $id}) RETURN s.kind AS kind, toString(s.verifiedAt) AS verifiedAt,
         [(s)-[:ANSWERS]->(n) | n.code] AS needs, [(s)-[:HANDLES]->(x) | x.code] AS situations, [(s)-[:SERVES]->(t) | t.code] AS area`,
      { id: foreign.services[0]!.id },
    );
    expect(service).toEqual({
      kind: "WELCOME_CENTRE",
      verifiedAt: "2026-09-30",
      needs: expect.arrayContaining(["LISTENING", "SOCIAL_SUPPORT"]),
      situations: expect.arrayContaining(["INTIMATE_PARTNER_VIOLENCE", "INTRAFAMILY_VIOLENCE"]),
      area: ["92"],
    });
  });

  it("reads an organization's SIRET and RNA number from its organization identifiers, other schemes aside", async () => {
    const identifier = (n: number, identifier_scheme: string, identifier: string) => ({
      id: `5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2d0${n}`,
      organization_id: hsdsOrganization.id,
      identifier_scheme,
      identifier,
    });
    const withIdentifiers = {
      ...hsdsOrganization,
      organization_identifiers: [identifier(1, "GB-COH", "01234567"), identifier(2, "FR-SIRET", "732 829 320 00074"), identifier(3, "FR-RNA", "W922000123")],
    };

    const report = await importFile("incoming/annuaire-hsds-siret.json", JSON.stringify(withIdentifiers));

    expect(report).toMatchObject({ status: "imported", format: "hsds", problems: [] });
    expect(await cypher("MATCH (a:Actor {hsdsId: $id}) RETURN a.siret AS siret, a.rna AS rna", { id: hsdsOrganization.id })).toEqual([
      { siret: "73282932000074", rna: "W922000123" },
    ]);
 
    const validate = await hsdsPageValidator();
    const page = JSON.parse(await download((await runExport()).keys.hsds, localBuckets.exports)) as { contents: Json[] };
    expect(validate(page)).toBe(true);
    const exported = page.contents.find((o) => o.id === hsdsOrganization.id)!;
    expect(exported.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_type: "SIRET", identifier: "73282932000074" }),
      expect.objectContaining({ identifier_type: "RNA", identifier: "W922000123" }),
    ]);
    const again = await importFile("incoming/annuaire-hsds-siret-retour.json", JSON.stringify(exported));
    expect(again.changes?.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
  }, 120_000);

  it("qualifies an organization « à qualifier » when a later feed brings it with its kind: its record goes, and the import's audit record says so", async () => {
    const organization = { id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2e01", name: "Association HSDS à qualifier", description: "", services: [] };
    expect(await importFile("incoming/annuaire-hsds-sans-type.json", JSON.stringify(organization))).toMatchObject({ status: "imported", toQualify: [expect.anything()] });
    const [pending] = await cypher<{ id: string }>("MATCH (q:ToQualify {hsdsId: $id}) RETURN q.id AS id", organization);

    const whole = { ...organization, attributes: hsdsOrganization.attributes };
    const report = await importFile("incoming/annuaire-hsds-qualifie.json", JSON.stringify(whole));

    expect(report).toMatchObject({ status: "imported", problems: [], toQualify: [] });
    expect(await cypher("MATCH (q:ToQualify {hsdsId: $id}) RETURN q.id", organization)).toEqual([]);
    expect(await cypher("MATCH (a:Actor {id: $id}) RETURN a.kind AS kind", pending!)).toEqual([{ kind: "ASSOCIATION" }]);
    const [audit] = await cypher<{ changes: string }>("MATCH (a:AuditRecord {operation: 'import', subject: 'import s3://parcours-imports/incoming/annuaire-hsds-qualifie.json'}) RETURN a.changes AS changes");
    expect(JSON.parse(audit!.changes)).toContainEqual({ node: pending!.id, label: "ToQualify", property: "qualified", before: false, after: true });
  }, 120_000);
});

type Json = Record<string, unknown>;

function specificationExample(name: string): Promise<string> {
  return readFile(join(import.meta.dirname, `fixtures/hsds-3.0/examples/${name}.json`), "utf8");
}

function term(taxonomy: string, code: string, n: number) {
  const id = `0b7e1f7c-5b4a-4d1e-8c61-3e2f1a9b7d${String(n).padStart(2, "0")}`;
  return { id, taxonomy_term: { id: `${id.slice(0, -2)}e${String(n).padStart(1, "0")}`, code, name: code, taxonomy } };
}
