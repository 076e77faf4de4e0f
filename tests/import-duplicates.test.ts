import { describe, expect, it } from "vitest";
import { cypher } from "./support/graph";
import { exportedGraph, importFile } from "./support/s3";
import { confidentialDataset, fixture, secretStrings } from "./support/confidential-fixture";
import { loadDataset } from "../functions/graph/load-dataset";
import { datasetFileSchema } from "../functions/domain/dataset-schema";
import { testDriver } from "./support/graph";

const source = { id: "annuaire-doublons", ref: "https://example.org/doublons", title: "Annuaire de test des doublons", verifiedAt: "2026-11-02" };

/** An actor of the seed with a seat and a public phone number, as the graph holds it. */
async function seededActor() {
  const [actor] = await cypher<{ id: string; name: string; departement: string; basedAt: string; commune: string; phone: string }>(
    `MATCH (a:Actor)-[:BASED_AT]->(l:Location)-[:IN_COMMUNE]->(c:Territory), (a)-[:HAS_CONTACT]->(p:ContactPoint {channel: 'PHONE', referralOnly: false})
     WHERE NOT l.confidential AND a.departement = '92'
     RETURN a.id AS id, a.name AS name, a.departement AS departement, l.id AS basedAt, c.code AS commune, p.value AS phone
     ORDER BY a.id LIMIT 1`,
  );
  return actor!;
}

const actorFile = (actor: Record<string, unknown>) =>
  JSON.stringify({ sources: [source], actors: [{ kind: "ASSOCIATION", departement: "92", covers: ["92"], source: source.id, ...actor }] });

