/**
 * Cases a front-line worker meets, asked through the Lambda handler against the seeded graph.
 * Times are given with their Paris offset; 2026-11-24 is a Tuesday, 2026-11-28 a Saturday.
 */
import { describe, expect, it } from "vitest";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

interface Step {
  rank: number;
  need: string;
  openNow: boolean | null;
  nextOpening: string | null;
  placesFree: number | null;
  proximity: string;
  referralOnly: boolean;
  reasons: string[];
  service: { id: string; audience: string };
}

interface Route {
  communeCode: string;
  communeName: string;
  covered: boolean;
  needs: string[];
  emergency: { number: string; label: string; available: string; channel: string }[];
  steps: Step[];
  uncoveredNeeds: { need: string; reason: string }[];
  excluded: { need: string; reasons: string[]; service: { id: string; audience: string } }[];
  excludedTruncated: boolean;
}

const routeQuery = `query ($input: RouteRequest!) {
  referralRoute(input: $input) {
    communeCode communeName covered needs
    emergency { number label available channel }
    steps { rank need openNow nextOpening placesFree proximity referralOnly reasons service { id audience } }
    uncoveredNeeds { need reason }
    excluded { need reasons service { id audience } }
    excludedTruncated
  }
}`;

const tuesdayMorning = "2026-11-24T10:00:00+01:00";
const tuesdayNight = "2026-11-24T23:00:00+01:00";
const saturdayAfternoon = "2026-11-28T14:00:00+01:00";

async function route(input: Record<string, unknown>, token?: string): Promise<Route> {
  const response = await graphql<{ referralRoute: Route }>(routeQuery, { input }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.referralRoute;
}

async function routeError(input: Record<string, unknown>) {
  const response = await graphql(routeQuery, { input });
  expect(response.body.data ?? null).toBeNull();
  return response.body.errors![0]!;
}

const stepsFor = (r: Route, need: string) => r.steps.filter((s) => s.need === need);
const ids = (steps: { service: { id: string } }[]) => steps.map((s) => s.service.id);

async function addShelter(id: string, capacity: Record<string, unknown>, eligibility: Record<string, unknown> = {}) {
  const response = await graphql(`mutation ($input: DatasetInput!) { saveDataset(input: $input) { nodesCreated } }`, {
    input: {
      sources: [{ id: `test-${id}`, ref: `https://example.org/${id}`, title: "Fiche de test", verifiedAt: "2026-11-20" }],
      actors: [
        {
          id: `test-${id}-operateur`,
          name: `Opérateur ${id}`,
          kind: "SHELTER_OPERATOR",
          departement: "92",
          source: `test-${id}`,
          services: [
            {
              id,
              name: `Hébergement ${id}`,
              kind: "HOUSING_PLACES",
              audience: "VICTIMS",
              situations: ["INTIMATE_PARTNER_VIOLENCE"],
              needs: ["EMERGENCY_SHELTER"],
              eligibility: { gender: "WOMEN", ...eligibility },
              actsTonight: true,
              area: ["92"],
              schedule: { openingHours: "24/7", source: `test-${id}` },
              capacity: { ...capacity, source: `test-${id}` },
              source: `test-${id}`,
            },
          ],
        },
      ],
    },
  }, await tokenFor("COORDINATOR", { departement: "92" }));
  expect(response.body.errors).toBeUndefined();
}

describe("a woman in immediate danger", () => {
  it("gets 17, 112, 114 by SMS and 3919 first, available day and night", async () => {
    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: tuesdayNight });

    expect(r.emergency.map((e) => [e.number, e.channel, e.available])).toEqual([
      ["17", "PHONE", "24h/24, 7j/7"],
      ["112", "PHONE", "24h/24, 7j/7"],
      ["114", "SMS", "24h/24, 7j/7"],
      ["3919", "PHONE", "24h/24, 7j/7"],
    ]);
  });

  it("starts the route with immediate safety, then shelter, with what can act tonight", async () => {
    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: tuesdayNight });

    expect(r.needs.slice(0, 2)).toEqual(["IMMEDIATE_SAFETY", "EMERGENCY_SHELTER"]);
    expect(r.steps[0]!.need).toBe("IMMEDIATE_SAFETY");
    expect(r.steps.map((s) => s.rank)).toEqual(r.steps.map((_, i) => i + 1));
    for (const step of stepsFor(r, "IMMEDIATE_SAFETY")) {
      expect(step.openNow).toBe(true);
      expect(step.reasons).toContain("peut agir ce soir");
    }
    expect(ids(stepsFor(r, "IMMEDIATE_SAFETY"))).toContain("police-17-urgence");
  });

  it("mentions Téléphone Grave Danger as granted by the procureur, not as something to book", async () => {
    const r = await route({
      commune: "Colombes",
      situations: ["INTIMATE_PARTNER_VIOLENCE"],
      needs: ["IMMEDIATE_SAFETY"],
      urgency: "IMMEDIATE_DANGER",
      at: tuesdayNight,
      maxOptionsPerNeed: 10,
    });

    const tgd = r.steps.find((s) => s.service.id.includes("tgd") || s.reasons.some((reason) => reason.includes("procureur")));
    expect(tgd).toBeDefined();
    expect(tgd!.referralOnly).toBe(true);
    expect(tgd!.reasons.join(" ")).toMatch(/procureur.*ne se réserve pas/);
    expect(tgd!.rank).toBeGreaterThan(r.steps.find((s) => s.service.id === "police-17-urgence")!.rank);
  });
});

