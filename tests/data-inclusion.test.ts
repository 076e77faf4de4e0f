import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { cypher } from "./support/graph";
import { download, exportedGraph, importFile, runExport } from "./support/s3";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";
import { localBuckets } from "../local/s3-server";

type Json = Record<string, unknown>;

/** Validators of the vendored data·inclusion v1 schemas (tests/fixtures/data-inclusion-schema-1.0.8). */
async function dataInclusionValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const read = async (name: string) => JSON.parse(await readFile(join(import.meta.dirname, "fixtures/data-inclusion-schema-1.0.8", name), "utf8")) as object;
  return { service: ajv.compile(await read("service.json")), structure: ajv.compile(await read("structure.json")) };
}

async function exportedDataInclusion(): Promise<{ structures: Json[]; services: Json[] }> {
  const { keys } = await runExport();
  return JSON.parse(await download(keys.dataInclusion, localBuckets.exports)) as { structures: Json[]; services: Json[] };
}

describe("data·inclusion", () => {
  it("exports every service and structure valid against the schema, with its date and thématiques", async () => {
    const validate = await dataInclusionValidators();
    const [counted] = await cypher<{ services: number }>("MATCH (s:Service) RETURN count(s) AS services");

    const file = await exportedDataInclusion();

    expect(file.services).toHaveLength(Number(counted!.services));
    const problems = (kind: "service" | "structure", records: Json[]) =>
      records.flatMap(({ ...record }) => {
        const valid: boolean = validate[kind](record);
        return valid ? [] : [{ id: record.id, errors: validate[kind].errors }];
      });
    const invalid = [...problems("service", file.services), ...problems("structure", file.structures)];
    expect(invalid).toEqual([]);
    // A counter-check that the validator rejects what the schema forbids.
    expect(validate.service({ ...file.services[0], thematiques: ["violences-inventees"] })).toBe(false);
    expect(file.services.some((s) => Array.isArray(s.thematiques) && s.thematiques.length > 0)).toBe(true);
    expect(file.services.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(String(s.date_maj)))).toBe(true);
  }, 120_000);

  it("imports its own export back without changing anything", async () => {
    const file = await exportedDataInclusion();
    const before = await exportedGraph();

    const report = await importFile("incoming/data-inclusion-retour.json", JSON.stringify(file));

    expect(report).toMatchObject({ status: "imported", format: "data-inclusion", problems: [], toQualify: [] });
    expect(report.changes?.actors).toEqual({ created: 0, updated: 0, unchanged: file.structures.length });
    expect(report.changes?.services).toEqual({ created: 0, updated: 0, unchanged: file.services.length });
    expect(await exportedGraph()).toBe(before);
  }, 180_000);

  it("keeps a structure's SIRET on import, and writes it back in a valid export", async () => {
    const validate = await dataInclusionValidators();
    const file = await exportedDataInclusion();
    const structure = file.structures[0]!;

    const report = await importFile("incoming/data-inclusion-siret.json", JSON.stringify({ ...file, structures: [{ ...structure, siret: "73282932000074" }, ...file.structures.slice(1)] }));

    expect(report).toMatchObject({ status: "imported", format: "data-inclusion", problems: [] });
    expect(report.changes?.actors).toMatchObject({ created: 0, updated: 1 });
    expect(await cypher("MATCH (a:Actor {id: $id}) RETURN a.siret AS siret", { id: structure.id })).toEqual([{ siret: "73282932000074" }]);
    const exported = (await exportedDataInclusion()).structures.find((s) => s.id === structure.id)!;
    expect(exported.siret).toBe("73282932000074");
    expect(validate.structure(exported)).toBe(true);
  }, 180_000);

  it("names each problem by the file's own record — its section, index and id — its field and its line", async () => {
    const file = await exportedDataInclusion();
    const [k, m] = [1, 2];
    const structure = file.structures[k]!;
    const service = file.services[m]!;
    const edited = {
      structures: file.structures.map((s, i) => (i === k ? { ...s, siret: "73282932000075" } : s)),
      services: file.services.map((s, i) => (i === m ? { ...s, telephone: "123456" } : s)),
    };
    const text = JSON.stringify(edited, null, 2);
    const lines = text.split("\n");
    // The record an answer points at: the object that starts on that line, up to its closing brace.
    const recordAt = (line: number) => JSON.parse(lines.slice(line - 1, lines.indexOf("    },", line - 1) + 1).join("\n").replace(/,$/, "")) as Json;

    const report = await importFile("incoming/data-inclusion-invalide.json", text);

    expect(report.status).toBe("rejected");
    expect(report.problems).toEqual([
      expect.objectContaining({ record: `structures[${k}]: ${String(structure.id)}`, field: "siret", reason: expect.stringMatching(/not a valid SIRET/) }),
      expect.objectContaining({ record: `services[${m}]: ${String(service.id)}`, field: "telephone, courriel, site_web or lien_source", reason: expect.stringMatching(/French number/) }),
    ]);
    const byRecord = new Map(report.problems.map((p) => [p.record, p.line]));
    expect(recordAt(byRecord.get(`structures[${k}]: ${String(structure.id)}`)!)).toMatchObject({ id: structure.id, siret: "73282932000075" });
    expect(recordAt(byRecord.get(`services[${m}]: ${String(service.id)}`)!)).toMatchObject({ id: service.id, telephone: "123456" });
  }, 180_000);

  it("imports a foreign structure's service through the mapping, its date_maj as verifiedAt, and what nothing maps \"à qualifier\"", async () => {
    const structure = { source: "dora", id: "dora--test-structure", nom: "Structure de test data·inclusion", date_maj: "2026-08-01" };
    const mapped = {
      source: "dora",
      structure_id: structure.id,
      id: "dora--test-service",
      nom: "Écoute des victimes de violences",
      description: "Service de test, fictif.",
      date_maj: "2026-08-15",
      thematiques: ["famille--surmonter-conflits-separation-violence"],
      zone_eligibilite: ["92"],
    };

    const report = await importFile("incoming/data-inclusion-etranger.json", JSON.stringify({ structures: [structure], services: [mapped] }));

    expect(report).toMatchObject({ status: "imported", format: "data-inclusion", problems: [] });
    expect(report.toQualify).toEqual([
      { record: "organizations: dora--test-structure", name: structure.nom, missing: ["type d'acteur"] },
      { record: "services: dora--test-service", name: mapped.nom, missing: ["type d'acteur du porteur", "type de service", "public"] },
    ]);
    const [stored] = await cypher("MATCH (q:ToQualify {hsdsId: 'dora--test-service'}) RETURN toString(q.verifiedAt) AS verifiedAt");
    expect(stored).toEqual({ verifiedAt: "2026-08-15" });
  });

  it("keeps the SIRET a foreign structure \"à qualifier\" gives, for the actor it will become, and refuses an invalid one", async () => {
    const structure = { source: "dora", id: "dora--structure-immatriculee", nom: "Structure immatriculée de test", date_maj: "2026-08-01", siret: "442 000 000 00012" };

    const kept = await importFile("incoming/data-inclusion-siret-a-qualifier.json", JSON.stringify({ structures: [structure], services: [] }));
    const invalid = await importFile(
      "incoming/data-inclusion-siret-faux-a-qualifier.json",
      JSON.stringify({ structures: [{ ...structure, id: "dora--structure-siret-faux", siret: "44200000000013" }], services: [] }),
    );

    expect(kept).toMatchObject({ status: "imported", problems: [], toQualify: [{ record: "organizations: dora--structure-immatriculee", missing: ["type d'acteur"] }] });
    const listing = "{ recordsToQualify(limit: 1000) { feedId siret rna } }";
    const listed = await graphql<{ recordsToQualify: Json[] }>(listing, undefined, await tokenFor("COORDINATOR"));
    expect(listed.body.data?.recordsToQualify).toContainEqual({ feedId: structure.id, siret: "44200000000012", rna: null });
    expect(invalid.status).toBe("rejected");
    expect(invalid.problems).toEqual([
      expect.objectContaining({ record: "organizations: dora--structure-siret-faux", field: "siret", reason: expect.stringMatching(/not a valid SIRET/) }),
    ]);
    expect(await cypher("MATCH (q:ToQualify {hsdsId: 'dora--structure-siret-faux'}) RETURN q.id")).toEqual([]);
  });
});
