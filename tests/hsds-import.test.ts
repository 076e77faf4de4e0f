import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cypher } from "./support/graph";
import { hsdsOrganization, secondHsdsOrganization } from "./support/hsds-fixtures";
import { exportedGraph, importFile } from "./support/s3";


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
  });

  it("rejects the specification's own example, which is not French and has invalid values, and writes nothing", async () => {
    const example = await readFile(join(import.meta.dirname, "fixtures/hsds-3.0/examples/organization_full.json"), "utf8");
    const before = await exportedGraph();

    const report = await importFile("incoming/organization_full.json", example);

    expect(report.status).toBe("rejected");
    const problems = report.problems.map(({ field, reason }) => `${field}: ${reason}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^attributes \(parcours: actor-kind \/ service-kind\): /),
        expect.stringMatching(/^phones\[\]\.number, email or website\/url: must be a French number/),
        expect.stringMatching(/^latitude: /),
        expect.stringMatching(/^addresses\[0\]\.postal_code \/ attributes \(parcours: commune\): /),
      ]),
    );
    expect(report.problems.every((p) => p.line !== null && p.record !== null)).toBe(true);
    expect(await exportedGraph()).toBe(before);
  });
});