describe("hours, in Europe/Paris time", () => {
  it("puts the departmental line FVV 92 before the national 3919 on a weekday morning, when both are open", async () => {
    const r = await route({ commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: tuesdayMorning, maxOptionsPerNeed: 10 });

    const listening = ids(r.steps);
    expect(listening.indexOf("fvv-92-ecoute")).toBeGreaterThanOrEqual(0);
    expect(listening.indexOf("fvv-92-ecoute")).toBeLessThan(listening.indexOf("ligne-3919-ecoute"));
    expect(r.steps.find((s) => s.service.id === "fvv-92-ecoute")).toMatchObject({ openNow: true, nextOpening: null, proximity: "DEPARTEMENT" });
  });

  it("puts the 24/7 national 3919 first at night, and says when FVV 92 opens again", async () => {
    const r = await route({ commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: tuesdayNight, maxOptionsPerNeed: 10 });

    const listening = ids(r.steps);
    expect(listening.indexOf("ligne-3919-ecoute")).toBeLessThan(listening.indexOf("fvv-92-ecoute"));
    const fvv = r.steps.find((s) => s.service.id === "fvv-92-ecoute")!;
    expect(fvv.openNow).toBe(false);
    expect(Date.parse(fvv.nextOpening!)).toBe(Date.parse("2026-11-25T09:30:00+01:00"));
    expect(fvv.reasons[0]).toBe("fermé maintenant, ouvre mercredi 25 novembre à 09h30");
  });

  it("on a Saturday, sends to what is open and gives Monday's opening for the weekday line", async () => {
    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: saturdayAfternoon, maxOptionsPerNeed: 10 });

    expect(r.steps[0]!.openNow).toBe(true);
    const fvv = r.steps.find((s) => s.service.id === "fvv-92-ecoute")!;
    expect(Date.parse(fvv.nextOpening!)).toBe(Date.parse("2026-11-30T09:30:00+01:00"));
  });

  it("gives the next opening across the change to summer time", async () => {
    const r = await route({
      commune: "Nanterre",
      situations: ["INTIMATE_PARTNER_VIOLENCE"],
      needs: ["LISTENING"],
      at: "2026-03-28T20:00:00+01:00",
      maxOptionsPerNeed: 10,
    });

    const fvv = r.steps.find((s) => s.service.id === "fvv-92-ecoute")!;
    expect(Date.parse(fvv.nextOpening!)).toBe(Date.parse("2026-03-30T09:30:00+02:00"));
  });

  it("says when hours are only known in words, rather than guessing an opening", async () => {
    const r = await route({ commune: "Antony", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["PSYCHOLOGICAL"], at: tuesdayMorning, maxOptionsPerNeed: 10 });

    const savu = r.steps.find((s) => s.service.id === "adavip-92-savu")!;
    expect(savu.openNow).toBeNull();
    expect(savu.nextOpening).toBeNull();
    expect(savu.reasons[0]).toMatch(/^horaires non structurés : .*23 ?h ?30/);
  });
});

