/**
 * A coordinator's saveDataset follows the exchange rules of imports (issue 17): a probable duplicate
 * is refused with the import's own problem text, and a record "à qualifier" that the write brings
 * whole under its id is qualified — removed in the same transaction, and audited.
 */
import { describe, expect, it } from "vitest";
import { cypher } from "./support/graph";
import { graphql } from "./support/http-api";
import { exportedGraph, importFile } from "./support/s3";
import { saveDatasetMutation } from "./support/confidential-fixture";
import { tokenFor } from "./support/tokens";

const source = { id: "saisie-coordination", ref: "https://example.org/saisie", title: "Saisie de la coordination (test)", verifiedAt: "2026-11-03" };
const actor = (fields: Record<string, unknown>) => ({ kind: "ASSOCIATION", departement: "92", covers: ["92"], source: source.id, ...fields });
const dataset = (...actors: Record<string, unknown>[]) => ({ sources: [source], actors });

interface Problem {
  record: string;
  field: string;
  reason: string;
}

async function save(input: Record<string, unknown>, subject = "coordinatrice-92") {
  const response = await graphql<{ saveDataset: { nodesCreated: number } }>(saveDatasetMutation, { input }, await tokenFor("COORDINATOR", { departement: "92", sub: subject }));
  const [error] = response.body.errors ?? [];
  return { response, code: error?.extensions?.code, problems: (error?.extensions?.problems ?? []) as Problem[] };
}

async function graphCounts() {
  const [counts] = await cypher<{ nodes: number; relationships: number; audits: number }>(
    "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } CALL () { MATCH (a:AuditRecord) RETURN count(a) AS audits } RETURN nodes, relationships, audits",
  );
  return counts;
}

