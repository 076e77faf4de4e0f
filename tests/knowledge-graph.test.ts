import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { cypher } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const seed002 = "seeds/002_18dea572f57406ad.txt";

describe("the seeded knowledge graph of the Hauts-de-Seine", () => {
  it("holds at least 60 actors, each with a source and a verification date", async () => {
    const [counts] = await cypher<{ actors: number; unsourced: number }>(
      "MATCH (a:Actor) RETURN count(a) AS actors, count(CASE WHEN a.source IS NULL OR a.verifiedAt IS NULL THEN 1 END) AS unsourced",
    );

    expect(counts!.actors).toBeGreaterThanOrEqual(60);
    expect(counts!.unsourced).toBe(0);
  });

  it.each([
    "FVV 92",
    "ADAVIP 92",
    "L'Escale",
    "AFED 92",
    "SOS Femmes Alternative",
    "Centre Flora Tristan",
    "CIDFF Nord",
    "CIDFF Sud",
    "Mouvement du Nid",
    "Centre médico-judiciaire",
    "SPIP 92",
    "Protection maternelle et infantile (PMI) des Hauts-de-Seine",
    "Services des solidarités territoriales",
    "Centres de santé sexuelle",
    "Centres maternels",
    "Préfecture des Hauts-de-Seine",
    "Tribunal",
    "Parquet de Nanterre",
    "Orange",
    "Mondial Assistance",
    "Paroles de femmes",
    "SOS Femmes 77",
    "Département des Deux-Sèvres",
    "3919",
  ])("finds %s by name through GraphQL", async (name) => {
    const response = await graphql<{ actors: { name: string; source: string }[] }>(
      `query ($name: String!) { actors(where: { OR: [{ name: { contains: $name } }, { aliases: { includes: $name } }] }) { name source } }`,
      { name },
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.actors.length).toBeGreaterThan(0);
    expect(response.body.data?.actors.every((a) => a.source.length > 0)).toBe(true);
  });

  it("has the social-worker permanences of ADAVIP 92 as relations to 9 commissariats, Colombes from a public report", async () => {
    const permanences = await cypher<{ commune: string; source: string }>(
      `MATCH (:Actor {id: 'adavip-92'})-[r:HOLDS_PERMANENCE_AT]->(station:Actor {kind: 'POLICE_STATION'})
       MATCH (station)-[:OFFERS|BASED_AT*1..2]->(:Location)-[:IN_COMMUNE]->(commune:Territory)
       RETURN DISTINCT commune.name AS commune, r.source AS source ORDER BY commune`,
    );

    expect(permanences.map((p) => p.commune)).toEqual([
      "Antony",
      "Asnières-sur-Seine",
      "Boulogne-Billancourt",
      "Châtenay-Malabry",
      "Colombes",
      "Gennevilliers",
      "Issy-les-Moulineaux",
      "Nanterre",
      "Villeneuve-la-Garenne",
    ]);
    expect(permanences.find((p) => p.commune === "Colombes")?.source).toMatch(/^http:\/\/my\.hauts-de-seine\.fr\/rapportDD/);
    expect(permanences.filter((p) => p.source === seed002)).toHaveLength(8);
  });

  it("records the 130 housing places funded by the Département as a capacity with its source", async () => {
    const response = await graphql<{ services: { capacity: unknown }[] }>(
      `{ services(where: { id: { eq: "programme-vff-92-hebergement" } }) { capacity { placesTotal placesFree placesAvailable source verifiedAt unverified } } }`,
      {},
      await tokenFor("FRONTLINE"),
    );

    expect(response.body.data?.services).toEqual([
      { capacity: { placesTotal: 130, placesFree: null, placesAvailable: "UNKNOWN", source: seed002, verifiedAt: "2019-12-31", unverified: true } },
    ]);
    const funders = await cypher<{ funder: string }>(
      "MATCH (funder:Actor)-[:FUNDS]->(:Service)-[:HAS_CAPACITY]->(:Capacity {placesTotal: 130}) RETURN funder.id AS funder",
    );
    expect(funders).toEqual([{ funder: "departement-92" }]);
  });

  it("knows the 36 communes of the Hauts-de-Seine by INSEE code, each in one of the four territories", async () => {
    const communes = await cypher<{ code: string; territories: number }>(
      `MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {code: '92'})
       RETURN c.code AS code, COUNT { (c)-[:PART_OF]->(:Territory {level: 'ZONE'}) } AS territories ORDER BY code`,
    );

    expect(communes).toHaveLength(36);
    expect(communes.every((c) => /^92\d{3}$/.test(c.code) && c.territories === 1)).toBe(true);
    expect(communes.map((c) => c.code)).toContain("92050");
  });

  it("answers, through the Lambda handler, FVV 92's coordinating associations, phone, hours and source", async () => {
    const response = await graphql<{ actors: unknown[] }>(`{
      actors(where: { id: { eq: "fvv-92" } }) {
        name source
        coordinatedBy(sort: { name: ASC }) { id }
        services { contacts { channel value source } schedule { openingHours timezone source } }
      }
    }`);

    expect(response.statusCode).toBe(200);
    expect(response.body.data?.actors).toEqual([
      {
        name: "Femmes victimes de violences 92 (FVV 92)",
        source: seed002,
        coordinatedBy: [{ id: "adavip-92" }, { id: "afed-92" }, { id: "lescale" }, { id: "sos-femmes-alternative" }],
        services: [
          {
            contacts: [{ channel: "PHONE", value: "01 47 91 48 44", source: seed002 }],
            schedule: { openingHours: "Mo-Fr 09:30-17:30", timezone: "Europe/Paris", source: seed002 },
          },
        ],
      },
    ]);
  });

  it("lists the signatories of the Téléphone Grave Danger convention of 11 May 2016", async () => {
    const response = await graphql<{ conventions: { signedOn: string; parties: { id: string }[] }[] }>(
      `{ conventions(where: { id: { eq: "convention-tgd-92" } }) { signedOn parties(sort: { id: ASC }) { id } } }`,
    );

    expect(response.body.data?.conventions).toEqual([
      {
        signedOn: "2016-05-11",
        parties: ["departement-92", "lescale", "mondial-assistance", "orange", "parquet-nanterre", "police-nationale-92", "prefecture-92", "tribunal-nanterre"].map(
          (id) => ({ id }),
        ),
      },
    ]);
  });

  it("traverses from a situation to the services that handle it and their providers in a commune", async () => {
    const response = await graphql<{ situations: { services: { name: string; providers: { id: string }[] }[] }[] }>(`{
      situations(where: { code: { eq: SEXUAL_EXPLOITATION } }) {
        services(where: { area: { some: { code: { eq: "92" } } } }) { name providers { id } }
      }
    }`);

    const providers = response.body.data?.situations[0]?.services.flatMap((s) => s.providers.map((p) => p.id));
    expect(providers).toContain("mouvement-du-nid-92");
  });

  it("keeps unknown facts null and says so: SAVU 92 has hours in words but no machine-readable schedule", async () => {
    const response = await graphql<{ services: { schedule: { openingHours: string | null; description: string } }[] }>(
      `{ services(where: { id: { eq: "adavip-92-savu" } }) { schedule { openingHours description } } }`,
    );

    expect(response.body.data?.services).toEqual([{ schedule: { openingHours: null, description: expect.stringMatching(/23 ?h ?30/) } }]);
  });
});