describe("eligibility", () => {
  it("tells a worker with a mother and children which shelters take children", async () => {
    const r = await route({ commune: "Gennevilliers", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], withChildren: true, at: tuesdayNight });

    expect(r.steps.length).toBeGreaterThan(0);
    for (const step of r.steps) expect(step.reasons.some((reason) => /enfants/.test(reason))).toBe(true);
  });

  it("leaves out a shelter that does not take children, and says so", async () => {
    await addShelter("test-foyer-sans-enfants", { placesTotal: 10, placesFree: 3, updatedAt: "2026-11-20" }, { children: "NOT_ACCEPTED" });

    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], withChildren: true, at: tuesdayNight });

    expect(ids(r.steps)).not.toContain("test-foyer-sans-enfants");
    expect(r.excluded.find((e) => e.service.id === "test-foyer-sans-enfants")?.reasons).toEqual(["n'accueille pas les enfants"]);
  });

  it("for a 16-year-old, adds 119 to the emergency numbers and leaves out services for adults", async () => {
    const r = await route({ commune: "Clamart", situations: ["SEXUAL_VIOLENCE"], urgency: "URGENT", age: 16, at: tuesdayMorning });

    expect(r.emergency.map((e) => e.number)).toContain("119");
    expect(ids(r.steps)).not.toContain("maison-des-femmes-clamart-prise-en-charge");
    expect(r.excluded.find((e) => e.service.id === "maison-des-femmes-clamart-prise-en-charge")?.reasons).toEqual(["à partir de 18 ans"]);
  });

  it("leaves out services that speak none of her languages, and keeps those whose languages are unknown", async () => {
    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], languages: ["ar"], at: tuesdayMorning, maxOptionsPerNeed: 10 });

    expect(ids(r.steps)).toContain("ligne-3919-ecoute");
    expect(r.steps.find((s) => s.service.id === "fvv-92-ecoute")?.reasons).toContain("langues parlées non précisées");
  });

  it("sends to the commune's own services and leaves out those reserved to other communes", async () => {
    const r = await route({
      commune: "Gennevilliers",
      situations: ["INTIMATE_PARTNER_VIOLENCE"],
      needs: ["COMPLAINT", "SOCIAL_SUPPORT"],
      at: tuesdayMorning,
      maxOptionsPerNeed: 10,
    });

    expect(ids(stepsFor(r, "COMPLAINT"))).toContain("commissariat-gennevilliers-accueil");
    const permanence = stepsFor(r, "SOCIAL_SUPPORT").find((s) => s.service.id === "adavip-92-intervenants-sociaux-commissariats")!;
    expect(permanence.proximity).toBe("SAME_COMMUNE");
    expect(permanence.reasons).toContain("à Gennevilliers : Commissariat de Gennevilliers");
    expect(r.excluded.find((e) => e.service.id === "commissariat-antony-accueil")?.reasons).toEqual(["hors secteur : réservé à Antony"]);
  });

  it("lists at most 5 services of other communes per need, those of her EPT first, and says the list was cut", async () => {
    const r = await route({ commune: "Gennevilliers", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["COMPLAINT"], at: tuesdayMorning });

    // Eight commissariats of seed/ serve one other commune each; Asnières, Colombes and Villeneuve-la-Garenne share Gennevilliers' EPT.
    expect(ids(r.excluded)).toEqual([
      "commissariat-asnieres-sur-seine-accueil",
      "commissariat-colombes-accueil",
      "commissariat-villeneuve-la-garenne-accueil",
      "commissariat-antony-accueil",
      "commissariat-boulogne-billancourt-accueil",
    ]);
    expect(r.excludedTruncated).toBe(true);
  });
});

