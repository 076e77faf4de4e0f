/**
 * Front-line cases as a trained listener would answer them, asked through the Lambda handler
 * against the seeded graph: the expected first option of each need, and what must never come first.
 * Dates are given with their Paris offset: 2026-11-24 is a Tuesday, 2026-11-28 a Saturday,
 * 2026-12-25 (Noël) a Friday, 2026-05-01 a Friday, 2027-03-29 Easter Monday, 2026-07-14 a Tuesday;
 * summer time starts on 2026-03-29.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

interface Step {
  need: string;
  openNow: boolean | null;
  nextOpening: string | null;
  reasons: string[];
  referralOnly: boolean;
  service: { id: string };
}

interface Route {
  communeCode: string;
  communeName: string;
  covered: boolean;
  emergency: { number: string }[];
  steps: Step[];
  uncoveredNeeds: { need: string }[];
  excluded: { need: string; reasons: string[]; service: { id: string } }[];
}

const routeQuery = `query ($input: RouteRequest!) {
  referralRoute(input: $input) {
    communeCode communeName covered
    emergency { number }
    steps { need openNow nextOpening reasons referralOnly service { id } }
    uncoveredNeeds { need }
    excluded { need reasons service { id } }
  }
}`;

const tuesday10 = "2026-11-24T10:00:00+01:00";
const tuesday23 = "2026-11-24T23:00:00+01:00";
const saturday14 = "2026-11-28T14:00:00+01:00";
const sunday3 = "2026-11-29T03:00:00+01:00";

async function route(input: Record<string, unknown>): Promise<Route> {
  const response = await graphql<{ referralRoute: Route }>(routeQuery, { input });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.referralRoute;
}

// The first route outside the covered départements loads the table of every French commune; on a
// loaded machine that alone can approach a test's time limit, so it is paid here, under the hook's.
beforeAll(() => route({ commune: "75056", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"] }));

const first = (r: Route, need: string) => r.steps.find((s) => s.need === need);
const optionsOf = (r: Route, need: string) => r.steps.filter((s) => s.need === need).map((s) => s.service.id);
const exclusionOf = (r: Route, id: string) => r.excluded.find((e) => e.service.id === id);

interface Case {
  name: string;
  input: Record<string, unknown>;
  need: string;
  /** The first option, or the options any of which may come first. */
  firstIs: string | string[];
  never?: string[];
}