describe("probable duplicates on import", () => {
  it("refuses an existing actor repeated under a new id, naming the existing record, and writes nothing", async () => {
    const existing = await seededActor();
    const before = await exportedGraph();

    const report = await importFile(
      "incoming/doublon.json",
      actorFile({ id: "asso-test-doublon", name: existing.name.toUpperCase(), basedAt: existing.basedAt, contacts: [] }),
    );

    expect(report.status).toBe("rejected");
    expect(report.problems).toEqual([
      expect.objectContaining({ record: "actors: asso-test-doublon", reason: expect.stringMatching(new RegExp(`^doublon probable de ${existing.id} \\(même nom dans la même commune\\)`)) }),
    ]);
    expect(report.problems[0]!.line).not.toBeNull();
    expect(await exportedGraph()).toBe(before);
  }, 120_000);

  it("refuses a new actor with the public phone number of an existing one, in a CSV file too", async () => {
    const existing = await seededActor();
    const csv = [
      "actor_id,actor_name,actor_kind,actor_covers,actor_phone,service_id,service_name,service_kind,audience,needs,area",
      `asso-test-meme-numero,Autre nom de test,ASSOCIATION,92,${existing.phone},asso-test-meme-numero-ecoute,Écoute,LISTENING_LINE,VICTIMS,LISTENING,92`,
    ].join("\n");

    const report = await importFile("incoming/meme-numero.csv", csv);

    expect(report.status).toBe("rejected");
    expect(report.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/^doublon probable de [a-z0-9-]+ \(même numéro de téléphone public\)/)]);
    expect(await cypher("MATCH (a:Actor {id: 'asso-test-meme-numero'}) RETURN a.id")).toEqual([]);
  });

  it("updates the existing actor when the file names it by its id", async () => {
    const existing = await seededActor();
    const [stored] = await cypher<{ description: string | null; kind: string }>("MATCH (a:Actor {id: $id}) RETURN a.description AS description, a.kind AS kind", existing);

    const report = await importFile(
      "incoming/mise-a-jour.json",
      actorFile({ id: existing.id, name: existing.name, kind: stored!.kind, basedAt: existing.basedAt, description: "Description corrigée par un partenaire." }),
    );

    expect(report).toMatchObject({ status: "imported", problems: [] });
    expect(report.changes?.actors).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it("compares only what a public caller reads: a referral-only number is no duplicate, and a report names no confidential value", async () => {
    await loadDataset(testDriver(), [datasetFileSchema.parse(confidentialDataset)]);

    const sameReferralNumber = await importFile(
      "incoming/numero-orientation.json",
      actorFile({ id: "asso-test-numero-orientation", name: "Association sans rapport", contacts: [{ channel: "PHONE", value: fixture.referralPhone, source: source.id }] }),
    );
    const sameName = await importFile(
      "incoming/meme-hebergeur.json",
      actorFile({ id: "asso-test-meme-hebergeur", name: "Hébergeur Matrice", kind: "SHELTER_OPERATOR", contacts: [{ channel: "PHONE", value: fixture.publicPhone, source: source.id }] }),
    );

    // Seated in the commune of the shelter's confidential address: the report must not say "même commune".
    const [nanterre] = await cypher<{ id: string }>("MATCH (l:Location {confidential: false})-[:IN_COMMUNE]->(:Territory {code: '92050'}) RETURN l.id AS id ORDER BY l.id LIMIT 1");
    const sameNameSameCommune = await importFile(
      "incoming/meme-hebergeur-nanterre.json",
      actorFile({ id: "asso-test-meme-hebergeur-nanterre", name: "Hébergeur Matrice", kind: "SHELTER_OPERATOR", basedAt: nanterre!.id, contacts: [] }),
    );

    expect(sameReferralNumber).toMatchObject({ status: "imported", problems: [] });
    expect(sameName.status).toBe("rejected");
    for (const report of [sameName, sameNameSameCommune]) {
      expect(report.problems.map((p) => p.reason)).toEqual([expect.stringMatching(new RegExp(`^doublon probable de ${fixture.actorId} \\(même nom dans le même département\\)`))]);
    }
    const text = JSON.stringify([sameReferralNumber, sameName, sameNameSameCommune]);
    for (const secret of [...secretStrings, fixture.referralPhone]) expect(text).not.toContain(secret);
  });
  it("finds the existing record wherever the graph keeps it: another département's actor by its phone, RNA number or seat's commune, a national actor by its name", async () => {
    const existing = await seededActor();
    expect(await importFile("incoming/rna-92.json", actorFile({ id: "asso-test-immatriculee-92", name: "Association du 92 immatriculée", rna: "W922000789" }))).toMatchObject({ status: "imported" });
    const [national] = await cypher<{ id: string; name: string }>(
      "MATCH (a:Actor) WHERE a.departement IS NULL AND NOT EXISTS { (a)-[:BASED_AT]->() } RETURN a.id AS id, a.name AS name ORDER BY a.id LIMIT 1",
    );
    const inSeineEtMarne = (actor: Record<string, unknown>) => ({ kind: "ASSOCIATION", departement: "77", covers: ["77"], source: source.id, contacts: [], ...actor });
    const file = JSON.stringify({
      sources: [source],
      actors: [
        inSeineEtMarne({ id: "asso-test-77-tel", name: "Association de test de Melun", contacts: [{ channel: "PHONE", value: existing.phone, source: source.id }] }),
        inSeineEtMarne({ id: "asso-test-77-rna", name: "Association de test de Meaux", rna: "W922000789" }),
        inSeineEtMarne({ id: "asso-test-77-siege", name: existing.name, basedAt: existing.basedAt }),
        { kind: "ASSOCIATION", departement: null, covers: ["FR"], source: source.id, id: "asso-test-nationale", name: national!.name },
      ],
    });
    const before = await exportedGraph();

    const report = await importFile("incoming/ailleurs.json", file);

    expect(report.status).toBe("rejected");
    expect(Object.fromEntries(report.problems.map((p) => [p.record, p.reason]))).toEqual({
      "actors: asso-test-77-tel": expect.stringMatching(/^doublon probable de [a-z0-9-]+ \(même numéro de téléphone public\)/),
      "actors: asso-test-77-rna": expect.stringMatching(/^doublon probable de asso-test-immatriculee-92 \(même numéro RNA W922000789\)/),
      "actors: asso-test-77-siege": expect.stringMatching(new RegExp(`^doublon probable de ${existing.id} \\(même nom dans la même commune\\)`)),
      "actors: asso-test-nationale": expect.stringMatching(new RegExp(`^doublon probable de ${national!.id} \\(même nom dans le même département\\)`)),
    });
    expect(await exportedGraph()).toBe(before);
  });

  it("refuses a new actor with the SIRET of an existing one, under another id and name, naming the existing record", async () => {
    const registered = actorFile({ id: "asso-test-siret", name: "Association immatriculée de test", siret: "73282932000074", rna: "W922000123" });
    expect(await importFile("incoming/immatriculee.json", registered)).toMatchObject({ status: "imported", problems: [] });
    expect(await cypher("MATCH (a:Actor {id: 'asso-test-siret'}) RETURN a.siret AS siret, a.rna AS rna")).toEqual([{ siret: "73282932000074", rna: "W922000123" }]);
    const before = await exportedGraph();

    const sameSiret = await importFile("incoming/meme-siret.json", actorFile({ id: "asso-test-autre-nom", name: "Tout autre nom de test", siret: "73282932000074" }));
    const sameRna = await importFile("incoming/meme-rna.json", actorFile({ id: "asso-test-autre-rna", name: "Encore un autre nom de test", rna: "W922000123" }));

    expect(sameSiret.status).toBe("rejected");
    expect(sameSiret.problems).toEqual([
      expect.objectContaining({ record: "actors: asso-test-autre-nom", field: "id", reason: expect.stringMatching(/^doublon probable de asso-test-siret \(même SIRET 73282932000074\)/) }),
    ]);
    expect(sameRna.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/^doublon probable de asso-test-siret \(même numéro RNA W922000123\)/)]);
    expect(await exportedGraph()).toBe(before);
  });

  it("refuses an update that gives an existing actor the SIRET or RNA number of another one, and takes the actor's own new number", async () => {
    const registered = { id: "asso-test-maj-a", name: "Association immatriculée avant mise à jour", siret: "44200000000012", rna: "W922000777" };
    const unregistered = { id: "asso-test-maj-b", name: "Association sans numéro avant mise à jour" };
    const both = JSON.stringify({ sources: [source], actors: [registered, unregistered].map((a) => ({ kind: "ASSOCIATION", departement: "92", covers: ["92"], source: source.id, ...a })) });
    expect(await importFile("incoming/maj-numeros.json", both)).toMatchObject({ status: "imported", problems: [] });
    const before = await exportedGraph();

    const takesSiret = await importFile("incoming/maj-siret-d-un-autre.json", actorFile({ ...unregistered, siret: registered.siret }));
    const takesRna = await importFile("incoming/maj-rna-d-un-autre.json", actorFile({ ...unregistered, rna: registered.rna }));

    expect(takesSiret.status).toBe("rejected");
    expect(takesSiret.problems).toEqual([
      expect.objectContaining({ record: "actors: asso-test-maj-b", reason: expect.stringMatching(/^doublon probable de asso-test-maj-a \(même SIRET 44200000000012\) : ce numéro désigne déjà asso-test-maj-a/) }),
    ]);
    expect(takesRna.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/^doublon probable de asso-test-maj-a \(même numéro RNA W922000777\)/)]);
    expect(await exportedGraph()).toBe(before);

    const ownNumber = await importFile("incoming/maj-siret-propre.json", actorFile({ ...unregistered, siret: "73282932000082" }));
    const sameAgain = await importFile("incoming/maj-meme-numero.json", actorFile(registered));
    expect(ownNumber).toMatchObject({ status: "imported", problems: [] });
    expect(sameAgain).toMatchObject({ status: "imported", problems: [] });
    expect(await cypher("MATCH (a:Actor) WHERE a.id STARTS WITH 'asso-test-maj' RETURN a.id AS id, a.siret AS siret ORDER BY a.id")).toEqual([
      { id: "asso-test-maj-a", siret: "44200000000012" },
      { id: "asso-test-maj-b", siret: "73282932000082" },
    ]);
  });

  it("refuses two new actors of one file with the same RNA number, and an invalid SIRET with its column and reason", async () => {
    const actor = { kind: "ASSOCIATION", departement: "92", covers: ["92"], source: source.id };
    const twins = JSON.stringify({
      sources: [source],
      actors: [
        { ...actor, id: "asso-test-rna-1", name: "Première association déclarée", rna: "W922000456" },
        { ...actor, id: "asso-test-rna-2", name: "Seconde association déclarée", rna: "W922000456" },
      ],
    });
    const csv = [
      "actor_id,actor_name,actor_kind,actor_covers,actor_siret,service_id,service_name,service_kind,audience,needs,area",
      "asso-test-siret-faux,Association au SIRET faux,ASSOCIATION,92,73282932000075,asso-test-siret-faux-ecoute,Écoute,LISTENING_LINE,VICTIMS,LISTENING,92",
    ].join("\n");

    const sameRna = await importFile("incoming/meme-rna-jumelles.json", twins);
    const invalid = await importFile("incoming/siret-faux.csv", csv);

    expect(sameRna.status).toBe("rejected");
    expect(sameRna.problems.map((p) => [p.record, p.reason.replace(/ : .*/, "")])).toEqual([
      ["actors: asso-test-rna-2", expect.stringMatching(/^doublon probable de asso-test-rna-1, ligne \d+ du même envoi \(même numéro RNA W922000456\)$/)],
    ]);
    expect(invalid.status).toBe("rejected");
    expect(invalid.problems).toEqual([
      expect.objectContaining({ line: 2, record: "actors: asso-test-siret-faux", field: "actor_siret", reason: expect.stringMatching(/not a valid SIRET/) }),
    ]);
    expect(await cypher("MATCH (a:Actor) WHERE a.id STARTS WITH 'asso-test-rna' OR a.id = 'asso-test-siret-faux' RETURN a.id")).toEqual([]);
  });

  it("refuses two new rows of one CSV file that name the same actor, the second naming the first and its line", async () => {
    const csv = [
      "actor_id,actor_name,actor_kind,actor_covers,service_id,service_name,service_kind,audience,needs,area",
      "asso-test-jumelle-1,Association jumelle de test,ASSOCIATION,92,asso-test-jumelle-1-ecoute,Écoute,LISTENING_LINE,VICTIMS,LISTENING,92",
      "asso-test-jumelle-2,ASSOCIATION JUMELLE DE TEST,ASSOCIATION,92,asso-test-jumelle-2-ecoute,Écoute,LISTENING_LINE,VICTIMS,LISTENING,92",
    ].join("\n");

    const report = await importFile("incoming/jumelles.csv", csv);

    expect(report.status).toBe("rejected");
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 3,
        record: "actors: asso-test-jumelle-2",
        reason: expect.stringMatching(/^doublon probable de asso-test-jumelle-1, ligne 2 du même envoi \(même nom dans le même département\)/),
      }),
    ]);
    expect(await cypher("MATCH (a:Actor) WHERE a.id STARTS WITH 'asso-test-jumelle' RETURN a.id")).toEqual([]);
  });

  it("refuses two new actors of one file with the same public phone number, and two services of one actor with the same name", async () => {
    const contact = { channel: "PHONE", value: "01 47 00 99 97", source: source.id };
    const service = (id: string) => ({
      id,
      name: "Permanence juridique de test",
      kind: "LEGAL_PERMANENCE",
      audience: "VICTIMS",
      needs: ["LEGAL_ADVICE"],
      area: ["92"],
      source: source.id,
    });
    const actor = { kind: "ASSOCIATION", departement: "92", covers: ["92"], source: source.id };
    const file = JSON.stringify({
      sources: [source],
      actors: [
        { ...actor, id: "asso-test-meme-tel-1", name: "Première association de test", contacts: [contact] },
        { ...actor, id: "asso-test-meme-tel-2", name: "Seconde association de test", contacts: [contact] },
        { ...actor, id: "asso-test-deux-permanences", name: "Troisième association de test", services: [service("asso-test-permanence-1"), service("asso-test-permanence-2")] },
      ],
    });

    const report = await importFile("incoming/jumeaux.json", file);

    expect(report.status).toBe("rejected");
    expect(report.problems.map((p) => [p.record, p.reason.replace(/ : .*/, "")])).toEqual([
      ["actors: asso-test-meme-tel-2", expect.stringMatching(/^doublon probable de asso-test-meme-tel-1, ligne \d+ du même envoi \(même numéro de téléphone public\)$/)],
      [
        "actors: asso-test-deux-permanences / services: asso-test-permanence-2",
        expect.stringMatching(/^doublon probable de asso-test-permanence-1, ligne \d+ du même envoi \(même nom, même acteur\)$/),
      ],
    ]);
    expect(await cypher("MATCH (a:Actor) WHERE a.id STARTS WITH 'asso-test-meme-tel' RETURN a.id")).toEqual([]);
  });
});