describe("capacity", () => {
  it("does not propose a shelter with no free place as available", async () => {
    await addShelter("test-foyer-complet", { placesTotal: 12, placesFree: 0, updatedAt: "2026-11-23" });

    const r = await route(
      { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], at: tuesdayNight, maxOptionsPerNeed: 10 },
      await tokenFor("FRONTLINE"),
    );

    expect(ids(r.steps)).not.toContain("test-foyer-complet");
    expect(r.excluded.find((e) => e.service.id === "test-foyer-complet")?.reasons).toEqual(["aucune place libre (au 23/11/2026)"]);
  });

  it("gives a front-line worker the number of free places when known, and says 'unknown' otherwise", async () => {
    await addShelter("test-foyer-disponible", { placesTotal: 8, placesFree: 2, updatedAt: "2026-11-23" });
    const input = { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], at: tuesdayNight, maxOptionsPerNeed: 10 };

    const r = await route(input, await tokenFor("FRONTLINE"));

    expect(r.steps.find((s) => s.service.id === "test-foyer-disponible")).toMatchObject({ placesFree: 2 });
    expect(r.steps.find((s) => s.service.id === "test-foyer-disponible")!.reasons).toContain("2 place(s) libre(s) au 23/11/2026");
    const lescale = r.steps.find((s) => s.service.id === "lescale-hebergement")!;
    expect(lescale.placesFree).toBeNull();
    expect(lescale.reasons).toContain("places libres : inconnu");
  });

  it("tells the public only that places are free, not how many", async () => {
    await addShelter("test-foyer-public", { placesTotal: 8, placesFree: 5, updatedAt: "2026-11-23" });

    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER"], at: tuesdayNight, maxOptionsPerNeed: 10 });

    const step = r.steps.find((s) => s.service.id === "test-foyer-public")!;
    expect(step.placesFree).toBeNull();
    expect(step.reasons).toContain("places libres : oui");
    expect(JSON.stringify(r)).not.toMatch(/5 place/);
  });
});

describe("territory", () => {
  it("resolves a commune by name whatever its accents and case", async () => {
    const r = await route({ commune: "chatenay malabry", situations: ["INTIMATE_PARTNER_VIOLENCE"], at: tuesdayMorning });

    expect([r.communeCode, r.communeName, r.covered]).toEqual(["92019", "Châtenay-Malabry", true]);
  });

  it("outside the covered départements, gives the national lines and explains the uncovered needs", async () => {
    const r = await route({ commune: "69123", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "URGENT", at: tuesdayMorning });

    expect(r.covered).toBe(false);
    expect(r.emergency.map((e) => e.number)).toEqual(["17", "112", "114", "3919"]);
    expect(r.steps.length).toBeGreaterThan(0);
    expect(r.steps.every((s) => s.proximity === "NATIONAL")).toBe(true);
    const legal = r.uncoveredNeeds.find((u) => u.need === "LEGAL_ADVICE");
    expect(legal?.reason).toMatch(/ne couvre pas encore le département 69/);
  });

  it("in Seine-et-Marne, proposes the Seine-et-Marne partners", async () => {
    const r = await route({ commune: "Meaux", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["EMERGENCY_SHELTER", "HOUSING", "LISTENING"], at: tuesdayMorning, maxOptionsPerNeed: 10 });

    expect(r.covered).toBe(true);
    expect(r.steps.some((s) => s.service.id.startsWith("sos-femmes-77"))).toBe(true);
    expect(r.steps.some((s) => s.service.id.startsWith("lescale"))).toBe(false);
  });

  it("on a Thursday, sends a woman in prostitution first to the Mouvement du Nid's permanence in her commune", async () => {
    const r = await route({ commune: "Nanterre", situations: ["SEXUAL_EXPLOITATION"], needs: ["LISTENING"], at: "2026-11-26T11:00:00+01:00" });

    expect(r.steps[0]).toMatchObject({ service: { id: "mouvement-du-nid-92-permanence-mdf-nanterre" }, openNow: true, proximity: "SAME_COMMUNE" });
    expect(r.steps[0]!.reasons).toContain("spécialisé dans cette situation");
  });
});