const cases: Case[] = [
  // Situations, each at least once.
  { name: "femme de 30 ans, violences sexuelles, Paris, mardi 10 h → 3919 ou Viols Femmes Informations d'abord", input: { commune: "Paris", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"], age: 30, at: tuesday10 }, need: "LISTENING", firstIs: ["ligne-3919-ecoute", "viols-femmes-informations-ecoute"], never: ["allo-119-ecoute"] },
  { name: "violences sexuelles, âge non précisé, Paris, mardi 10 h → une ligne pour adultes, le 119 après", input: { commune: "75056", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: ["ligne-3919-ecoute", "viols-femmes-informations-ecoute"] },
  { name: "violences conjugales, Nanterre, mardi 10 h, écoute → une écoute spécialisée du 92 ouverte (FVV 92, L'Escale, Flora Tristan)", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: ["fvv-92-ecoute", "lescale-accueil", "centre-flora-tristan-accueil"], never: ["arretonslesviolences-signalement"] },
  { name: "violences conjugales, Nanterre, samedi 14 h, écoute → 3919 (FVV 92 fermée)", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: saturday14 }, need: "LISTENING", firstIs: "ligne-3919-ecoute", never: ["arretonslesviolences-signalement"] },
  { name: "violences conjugales, Nanterre, mardi 23 h, écoute → 3919 jour et nuit, pas le tchat de la police", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: tuesday23 }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "violences intrafamiliales, Colombes, mardi, conseil juridique → une permanence juridique", input: { commune: "Colombes", situations: ["INTRAFAMILY_VIOLENCE"], needs: ["LEGAL_ADVICE"], at: tuesday10 }, need: "LEGAL_ADVICE", firstIs: ["mjd-blagis-acces-au-droit", "mjd-chatenay-malabry-acces-au-droit", "mjd-gennevilliers-acces-au-droit", "cdad-92-vif-point-justice-nanterre", "cdad-92-vif-mjd", "cdad-92-vif-france-services", "adavip-92-permanences-juridiques"] },
  { name: "mariage forcé, Clamart, mardi, écoute → 3919 (spécialisé, dédié aux femmes)", input: { commune: "Clamart", situations: ["FORCED_MARRIAGE"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "mutilations sexuelles, Antony, mardi, écoute → 3919", input: { commune: "Antony", situations: ["FGM"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "prostitution, Nanterre, jeudi, accompagnement social → un lieu d'accueil ou service social", input: { commune: "Nanterre", situations: ["SEXUAL_EXPLOITATION"], needs: ["SOCIAL_SUPPORT"], at: "2026-11-26T11:00:00+01:00" }, need: "SOCIAL_SUPPORT", firstIs: ["mouvement-du-nid-92-permanence-mdf-nanterre", "maison-des-femmes-nanterre-parcours"] },
  { name: "cyberharcèlement, Boulogne, mardi, écoute → 3018 ou 116 006 (spécialisés)", input: { commune: "Boulogne-Billancourt", situations: ["HARASSMENT"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: ["fvv-92-ecoute", "ligne-3018-violences-numeriques", "france-victimes-116006-ecoute"], never: ["arretonslesviolences-signalement"] },
  { name: "violences au travail, Courbevoie, mardi, écoute → FVV 92 ou 3919", input: { commune: "Courbevoie", situations: ["WORKPLACE_VIOLENCE"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: ["fvv-92-ecoute", "ligne-3919-ecoute"] },
  { name: "enfants exposés, Colombes, mardi, protection de l'enfance → service social ou 119, jamais de médiation", input: { commune: "Colombes", situations: ["CHILD_EXPOSURE"], needs: ["CHILD_PROTECTION"], at: tuesday10 }, need: "CHILD_PROTECTION", firstIs: ["allo-119-ecoute", "sst-92-evaluation", "ase-92-protection-enfance"] },

  // Each need's preferred kinds.
  { name: "plainte, Asnières, mardi 10 h → le commissariat d'Asnières", input: { commune: "Asnières-sur-Seine", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["COMPLAINT"], at: tuesday10 }, need: "COMPLAINT", firstIs: "commissariat-asnieres-sur-seine-accueil" },
  { name: "plainte, Issy-les-Moulineaux, samedi 14 h → le commissariat d'Issy", input: { commune: "Issy-les-Moulineaux", situations: ["SEXUAL_VIOLENCE"], needs: ["COMPLAINT"], at: saturday14 }, need: "COMPLAINT", firstIs: "commissariat-issy-les-moulineaux-accueil" },
  { name: "danger, Rueil-Malmaison, mardi 23 h, mise en sécurité → 17 ou 114", input: { commune: "Rueil-Malmaison", situations: ["SEXUAL_VIOLENCE"], needs: ["IMMEDIATE_SAFETY"], urgency: "IMMEDIATE_DANGER", at: tuesday23 }, need: "IMMEDIATE_SAFETY", firstIs: ["police-17-urgence", "urgence-114-sms"] },
  { name: "danger, Nanterre, mardi 23 h, mise en sécurité → 17, pas un foyer", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["IMMEDIATE_SAFETY"], urgency: "IMMEDIATE_DANGER", at: tuesday23 }, need: "IMMEDIATE_SAFETY", firstIs: ["police-17-urgence", "urgence-114-sms"], never: ["centre-flora-tristan-urgence"] },
  { name: "danger, Nanterre, hébergement d'urgence, dimanche 3 h → un hébergement qui agit ce soir", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], urgency: "IMMEDIATE_DANGER", at: sunday3 }, need: "EMERGENCY_SHELTER", firstIs: "centre-flora-tristan-urgence" },
  { name: "plainte, Nanterre, mardi 10 h → le commissariat de Nanterre avant le portail en ligne", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["COMPLAINT"], at: tuesday10 }, need: "COMPLAINT", firstIs: "commissariat-nanterre-accueil" },
  { name: "plainte, Garches (sans commissariat recensé), mardi → le portail en ligne", input: { commune: "Garches", situations: ["SEXUAL_VIOLENCE"], needs: ["COMPLAINT"], at: tuesday10 }, need: "COMPLAINT", firstIs: "arretonslesviolences-signalement" },
  { name: "soutien psychologique, Boulogne, mardi → consultation de victimologie", input: { commune: "Boulogne-Billancourt", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["PSYCHOLOGICAL"], at: tuesday10 }, need: "PSYCHOLOGICAL", firstIs: ["maison-du-droit-boulogne-soutien-psychologique", "adavip-92-consultation-victimologie", "adavip-92-savu"] },
  { name: "logement durable, Clamart → un hébergement ou logement", input: { commune: "Clamart", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["HOUSING"], at: tuesday10 }, need: "HOUSING", firstIs: ["centre-flora-tristan-hebergement-long", "programme-vff-92-hebergement", "afed-92-hebergement", "lescale-hebergement"] },
  { name: "emploi, Clamart → un accompagnement vers l'emploi", input: { commune: "Clamart", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMPLOYMENT"], at: tuesday10 }, need: "EMPLOYMENT", firstIs: ["cidff-92-nord-emploi", "cidff-92-sud-soutien", "accompagnement-rsa-femmes-92"] },
  { name: "accompagnement social, Châtillon, mardi → le Centre Flora Tristan (spécialisé) ou le pôle social, ouverts", input: { commune: "Châtillon", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["SOCIAL_SUPPORT"], at: tuesday10 }, need: "SOCIAL_SUPPORT", firstIs: ["centre-flora-tristan-accueil", "pole-social-chatillon"] },
  { name: "médico-légal, adulte, Garches → Maison des femmes de Clamart, jamais l'UAPED", input: { commune: "Garches", situations: ["SEXUAL_VIOLENCE"], needs: ["MEDICAL_FORENSIC"], age: 30, at: tuesday10 }, need: "MEDICAL_FORENSIC", firstIs: "maison-des-femmes-clamart-prise-en-charge", never: ["uaped-antoine-beclere-accueil"] },
  { name: "médico-légal, fille de 12 ans, Clamart → l'UAPED", input: { commune: "Clamart", situations: ["SEXUAL_VIOLENCE"], needs: ["MEDICAL_FORENSIC"], age: 12, at: tuesday10 }, need: "MEDICAL_FORENSIC", firstIs: "uaped-antoine-beclere-accueil" },
  { name: "suivi d'un auteur, Nanterre → le programme ALCV", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["PERPETRATOR_FOLLOW_UP"], at: tuesday10 }, need: "PERPETRATOR_FOLLOW_UP", firstIs: "alcv-programme-auteurs" },

  // Age, both ways.
  { name: "16 ans seule, Boulogne, hébergement → ni foyer pour adultes, ni rien d'autre que le 115", input: { commune: "Boulogne-Billancourt", situations: ["INTRAFAMILY_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], age: 16, at: tuesday10 }, need: "EMERGENCY_SHELTER", firstIs: "ligne-115-hebergement-urgence", never: ["centre-flora-tristan-urgence", "lescale-hebergement"] },
  { name: "15 ans, violences sexuelles, Nanterre, écoute → le 119 d'abord", input: { commune: "Nanterre", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"], age: 15, at: tuesday10 }, need: "LISTENING", firstIs: "allo-119-ecoute" },
  { name: "mère de 35 ans, enfants exposés → le 119 reste proposé pour ses enfants", input: { commune: "Antony", situations: ["CHILD_EXPOSURE"], needs: ["CHILD_PROTECTION"], age: 35, at: tuesday10 }, need: "CHILD_PROTECTION", firstIs: ["allo-119-ecoute", "sst-92-evaluation", "ase-92-protection-enfance"] },

  // Covered départements.
  { name: "Seine-et-Marne, Melun, enfants exposés → protection de l'enfance de Seine-et-Marne ou 119", input: { commune: "Melun", situations: ["CHILD_EXPOSURE"], needs: ["CHILD_PROTECTION"], at: tuesday10 }, need: "CHILD_PROTECTION", firstIs: ["ase-77-protection-enfance", "allo-119-ecoute"] },
  { name: "Seine-et-Marne, Meaux, conjugales, écoute → 3919 ou SOS Femmes 77", input: { commune: "Meaux", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: ["ligne-3919-ecoute"] },
  { name: "Deux-Sèvres, Niort, enfants exposés → jamais la conférence familiale", input: { commune: "Niort", situations: ["CHILD_EXPOSURE", "INTRAFAMILY_VIOLENCE"], needs: ["CHILD_PROTECTION"], at: tuesday10 }, need: "CHILD_PROTECTION", firstIs: ["allo-119-ecoute", "ams-79-accueil"], never: ["conference-familiale-79"] },

  // Outside coverage, by name.
  { name: "Lyon, conjugales, mardi 10 h → 3919", input: { commune: "Lyon", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: tuesday10 }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "Marseille, hébergement d'urgence → 115", input: { commune: "Marseille", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], at: tuesday23 }, need: "EMERGENCY_SHELTER", firstIs: "ligne-115-hebergement-urgence" },
  { name: "Lille, plainte → le portail en ligne", input: { commune: "Lille", situations: ["HARASSMENT"], needs: ["COMPLAINT"], at: tuesday10 }, need: "COMPLAINT", firstIs: "arretonslesviolences-signalement" },

  // Public holidays.
  { name: "Noël 11 h, Gennevilliers, écoute → 3919 (FVV 92 à confirmer)", input: { commune: "Gennevilliers", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: "2026-12-25T11:00:00+01:00" }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "1er mai 10 h, Clamart, écoute → 3919", input: { commune: "Clamart", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: "2026-05-01T10:00:00+02:00" }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "lundi de Pâques 10 h, Antony, violences sexuelles, écoute → 3919 (Viols Femmes Informations à confirmer)", input: { commune: "Antony", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"], age: 25, at: "2027-03-29T10:00:00+02:00" }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "14 juillet 10 h, Gennevilliers, conseil juridique → une permanence, aucune donnée ouverte", input: { commune: "Gennevilliers", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LEGAL_ADVICE"], at: "2026-07-14T10:00:00+02:00" }, need: "LEGAL_ADVICE", firstIs: ["cdad-92-vif-mjd", "cdad-92-vif-point-justice-nanterre", "cdad-92-vif-france-services", "cdad-92-vif-poste-nanterre", "adavip-92-permanences-juridiques", "mjd-gennevilliers-acces-au-droit"] },

  // Night, weekend, summer time.
  { name: "dimanche 3 h, Nanterre, écoute → 3919", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: sunday3 }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "samedi veille du passage à l'heure d'été, 20 h, Nanterre, écoute → 3919", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: "2026-03-28T20:00:00+01:00" }, need: "LISTENING", firstIs: "ligne-3919-ecoute" },
  { name: "nuit du passage à l'heure d'été, 3 h 30, Nanterre, danger → 17", input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["IMMEDIATE_SAFETY"], urgency: "IMMEDIATE_DANGER", at: "2026-03-29T03:30:00+02:00" }, need: "IMMEDIATE_SAFETY", firstIs: ["police-17-urgence", "urgence-114-sms"] },
];

describe("front-line cases: the first option of each need", () => {
  it("has at least forty cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const r = await route(c.input);
      const step = first(r, c.need);
      expect(step, `no option for ${c.need}`).toBeDefined();
      const expected = Array.isArray(c.firstIs) ? c.firstIs : [c.firstIs];
      expect(expected, `first was ${step!.service.id}; options ${optionsOf(r, c.need).join(", ")}`).toContain(step!.service.id);
      for (const id of c.never ?? []) expect(optionsOf(r, c.need)).not.toContain(id);
    });
  }
});

describe("front-line cases: what the route says", () => {
  it("Noël: FVV 92 is neither open nor closed, and reopens on Monday 28 December", async () => {
    const r = await route({ commune: "Gennevilliers", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: "2026-12-25T11:00:00+01:00", maxOptionsPerNeed: 10 });
    const fvv = r.steps.find((s) => s.service.id === "fvv-92-ecoute")!;
    expect(fvv.openNow).toBeNull();
    expect(fvv.reasons).toContain("jour férié (Noël) : horaires à confirmer");
    expect(Date.parse(fvv.nextOpening!)).toBe(Date.parse("2026-12-28T09:30:00+01:00"));
  });

  it("the day before Easter Monday, the next opening skips it", async () => {
    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: "2027-03-27T12:00:00+01:00", maxOptionsPerNeed: 10 });
    expect(Date.parse(r.steps.find((s) => s.service.id === "fvv-92-ecoute")!.nextOpening!)).toBe(Date.parse("2027-03-30T09:30:00+02:00"));
  });

  it("a 30-year-old woman is told why the 119 is left out", async () => {
    const r = await route({ commune: "Paris", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"], age: 30, at: tuesday10 });
    expect(exclusionOf(r, "allo-119-ecoute")?.reasons).toEqual(["service pour les mineurs (jusqu'à 17 ans)"]);
  });

  it("Paris is named Paris, outside coverage, with the national lines only", async () => {
    const r = await route({ commune: "paris", situations: ["SEXUAL_VIOLENCE"], needs: ["LISTENING"], at: tuesday10 });
    expect([r.communeCode, r.communeName, r.covered]).toEqual(["75056", "Paris", false]);
    expect(r.steps.map((s) => s.service.id)).toContain("viols-femmes-informations-ecoute");
  });

  it("a name with œ is found typed with oe or with œ, and two communes bearing it are both named", async () => {
    for (const typed of ["Oeuilly", "Œuilly", "oeuilly"]) {
      const response = await graphql(routeQuery, { input: { commune: typed, situations: ["HARASSMENT"] } });
      expect(response.body.errors?.[0]?.message).toMatch(/02565 Œuilly \(02\).*51410 Œuilly \(51\)/);
    }
    const r = await route({ commune: "Œting", situations: ["HARASSMENT"], needs: ["LISTENING"], at: tuesday10 });
    expect([r.communeCode, r.communeName]).toEqual(["57521", "Œting"]);
    expect((await route({ commune: "Oeting", situations: ["HARASSMENT"], needs: ["LISTENING"], at: tuesday10 })).communeCode).toBe("57521");
  });

  it("an INSEE code outside coverage answers with the commune's name", async () => {
    const r = await route({ commune: "69123", situations: ["HARASSMENT"], needs: ["LISTENING"], at: tuesday10 });
    expect(r.communeName).toBe("Lyon");
  });

  it("a name several communes bear is refused with their INSEE codes", async () => {
    const response = await graphql(routeQuery, { input: { commune: "Saint-Denis", situations: ["HARASSMENT"] } });
    const error = response.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.commune" });
    expect(error.message).toContain("93066 Saint-Denis (93)");
    expect(error.message).toContain("97411 Saint-Denis (974)");
  });

  it("forensic need in Garches: the CMJ is reached through the complaint step, without invented hours or phone", async () => {
    const r = await route({ commune: "Garches", situations: ["SEXUAL_VIOLENCE"], needs: ["MEDICAL_FORENSIC"], age: 30, at: tuesday10 });
    const cmj = r.steps.find((s) => s.service.id === "cmj-92-examen-sur-requisition")!;
    expect(cmj.referralOnly).toBe(true);
    expect(cmj.reasons).toContain("sur orientation : réquisition judiciaire délivrée par la police ou la gendarmerie après le dépôt de plainte");
    expect(cmj.openNow).toBeNull();
    expect(cmj.reasons).toContain("horaires inconnus");
  });

  it("an unaccompanied 16-year-old is told why adult shelters are left out", async () => {
    const r = await route({ commune: "Boulogne-Billancourt", situations: ["INTRAFAMILY_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], age: 16, at: tuesday10 });
    expect(exclusionOf(r, "centre-flora-tristan-urgence")?.reasons).toContain(
      "hébergement pour adultes : une mineure relève de la protection de l'enfance (ASE, 119)",
    );
    expect(r.emergency).toEqual([]);
  });

  it("the conférence familiale is left out with the Istanbul Convention's reason", async () => {
    const r = await route({ commune: "Niort", situations: ["INTRAFAMILY_VIOLENCE"], needs: ["CHILD_PROTECTION"], at: tuesday10 });
    expect(exclusionOf(r, "conference-familiale-79")?.reasons).toEqual([
      "médiation familiale : jamais proposée en situation de violences (Convention d'Istanbul, art. 48)",
    ]);
  });

  it("a PH off service is closed on 1 May, a PH service open on 14 July", async () => {
    const response = await graphql(`mutation ($input: DatasetInput!) { saveDataset(input: $input) { nodesCreated } }`, {
      input: {
        sources: [{ id: "test-ph", ref: "https://example.org/ph", title: "Fiche de test", verifiedAt: "2026-11-20" }],
        actors: [
          {
            id: "test-ph-association",
            name: "Association de test",
            kind: "ASSOCIATION",
            departement: "92",
            source: "test-ph",
            services: [
              { id: "test-ph-off", name: "Permanence fermée les jours fériés", kind: "LEGAL_PERMANENCE", audience: "VICTIMS", situations: ["FGM"], needs: ["LEGAL_ADVICE"], area: ["92073"], schedule: { openingHours: "Mo-Fr 09:00-18:00; PH off", source: "test-ph" }, source: "test-ph" },
              { id: "test-ph-open", name: "Permanence ouverte les jours fériés", kind: "LEGAL_PERMANENCE", audience: "VICTIMS", situations: ["FGM"], needs: ["LEGAL_ADVICE"], area: ["92073"], schedule: { openingHours: "Mo-Fr 09:00-18:00; PH 10:00-12:00", source: "test-ph" }, source: "test-ph" },
            ],
          },
        ],
      },
    }, await tokenFor("COORDINATOR", { departement: "92" }));
    expect(response.body.errors).toBeUndefined();

    const mayDay = await route({ commune: "Suresnes", situations: ["FGM"], needs: ["LEGAL_ADVICE"], at: "2026-05-01T11:00:00+02:00" });
    const byId = (r: Route, id: string) => r.steps.find((s) => s.service.id === id)!;
    expect(byId(mayDay, "test-ph-off").openNow).toBe(false);
    expect(byId(mayDay, "test-ph-open").openNow).toBe(true);
    expect(first(mayDay, "LEGAL_ADVICE")!.service.id).toBe("test-ph-open");
    const bastilleDay = await route({ commune: "Suresnes", situations: ["FGM"], needs: ["LEGAL_ADVICE"], at: "2026-07-14T11:00:00+02:00" });
    expect(byId(bastilleDay, "test-ph-open").openNow).toBe(true);
    expect(Date.parse(byId(bastilleDay, "test-ph-off").nextOpening!)).toBe(Date.parse("2026-07-15T09:00:00+02:00"));
  });
});