describe("full-text search", () => {
  const searchIds = async (text: string) =>
    (await graphql<{ search: { id: string }[] }>(`query ($text: String!) { search(text: $text, limit: 5) { id } }`, { text })).body.data?.search.map((a) => a.id);

  it.each([
    ["adavip", "adavip-92"],
    ["Flora tristan", "centre-flora-tristan"],
    ["escale", "lescale"],
    ["L'ESCALE", "lescale"],
    ["telephone grave danger", "parquet-nanterre"],
    ["médico judiciaire", "cmj-92"],
  ])("finds %s, whatever its case and accents", async (text, expected) => {
    expect(await searchIds(text)).toContain(expected);
  });

  it.each([
    ["aide victimes", "france-victimes-116006"],
    ["aide sociale enfance", "ase-92"],
    ["commissariat asnieres", "commissariat-asnieres-sur-seine"],
    ["Hôpital Antoine-Béclère", "uaped-antoine-beclere"],
    ["insertion probation", "spip-92"],
    ["urgence europeen", "urgence-112"],
    ["egalite chances", "prefecture-92"],
    ["habit courbevoie", "oph-courbevoie"],
  ])("finds %s after an elided article, as in « d'aide », « l'enfance », « d'Asnières »", async (text, expected) => {
    expect(await searchIds(text)).toContain(expected);
  });

  it("finds a word after a typographic apostrophe, as sources and imports write « d’écoute »", async () => {
    await cypher("CREATE (:Actor {id: 'ecoute-zephyrine', name: 'Lieu d’écoute Zéphyrine', aliases: [], aliasesText: '', kind: 'ASSOCIATION'})");
    onTestFinished(() => cypher("MATCH (a:Actor {id: 'ecoute-zephyrine'}) DELETE a").then(() => undefined));

    const response = await graphql<{ search: { id: string }[] }>(`{ search(text: "ecoute zephyrine", limit: 5) { id } }`);

    expect(response.body.data?.search.map((a) => a.id)).toEqual(["ecoute-zephyrine"]);
  });

  it("finds a word after any short word and an apostrophe, as « hommes » in « prud’hommes », « ile » in « presqu'île »", async () => {
    await cypher(
      "CREATE (:Actor {id: 'prudhommes-zephyrine', name: 'Conseil de prud’hommes de Zéphyrine', aliases: [], aliasesText: '', kind: 'ASSOCIATION', description: 'Permanence sur la presqu\\'île'})",
    );
    onTestFinished(() => cypher("MATCH (a:Actor {id: 'prudhommes-zephyrine'}) DELETE a").then(() => undefined));

    expect(await searchIds("hommes zephyrine")).toEqual(["prudhommes-zephyrine"]);
    expect(await searchIds("ile zephyrine")).toEqual(["prudhommes-zephyrine"]);
  });

  it("finds a word by an accented prefix, as « Héberg » for « hébergement d'urgence »", async () => {
    const response = await graphql<{ search: { id: string }[] }>(`{ search(text: "Héberg", limit: 5) { id } }`);

    expect(response.body.data?.search.map((a) => a.id)).toContain("ligne-115");
  });

  describe("with œ, æ, ß, ø, ﬁ and ﬂ, typed or written as oe, ae, ss, o, fi and fl", () => {
    const records = [
      ["soeurs-zephyrine", "Foyer des soeurs Zéphyrine"],
      ["oeuvre-coeur-zephyrine", "L'Œuvre du Cœur Zéphyrine"],
      ["laetitia-zephyrine", "Maison Lætitia Zéphyrine"],
      ["laetitia-accueil-zephyrine", "Accueil Laetitia Zéphyrine"],
      ["grossmann-zephyrine", "Cabinet Großmann Zéphyrine"],
      ["grossmann-accueil-zephyrine", "Accueil Grossmann Zéphyrine"],
      ["orsted-zephyrine", "Maison d'Ørsted Zéphyrine"],
      ["orsted-accueil-zephyrine", "Accueil Orsted Zéphyrine"],
      // As a text copied from a PDF writes them.
      ["filles-zephyrine", "Refuge des ﬁlles Zéphyrine"],
      ["fleurs-zephyrine", "Jardin des ﬂeurs Zéphyrine"],
    ];

    beforeAll(async () => {
      await cypher("UNWIND $records AS record CREATE (:Actor {id: record[0], name: record[1], aliases: [], aliasesText: '', kind: 'ASSOCIATION'})", { records });
    });

    afterAll(async () => {
      await cypher("MATCH (a:Actor) WHERE a.id IN $ids DELETE a", { ids: records.map(([id]) => id) });
    });

    it.each([
      ["sœu zephyrine", ["soeurs-zephyrine"]],
      ["cœu zephyrine", ["oeuvre-coeur-zephyrine"]],
      ["œuvre zephyrine", ["oeuvre-coeur-zephyrine"]],
      ["LÆTI zephyrine", ["laetitia-accueil-zephyrine", "laetitia-zephyrine"]],
      ["groß zephyrine", ["grossmann-accueil-zephyrine", "grossmann-zephyrine"]],
      ["GROẞ zephyrine", ["grossmann-accueil-zephyrine", "grossmann-zephyrine"]],
      ["grossm zephyrine", ["grossmann-accueil-zephyrine", "grossmann-zephyrine"]],
      ["ørs zephyrine", ["orsted-accueil-zephyrine", "orsted-zephyrine"]],
      ["ØRS zephyrine", ["orsted-accueil-zephyrine", "orsted-zephyrine"]],
      ["ors zephyrine", ["orsted-accueil-zephyrine", "orsted-zephyrine"]],
      ["ﬁll zephyrine", ["filles-zephyrine"]],
      ["fill zephyrine", ["filles-zephyrine"]],
      ["ﬂeu zephyrine", ["fleurs-zephyrine"]],
      ["fleu zephyrine", ["fleurs-zephyrine"]],
    ])("finds %s by prefix or after an elided article, folded as the index folds it", async (text, expected) => {
      expect((await searchIds(text))?.sort()).toEqual(expected);
    });

    it("finds « mises en œuvre » by the prefix « œuv »", async () => {
      expect(await searchIds("œuv")).toContain("css-92");
    });
  });

  it("returns nothing, not an error, for text with no searchable word", async () => {
    const response = await graphql<{ search: unknown[] }>(`{ search(text: "!!! ???") { id } }`);

    expect(response.body).toEqual({ data: { search: [] } });
  });

  it("ranks actors with services for victims before perpetrators' programmes", async () => {
    const response = await graphql<{ search: { id: string; services: { audience: string }[] }[] }>(
      `{ search(text: "violences conjugales", limit: 50) { id services { audience } } }`,
    );
    const found = response.body.data!.search;
    const forVictims = (a: (typeof found)[number]) => a.services.some((s) => s.audience === "VICTIMS");
    const lastForVictims = found.findLastIndex(forVictims);

    expect(found.map((a) => a.id)).toContain("alcv");
    expect(found.findIndex((a) => a.id === "alcv")).toBeGreaterThan(lastForVictims);
    expect(found.findIndex((a) => a.id === "spip-92")).toBeGreaterThan(lastForVictims);
    expect(found.slice(0, lastForVictims + 1).every(forVictims)).toBe(true);
  });
});