describe("perpetrators and victims", () => {
  it("gives a perpetrator's route only perpetrator programmes, on referral", async () => {
    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["PERPETRATOR_FOLLOW_UP"], at: tuesdayMorning });

    expect(ids(r.steps)).toEqual(["alcv-programme-auteurs"]);
    expect(r.steps[0]).toMatchObject({ referralOnly: true });
    expect(r.steps[0]!.reasons.some((reason) => reason.startsWith("sur orientation : SPIP 92"))).toBe(true);
    expect([...r.steps, ...r.excluded].every((s) => s.service.audience === "PERPETRATORS")).toBe(true);
  });

  it("never mixes a perpetrator programme into a victim's route, not even as left out", async () => {
    const r = await route({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "URGENT", at: tuesdayMorning, maxOptionsPerNeed: 10 });

    expect([...r.steps, ...r.excluded].some((s) => s.service.audience === "PERPETRATORS")).toBe(false);
  });
});

describe("the route as partner apps use it", () => {
  it("is deterministic for the same data and input", async () => {
    const input = { commune: "Boulogne-Billancourt", situations: ["INTIMATE_PARTNER_VIOLENCE", "CHILD_EXPOSURE"], urgency: "URGENT", at: tuesdayMorning };

    expect(await route(input)).toEqual(await route(input));
  });

  it("lets a partner app traverse a step's service and actor like any graph node", async () => {
    const response = await graphql<{
      referralRoute: { steps: { service: { id: string; contacts: { value: string }[] }; actor: { coordinatedBy: { id: string }[] } }[] };
    }>(
      `query ($input: RouteRequest!) {
        referralRoute(input: $input) { steps { service { id contacts { value } } actor { coordinatedBy(sort: { id: ASC }) { id } } } }
      }`,
      { input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING"], at: tuesdayMorning, maxOptionsPerNeed: 10 } },
    );

    const fvv = response.body.data?.referralRoute.steps.find((s) => s.service.id === "fvv-92-ecoute");
    expect(fvv).toEqual({
      service: { id: "fvv-92-ecoute", contacts: [{ value: "01 47 91 48 44" }] },
      actor: { coordinatedBy: ["adavip-92", "afed-92", "lescale", "sos-femmes-alternative"].map((id) => ({ id })) },
    });
  });
});

describe("bad requests", () => {
  it("rejects an unknown commune, naming the field", async () => {
    const unknown = await routeError({ commune: "Gotham", situations: ["INTIMATE_PARTNER_VIOLENCE"] });

    expect(unknown.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.commune" });
    expect(unknown.message).toMatch(/neither the name nor the INSEE code of a French commune/);
  });

  it("rejects an empty list of situations", async () => {
    const error = await routeError({ commune: "Nanterre", situations: [] });

    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.situations" });
  });

  it("rejects a route that mixes a perpetrator's and a victim's needs", async () => {
    const error = await routeError({ commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], needs: ["LISTENING", "PERPETRATOR_FOLLOW_UP"] });

    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.needs" });
  });

  it("rejects an unknown situation code and an unparsable time with BAD_USER_INPUT", async () => {
    const unknownCode = await graphql(routeQuery, { input: { commune: "Nanterre", situations: ["BURGLARY"] } });
    const badTime = await graphql(routeQuery, { input: { commune: "Nanterre", situations: ["FGM"], at: "demain soir" } });

    expect(unknownCode.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknownCode.body.errors?.[0]?.message).toMatch(/situations/);
    expect(badTime.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badTime.body.errors?.[0]?.message).toMatch(/\bat\b/);
  });
});
