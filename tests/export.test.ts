import { describe, expect, it } from "vitest";
import { localBuckets } from "../local/s3-server";
import { territorySource } from "../functions/domain/territories";
import { cypher, testDriver } from "./support/graph";
import { hsdsOrganization } from "./support/hsds-fixtures";
import { hsdsPageValidator } from "./support/hsds-schema";
import { copyObject, createS3Client, uploadObject } from "../functions/storage/s3";
import { download, importFile, listKeys, runExport, scheduledEvent } from "./support/s3";
import { lambdaContext } from "../local/http-api-event";
import { withEnvironment } from "./support/environment";
import { fixture, writeConfidentialFixture } from "./support/confidential-fixture";
import { exportFiles, exportSnapshot, s3ExportTarget, type ExportManifest, type ExportTarget } from "../functions/exports/export-snapshot";

const exported = (key: string) => download(key, localBuckets.exports);

const latestNames = [...Object.values(exportFiles).map((file) => file.name), "manifest.json"];
const latestFiles = async () => Object.fromEntries(await Promise.all(latestNames.map(async (name) => [name, await exported(`latest/${name}`)])));
const exportsTarget = () => s3ExportTarget(createS3Client(), localBuckets.exports);

/** Everything but the référentiel (territories from INSEE, the taxonomy), which a restore finds in place. */
const wipeData = `
MATCH (n) WHERE NOT (n:Need OR n:Situation OR (n:Territory AND n.source = $territorySource))
DETACH DELETE n`;

const confidentialPlace = {
  sources: [{ id: "annuaire-test-export", ref: "https://example.org/annuaire-export", title: "Annuaire de test", verifiedAt: "2026-11-01" }],
  locations: [
    { id: "loc-test-hebergement", name: "Hébergement de test", address: "12 rue Secrète-de-Test", postalCode: "92000", commune: "92050", latitude: 48.8901, longitude: 2.2011, confidential: true, source: "annuaire-test-export" },
  ],
  actors: [
    {
      id: "asso-test-export",
      name: "Association de test export",
      kind: "SHELTER_OPERATOR",
      covers: ["92"],
      source: "annuaire-test-export",
      services: [
        { id: "asso-test-export-hebergement", name: "Hébergement", kind: "HOUSING_PLACES", audience: "VICTIMS", needs: ["EMERGENCY_SHELTER"], area: ["92"], at: ["loc-test-hebergement"], source: "annuaire-test-export" },
      ],
    },
  ],
};