describe("coordinators' writes", () => {
  it("reject an invalid record with BAD_USER_INPUT naming record and field, and write nothing", async () => {
    const response = await graphql(`mutation ($input: DatasetInput!) { saveDataset(input: $input) { nodesCreated } }`, {
      input: {
        actors: [
          {
            id: "association-au-mauvais-numero",
            name: "Association au mauvais numéro",
            kind: "ASSOCIATION",
            source: "seed-002",
            contacts: [{ channel: "PHONE", value: "0147914844", source: "seed-002" }],
            services: [{ id: "permanence-sans-besoin", name: "Permanence", kind: "LEGAL_PERMANENCE", audience: "VICTIMS", needs: [], area: ["92"], source: "seed-002" }],
          },
        ],
      },
    }, await tokenFor("COORDINATOR", { departement: "92" }));

    expect(response.statusCode).toBe(200);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      problems: [
        { record: "actors: association-au-mauvais-numero", field: "contacts[0].value", reason: expect.stringContaining("French number") },
        {
          record: "actors: association-au-mauvais-numero / services: permanence-sans-besoin",
          field: "needs",
          reason: "a service answers at least one need",
        },
      ],
    });
    expect(await cypher("MATCH (a:Actor {id: 'association-au-mauvais-numero'}) RETURN a")).toEqual([]);
  });

  it("update an existing service in place, keeping its relations, and replace the phone it no longer lists", async () => {
    const [before] = await cypher<{ id: string }>("MATCH (:Service {id: 'fvv-92-ecoute'})-[:HAS_CONTACT]->(c) RETURN c.id AS id");

    const response = await graphql(`mutation ($input: DatasetInput!) { saveDataset(input: $input) { nodesCreated relationshipsCreated } }`, {
      input: {
        sources: [{ id: "test-annuaire-2026", ref: "https://example.org/annuaire-2026", title: "Annuaire 2026 (test)", verifiedAt: "2026-11-01" }],
        actors: [
          {
            id: "fvv-92",
            name: "Femmes victimes de violences 92 (FVV 92)",
            kind: "NETWORK",
            departement: "92",
            covers: ["92"],
            source: "seed-002",
            services: [
              {
                id: "fvv-92-ecoute",
                name: "Ligne départementale d'écoute FVV 92",
                kind: "LISTENING_LINE",
                audience: "VICTIMS",
                needs: ["LISTENING"],
                area: ["92"],
                contacts: [{ channel: "PHONE", value: "01 00 00 00 00", source: "test-annuaire-2026" }],
                source: "seed-002",
              },
            ],
          },
        ],
      },
    }, await tokenFor("COORDINATOR", { departement: "92" }));

    expect(response.body.errors).toBeUndefined();
    const contacts = await cypher<{ value: string; source: string }>(
      "MATCH (:Service {id: 'fvv-92-ecoute'})-[:HAS_CONTACT]->(c) RETURN c.value AS value, c.source AS source",
    );
    expect(contacts).toEqual([{ value: "01 00 00 00 00", source: "https://example.org/annuaire-2026" }]);
    expect(await cypher("MATCH (c:ContactPoint {id: $id}) RETURN c", { id: before!.id })).toEqual([]);
    const [coordinators] = await cypher<{ n: number }>("MATCH (:Actor {id: 'fvv-92'})<-[:COORDINATES]-(a) RETURN count(a) AS n");
    expect(coordinators!.n).toBe(4);
  });
});