describe("saveDataset refuses probable duplicates as an import does", () => {
  it("refuses an existing actor typed again under a new id with the import's problem text, naming the existing record, and writes nothing", async () => {
    const [existing] = await cypher<{ id: string; name: string; basedAt: string }>(
      `MATCH (a:Actor)-[:BASED_AT]->(l:Location {confidential: false}) WHERE a.departement = '92'
       RETURN a.id AS id, a.name AS name, l.id AS basedAt ORDER BY a.id LIMIT 1`,
    );
    const input = dataset(actor({ id: "asso-saisie-doublon", name: existing!.name.toUpperCase(), basedAt: existing!.basedAt }));
    const graph = await exportedGraph();
    const counts = await graphCounts();

    const { response, code, problems } = await save(input);
    const report = await importFile("incoming/saisie-doublon.json", JSON.stringify(input));

    expect(response.body.data).toBeNull();
    expect(code).toBe("BAD_USER_INPUT");
    expect(problems).toEqual([
      { record: "actors: asso-saisie-doublon", field: "id", reason: expect.stringMatching(new RegExp(`^doublon probable de ${existing!.id} \\(même nom dans la même commune\\)`)) },
    ]);
    expect(report.status).toBe("rejected");
    expect(report.problems.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual(problems);
    expect(response.body.errors?.[0]?.message).toContain(problems[0]!.reason);
    expect(await graphCounts()).toEqual(counts);
    expect(await exportedGraph()).toBe(graph);
  }, 120_000);

  it("refuses a new actor with another actor's SIRET, an update that takes it, and two new actors of one input with the same RNA number", async () => {
    const registered = actor({ id: "asso-saisie-siret", name: "Association immatriculée par la coordination", siret: "73282932000074" });
    expect((await save(dataset(registered))).response.body.errors).toBeUndefined();
    const counts = await graphCounts();

    const sameSiret = await save(dataset(actor({ id: "asso-saisie-autre", name: "Tout autre nom saisi", siret: "73282932000074" })));
    const [stored] = await cypher<{ id: string; name: string; kind: string; departement: string }>(
      "MATCH (a:Actor) WHERE a.departement = '92' AND a.siret IS NULL AND a.rna IS NULL RETURN a.id AS id, a.name AS name, a.kind AS kind, a.departement AS departement ORDER BY a.id LIMIT 1",
    );
    const takesSiret = await save(dataset(actor({ ...stored!, siret: "73282932000074" })));
    const twins = await save(
      dataset(actor({ id: "asso-saisie-rna-1", name: "Première association saisie", rna: "W922000456" }), actor({ id: "asso-saisie-rna-2", name: "Seconde association saisie", rna: "W922000456" })),
    );

    expect(sameSiret.code).toBe("BAD_USER_INPUT");
    expect(sameSiret.problems).toEqual([
      { record: "actors: asso-saisie-autre", field: "id", reason: expect.stringMatching(/^doublon probable de asso-saisie-siret \(même SIRET 73282932000074\)/) },
    ]);
    expect(takesSiret.problems).toEqual([
      { record: `actors: ${stored!.id}`, field: "id", reason: expect.stringMatching(/^doublon probable de asso-saisie-siret \(même SIRET 73282932000074\) : ce numéro désigne déjà asso-saisie-siret/) },
    ]);
    expect(twins.problems).toEqual([
      { record: "actors: asso-saisie-rna-2", field: "id", reason: expect.stringMatching(/^doublon probable de asso-saisie-rna-1 du même envoi \(même numéro RNA W922000456\)/) },
    ]);
    expect(await graphCounts()).toEqual(counts);
    expect(await cypher("MATCH (a:Actor {id: $id}) RETURN a.siret AS siret", stored!)).toEqual([{ siret: null }]);
  });

  it("still updates an actor named by its id, and takes the actor's own new SIRET", async () => {
    const { response } = await save(dataset(actor({ id: "asso-saisie-siret", name: "Association immatriculée par la coordination", siret: "73282932000082" })));

    expect(response.body.errors).toBeUndefined();
    expect(await cypher("MATCH (a:Actor {id: 'asso-saisie-siret'}) RETURN a.siret AS siret")).toEqual([{ siret: "73282932000082" }]);
  });
});

describe("saveDataset qualifies the records « à qualifier » it writes under their id", () => {
  const feed = {
    id: "7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e01",
    name: "Association d'un annuaire partenaire",
    description: "",
    services: [
      {
        id: "7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e02",
        name: "Permanence d'écoute du partenaire",
        status: "active",
        assured_date: "2026-10-01",
        attributes: [{ id: "7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e03", taxonomy_term: { id: "7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e04", code: "ecoute", name: "Écoute", taxonomy: "annuaire-partenaire" } }],
      },
    ],
  };
  const listing = "{ recordsToQualify(limit: 1000) { id recordKind } }";

  it("removes the actor's record when the coordinator saves the actor, then the service's with the service, in the write's transaction and its audit record", async () => {
    expect(await importFile("incoming/annuaire-partenaire.json", JSON.stringify(feed))).toMatchObject({ status: "imported", problems: [] });
    const held = await cypher<{ id: string; recordKind: string }>("MATCH (q:ToQualify) WHERE q.hsdsId STARTS WITH '7c1d2e3f' RETURN q.id AS id, q.recordKind AS recordKind ORDER BY q.recordKind");
    expect(held.map((q) => q.recordKind)).toEqual(["actor", "service"]);
    const pendingActor = held[0]!;
    const pendingService = held[1]!;
    const coordinator = await tokenFor("COORDINATOR", { departement: "92" });
    const listed = async () => (await graphql<{ recordsToQualify: { id: string }[] }>(listing, undefined, coordinator)).body.data!.recordsToQualify.map((q) => q.id);
    expect(await listed()).toEqual(expect.arrayContaining([pendingActor.id, pendingService.id]));
    const qualifiedActor = actor({ id: pendingActor.id, name: feed.name });
    const service = {
      id: pendingService.id,
      name: feed.services[0]!.name,
      kind: "LISTENING_LINE",
      audience: "VICTIMS",
      needs: ["LISTENING"],
      area: ["92"],
      source: source.id,
    };

    const actorSaved = await save(dataset(qualifiedActor), "qualifie-acteur");
    const actorListed = await listed();
    const serviceSaved = await save(dataset({ ...qualifiedActor, services: [service] }), "qualifie-service");

    expect(actorSaved.response.body.errors).toBeUndefined();
    expect(actorListed).not.toContain(pendingActor.id);
    expect(actorListed).toContain(pendingService.id);
    expect(serviceSaved.response.body.errors).toBeUndefined();
    expect(await listed()).not.toContain(pendingService.id);
    expect(await cypher("MATCH (q:ToQualify) WHERE q.id IN $ids RETURN q.id", { ids: [pendingActor.id, pendingService.id] })).toEqual([]);
    expect(await cypher("MATCH (a:Actor {id: $id})-[:OFFERS]->(s:Service) RETURN s.id AS id", pendingActor)).toEqual([{ id: pendingService.id }]);
    const audits = await cypher<{ subject: string; changes: string }>(
      "MATCH (a:AuditRecord {operation: 'saveDataset'}) WHERE a.subject STARTS WITH 'qualifie-' RETURN a.subject AS subject, a.changes AS changes ORDER BY a.subject",
    );
    const qualifiedIn = (subject: string) =>
      (JSON.parse(audits.find((a) => a.subject === subject)!.changes) as { node: string; label: string }[]).filter((c) => c.label === "ToQualify");
    expect(qualifiedIn("qualifie-acteur")).toEqual([{ node: pendingActor.id, label: "ToQualify", property: "qualified", before: false, after: true }]);
    expect(qualifiedIn("qualifie-service")).toEqual([{ node: pendingService.id, label: "ToQualify", property: "qualified", before: false, after: true }]);
  }, 120_000);

  it("keeps the record « à qualifier » when the write is refused", async () => {
    expect(await importFile("incoming/annuaire-partenaire-bis.json", JSON.stringify({ ...feed, id: "7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e11", services: [] }))).toMatchObject({
      status: "imported",
    });
    const [pending] = await cypher<{ id: string }>("MATCH (q:ToQualify {hsdsId: '7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e11'}) RETURN q.id AS id");

    const refused = await save(dataset(actor({ id: pending!.id, name: feed.name })));

    expect(refused.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/^doublon probable de hsds-[0-9a-f-]+ \(même nom dans le même département\)/)]);
    expect(await cypher("MATCH (q:ToQualify {id: $id}) RETURN q.id AS id", pending!)).toEqual([{ id: pending!.id }]);
  }, 120_000);
});