describe("exporting snapshots to S3", () => {
  it("writes the full graph, HSDS and CSV under snapshots/ and latest/ when the schedule fires", async () => {
    const result = await runExport();

    expect(Object.values(result.keys).every((key) => key.startsWith("snapshots/"))).toBe(true);
    expect(await listKeys(localBuckets.exports, "latest/")).toEqual([
      "latest/data-inclusion.json",
      "latest/hsds-organizations.json",
      "latest/manifest.json",
      "latest/parcours.json",
      "latest/services.csv",
    ]);
    expect(await exported(result.keys.parcours)).toBe(await exported("latest/parcours.json"));
    expect(result.counts.actors).toBeGreaterThan(50);
  });

  it("writes a file of several parts, as an export of France is, and copies it whole", async () => {
    const line = `${"x".repeat(1023)}\n`;
    const pieces = Array.from({ length: 20 * 1024 }, (_, i) => (i === 0 ? `début ${line}` : line));
    const s3 = createS3Client();

    await uploadObject(s3, localBuckets.exports, "snapshots/test-parts/big.txt", pieces, "text/plain");
    await copyObject(s3, localBuckets.exports, "snapshots/test-parts/big.txt", "tests/big-copy.txt");

    const expected = pieces.join("");
    expect(Buffer.byteLength(expected)).toBeGreaterThan(20 * 1024 * 1024);
    expect(await exported("snapshots/test-parts/big.txt")).toBe(expected);
    expect(await exported("tests/big-copy.txt")).toBe(expected);
  });

  it("restores the graph from its Parcours JSON: export, wipe, import, export again gives the same file", async () => {
    const before = await exported((await runExport()).keys.parcours);

    await cypher(wipeData, { territorySource });
    expect(await cypher("MATCH (a:Actor) RETURN count(a) AS actors")).toEqual([{ actors: 0 }]);
    const report = await importFile("incoming/restauration.json", before);
    const after = await exported((await runExport()).keys.parcours);

    expect(report.status).toBe("imported");
    expect(after).toBe(before);
  });

  it("publishes HSDS that the official HSDS 3.0 JSON Schemas accept", async () => {
    await importFile("incoming/annuaire-hsds.json", JSON.stringify(hsdsOrganization));
    const validate = await hsdsPageValidator();

    const page: unknown = JSON.parse(await exported((await runExport()).keys.hsds));

    const valid = validate(page);
    expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("gives back an imported HSDS organization as it came: importing the export again changes nothing", async () => {
    await importFile("incoming/annuaire-hsds.json", JSON.stringify(hsdsOrganization));
    const page = JSON.parse(await exported((await runExport()).keys.hsds)) as { contents: { id: string }[] };
    const organization = page.contents.find((o) => o.id === hsdsOrganization.id);

    const again = await importFile("incoming/annuaire-hsds.json", JSON.stringify(organization));

    expect(organization).toMatchObject({
      name: hsdsOrganization.name,
      phones: [{ number: "01 47 00 00 02" }],
      services: [{ id: hsdsOrganization.services[0]!.id, schedules: [{ byday: "MO,TU,WE,TH,FR", opens_at: "09:00", closes_at: "12:00" }, { opens_at: "14:00", closes_at: "17:00" }] }],
      locations: [{ id: hsdsOrganization.locations[0]!.id, addresses: [{ address_1: "1 rue de l'Exemple", postal_code: "92000", city: "Nanterre" }] }],
    });
    expect(again.status).toBe("imported");
    expect(again.changes).toMatchObject({
      actors: { created: 0, updated: 0, unchanged: 1 },
      services: { created: 0, updated: 0, unchanged: 1 },
      locations: { created: 0, updated: 0, unchanged: 1 },
    });
  });

  it("never puts a confidential address in the public HSDS, data·inclusion and CSV, only in the private full export", async () => {
    await importFile("incoming/hebergement.json", JSON.stringify(confidentialPlace));

    const { keys } = await runExport();
    const [hsds, csv, full, dataInclusion] = await Promise.all([exported(keys.hsds), exported(keys.csv), exported(keys.parcours), exported(keys.dataInclusion)]);

    for (const secret of ["Secrète-de-Test", "48.8901", "2.2011"]) {
      expect(hsds).not.toContain(secret);
      expect(csv).not.toContain(secret);
      expect(dataInclusion).not.toContain(secret);
    }
    expect(full).toContain("12 rue Secrète-de-Test");
    expect(csv).toMatch(/asso-test-export-hebergement,.*loc-test-hebergement,Hébergement de test,,,92050,,,true/);
  });

  it("publishes in HSDS, data·inclusion and CSV exactly what a PUBLIC caller reads: no referral-only contact, confidential address or capacity count", async () => {
    await writeConfidentialFixture();

    const { keys } = await runExport();
    const [hsds, csv, full, dataInclusion] = await Promise.all([exported(keys.hsds), exported(keys.csv), exported(keys.parcours), exported(keys.dataInclusion)]);

    // The planted referral-only number and its label, the address, the places (12 total, 3 free) and their description.
    for (const planted of [fixture.referralPhone, "Ligne des orientations", "Secret-Matrice", "92777", "48.8512345", "Douze places fictives"]) {
      expect(hsds, planted).not.toContain(planted);
      expect(csv, planted).not.toContain(planted);
      expect(dataInclusion, planted).not.toContain(planted);
    }
    expect(hsds).toContain(fixture.publicPhone);
    expect(csv).toContain(fixture.publicPhone);
    expect(full).toContain(fixture.referralPhone);
  });

  it("round-trips every property of the full export, referral-only contacts included, and audits the restore", async () => {
    await writeConfidentialFixture();
    const contactsOf = () =>
      cypher<{ owner: string; contact: Record<string, unknown> }>(
        `MATCH (o)-[:HAS_CONTACT]->(c:ContactPoint) WHERE o.id IN $owners
         RETURN o.id AS owner, c {.channel, .value, .label, .free, .referralOnly, .source, verifiedAt: toString(c.verifiedAt), .unverified} AS contact
         ORDER BY owner, c.channel, c.value`,
        { owners: [fixture.actorId, fixture.serviceId] },
      );
    const before = await contactsOf();
    expect(before.filter((c) => c.contact.referralOnly === true)).toHaveLength(2);
    const full = await exported((await runExport()).keys.parcours);
    expect(full).toContain('"referralOnly": true');

    // A restore over a graph where the referral-only contacts were made public puts them back, and says so.
    await cypher("MATCH (c:ContactPoint {referralOnly: true}) SET c.referralOnly = false");
    const report = await importFile("incoming/restore.json", full);

    expect(await contactsOf()).toEqual(before);
    expect(report.changes?.actors.updated).toBeGreaterThan(0);
    const [audit] = await cypher<{ changes: string; subject: string }>(
      "MATCH (a:AuditRecord {operation: 'import'}) WHERE a.subject ENDS WITH 'incoming/restore.json' RETURN a.changes AS changes, a.subject AS subject",
    );
    const restored = (JSON.parse(audit!.changes) as { label: string; property: string; before: unknown; after: unknown }[]).filter(
      (c) => c.label === "ContactPoint" && c.property === "referralOnly",
    );
    expect(restored).toEqual([expect.objectContaining({ before: false, after: true }), expect.objectContaining({ before: false, after: true })]);
  });

  it("leaves latest/ as it was when the export fails after its first file, and its snapshot folder without a manifest", async () => {
    await runExport();
    const before = await latestFiles();
    const target = exportsTarget();
    const failingAfterTheFirstFile: ExportTarget = {
      ...target,
      write: async (key, pieces, contentType) => {
        if (key.endsWith(exportFiles.hsds.name)) throw new Error("the upload was cut");
        await target.write(key, pieces, contentType);
      },
    };

    await expect(exportSnapshot(failingAfterTheFirstFile, testDriver(), new Date("2026-12-07T02:00:00Z"))).rejects.toThrow("the upload was cut");

    expect(await latestFiles()).toEqual(before);
    expect(await listKeys(localBuckets.exports, "snapshots/2026-12-07T02-00-00-000Z/")).toEqual(["snapshots/2026-12-07T02-00-00-000Z/parcours.json"]);
  });

  it("puts latest/ back as it was when a copy under latest/ fails halfway", async () => {
    await runExport();
    const before = await latestFiles();
    await cypher("MATCH (a:Actor) WITH a LIMIT 1 SET a.name = a.name + ' (renommée)'");
    const target = exportsTarget();
    let copies = 0;
    const failingOnTheThirdCopy: ExportTarget = {
      ...target,
      copy: async (from, to) => {
        if (++copies === 3) throw new Error("the copy was refused");
        await target.copy(from, to);
      },
    };

    await expect(exportSnapshot(failingOnTheThirdCopy, testDriver(), new Date("2026-12-07T02:10:00Z"))).rejects.toThrow("the copy was refused");

    expect(await latestFiles()).toEqual(before);
  });

  it("replaces all four files of latest/ and its manifest when an export succeeds", async () => {
    await runExport();
    await cypher("MATCH (a:Actor) WITH a LIMIT 1 SET a.name = a.name + ' (renommée)'");

    const { keys, counts } = await runExport();

    const latest = await latestFiles();
    const folder = keys.parcours.slice(0, keys.parcours.lastIndexOf("/"));
    for (const name of Object.values(exportFiles).map((file) => file.name)) expect(latest[name], name).toBe(await exported(`${folder}/${name}`));
    expect(latest["parcours.json"]).toContain("(renommée)");
    const manifest = JSON.parse(latest["manifest.json"]!) as ExportManifest;
    expect(manifest.folder).toBe(folder);
    expect(manifest.files.map((file) => file.name)).toEqual(Object.values(exportFiles).map((file) => file.name));
    for (const file of manifest.files) expect(file.bytes, file.name).toBe(Buffer.byteLength(latest[file.name]!));
    expect(manifest.files[0]!.records).toEqual(counts);
  });

  it("fails the invocation with what failed and no stack, for the schedule to retry", async () => {
    await withEnvironment("EXPORTS_BUCKET", "parcours-exports-absent", async () => {
      const { handler } = await import("../functions/handlers/export");
      const failure = await handler(scheduledEvent(), lambdaContext("parcours-export")).then(
        () => null,
        (error: unknown) => error as Error,
      );

      expect(failure?.name).toBe("ExportFailed");
      expect(failure?.message).toMatch(/^export failed, latest\/ left as it was: .*bucket/i);
      expect(failure?.stack).not.toMatch(/\n\s+at /);
    });
  });
});
