/**
 * rankRoute without a database: functions/routes/RANKING.md walked in order. Each case makes two
 * options equal on every criterion but the one under test, so that criterion alone decides.
 */
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { NeedCode } from "../generated/graphql";
import { openingStatus } from "../functions/domain/opening-status";
import { leaveOutRules, maxExcludedPerNeed, rankingCriteria, rankRoute, type CandidateRow, type OutOfReachRow, type RouteRequestPlan } from "../functions/routes/rank-route";

const tuesdayMorning = DateTime.fromISO("2026-11-24T10:00:00+01:00", { setZone: true });

function plan(overrides: Partial<RouteRequestPlan> = {}): RouteRequestPlan {
  return {
    communeCode: "92050",
    communeName: "Nanterre",
    departement: "92",
    covered: true,
    situations: ["INTIMATE_PARTNER_VIOLENCE"],
    urgency: "PLANNED",
    at: tuesdayMorning,
    withChildren: null,
    age: null,
    languages: [],
    maxOptionsPerNeed: 10,
    showsPlaceCounts: true,
    ...overrides,
  };
}

function candidate(id: string, service: Partial<CandidateRow["service"]> = {}, row: Partial<CandidateRow> = {}): CandidateRow {
  return {
    service: {
      id,
      kind: "LISTENING_LINE",
      gender: null,
      minAge: null,
      maxAge: null,
      children: null,
      referralRequired: false,
      referredBy: null,
      languages: [],
      actsTonight: false,
      unverified: false,
      verifiedAt: "2026-11-23",
      situations: [],
      ...service,
    },
    actor: { id: `${id}-actor` },
    areaReach: 2,
    places: [],
    confidentialPlace: false,
    schedule: { openingHours: "24/7", description: null },
    capacity: null,
    ...row,
  };
}

function elsewhere(id: string, areaNames: string[], lookupOrder = 0, areasServed = areaNames.length): OutOfReachRow {
  return { serviceId: id, actorId: `${id}-actor`, areaNames, areasServed, lookupOrder };
}

function order(need: NeedCode, candidates: CandidateRow[], request: Partial<RouteRequestPlan> = {}) {
  const route = rankRoute(plan(request), [{ need, candidates, outOfReach: [] }], [], false);
  return { ids: route.steps.map((s) => s.serviceId), route };
}

describe("RANKING.md and rankRoute say the same", () => {
  const document = readFileSync(new URL("../functions/routes/RANKING.md", import.meta.url), "utf8");

  it("lists as many leave-out rules and ranking criteria as the code applies", () => {
    const section = (title: string) => document.split(title)[1]!.split("\n## ")[0]!;
    const numberedRows = (text: string) => text.split("\n").filter((line) => /^\| \d+ \|/.test(line)).length;
    expect(numberedRows(section("## 1. Services left out"))).toBe(leaveOutRules.length);
    // The last row of section 2 is the tie-break by id, which is not a criterion.
    expect(numberedRows(section("## 2. Order of the options"))).toBe(rankingCriteria.length + 1);
  });
});

describe("leave-out rules, in order", () => {
  const reasonsOf = (row: CandidateRow, request: Partial<RouteRequestPlan> = {}, need: NeedCode = "LISTENING") =>
    rankRoute(plan(request), [{ need, candidates: [row], outOfReach: [] }], [], false).excluded[0]?.reasons ?? [];

  it("1. below the minimum age", () => {
    expect(reasonsOf(candidate("a", { minAge: 18 }), { age: 16 })).toEqual(["à partir de 18 ans"]);
  });
  it("2. above the maximum age: a children's line is left out for an adult, kept when the route is for her children", () => {
    const line119 = candidate("allo-119", { maxAge: 17, situations: ["SEXUAL_VIOLENCE", "CHILD_EXPOSURE"] });
    expect(reasonsOf(line119, { age: 30, situations: ["SEXUAL_VIOLENCE"] })).toEqual(["service pour les mineurs (jusqu'à 17 ans)"]);
    expect(reasonsOf(line119, { age: 30, situations: ["CHILD_EXPOSURE"] })).toEqual([]);
    expect(reasonsOf(line119, { age: 30 }, "CHILD_PROTECTION")).toEqual([]);
    expect(reasonsOf(candidate("a", { maxAge: 25 }), { age: 30 })).toEqual(["jusqu'à 25 ans"]);
  });
  it("3. adult housing for an unaccompanied minor", () => {
    expect(reasonsOf(candidate("foyer", { kind: "HOUSING_PLACES", gender: "WOMEN" }), { age: 16 }, "EMERGENCY_SHELTER")).toEqual([
      "hébergement pour adultes : une mineure relève de la protection de l'enfance (ASE, 119)",
    ]);
    expect(reasonsOf(candidate("foyer", { kind: "HOUSING_PLACES", gender: "WOMEN" }), { age: 19 }, "EMERGENCY_SHELTER")).toEqual([]);
  });
  it("4. children not accepted", () => {
    expect(reasonsOf(candidate("a", { children: "NOT_ACCEPTED" }), { withChildren: true })).toEqual(["n'accueille pas les enfants"]);
  });
  it("5. none of her languages", () => {
    expect(reasonsOf(candidate("a", { languages: ["fr"] }), { languages: ["ar"] })).toEqual(["langues parlées : fr"]);
  });
  it("6. housing without a free place", () => {
    const full = candidate("a", { kind: "HOUSING_PLACES" }, { capacity: { placesTotal: 4, placesFree: 0, updatedAt: "2026-11-23" } });
    expect(reasonsOf(full, {}, "EMERGENCY_SHELTER")).toEqual(["aucune place libre (au 23/11/2026)"]);
  });
  it("7. family mediation, never in a situation of violence", () => {
    expect(reasonsOf(candidate("conference-familiale", { kind: "FAMILY_MEDIATION" }), { situations: ["INTRAFAMILY_VIOLENCE"] }, "CHILD_PROTECTION")).toEqual([
      "médiation familiale : jamais proposée en situation de violences (Convention d'Istanbul, art. 48)",
    ]);
  });
});

describe("services of other communes, and the bound of excluded", () => {
  const listed = (route: ReturnType<typeof rankRoute>) => route.excluded.map((e) => `${e.need} ${e.serviceId}`);

  it("leaves out a service of other communes with that reason alone, even when another rule would apply to her", () => {
    const route = rankRoute(plan({ age: 16 }), [{ need: "LISTENING", candidates: [], outOfReach: [elsewhere("a", ["Antony", "Sceaux"])] }], [], false);
    expect(route.excluded).toEqual([{ serviceId: "a", actorId: "a-actor", need: "LISTENING", reasons: ["hors secteur : réservé à Antony, Sceaux"] }]);
    expect(route.excludedTruncated).toBe(false);
  });

  it("names the territories the query named and counts the others it serves", () => {
    const reasonOf = (row: OutOfReachRow) => rankRoute(plan(), [{ need: "LISTENING", candidates: [], outOfReach: [row] }], [], false).excluded[0]?.reasons;

    expect(reasonOf(elsewhere("a", ["Niort", "Chauray", "Aiffres"], 0, 45))).toEqual(["hors secteur : réservé à Niort, Chauray, Aiffres et 42 autres territoires"]);
    expect(reasonOf(elsewhere("b", ["Niort", "Chauray", "Aiffres"], 0, 4))).toEqual(["hors secteur : réservé à Niort, Chauray, Aiffres et 1 autre territoire"]);
    expect(reasonOf(elsewhere("c", ["Niort", "Chauray", "Aiffres"], 0, 3))).toEqual(["hors secteur : réservé à Niort, Chauray, Aiffres"]);
  });

  it(`lists at most ${maxExcludedPerNeed} per need: those in reach left out for her first, then the others in the order the query looked them up`, () => {
    const tooYoung = ["a-young", "b-young"].map((id) => candidate(id, { minAge: 18 }));
    const others = [elsewhere("z-near", ["Puteaux"], 0), elsewhere("y-near", ["Suresnes"], 1), elsewhere("a-far", ["Antony"], 7), elsewhere("b-far", ["Bagneux"], 9), elsewhere("c-far", ["Clamart"], 12)];
    const route = rankRoute(plan({ age: 16 }), [{ need: "LISTENING", candidates: tooYoung, outOfReach: [...others].reverse() }, { need: "LEGAL_ADVICE", candidates: [], outOfReach: others.slice(0, 2) }], [], false);

    expect(listed(route)).toEqual(["LISTENING a-young", "LISTENING b-young", "LISTENING z-near", "LISTENING y-near", "LISTENING a-far", "LEGAL_ADVICE z-near", "LEGAL_ADVICE y-near"]);
    expect(route.excludedTruncated).toBe(true);
  });

  it(`says the list is whole when no need has more than ${maxExcludedPerNeed} and the query looked at every service of other communes`, () => {
    const others = Array.from({ length: maxExcludedPerNeed }, (_, i) => elsewhere(`s${i}`, ["Antony"], i));
    expect(rankRoute(plan(), [{ need: "LISTENING", candidates: [], outOfReach: others }], [], false).excludedTruncated).toBe(false);
    expect(rankRoute(plan(), [{ need: "LISTENING", candidates: [], outOfReach: others }], [], true).excludedTruncated).toBe(true);
  });

  it("keeps the steps whatever the bound: a need's options are ranked among every service in reach", () => {
    const route = rankRoute(plan({ age: 16 }), [{ need: "LISTENING", candidates: [...Array.from({ length: 8 }, (_, i) => candidate(`young-${i}`, { minAge: 18 })), candidate("open")], outOfReach: [] }], [], false);
    expect(route.steps.map((s) => s.serviceId)).toEqual(["open"]);
    expect(route.excluded).toHaveLength(maxExcludedPerNeed);
  });
});

describe("ranking criteria, in order: each alone decides", () => {
  it("1. in immediate danger, what acts tonight first", () => {
    const candidates = [candidate("a-day"), candidate("b-tonight", { actsTonight: true })];
    expect(order("LISTENING", candidates, { urgency: "IMMEDIATE_DANGER" }).ids).toEqual(["b-tonight", "a-day"]);
    expect(order("LISTENING", candidates).ids).toEqual(["a-day", "b-tonight"]);
  });

  it("2. age fit: children's services after adult ones when her age is unknown, first for a minor", () => {
    const candidates = [candidate("a-119", { maxAge: 17 }), candidate("b-adult")];
    const unknownAge = order("LISTENING", candidates, { situations: ["SEXUAL_VIOLENCE"] });
    expect(unknownAge.ids).toEqual(["b-adult", "a-119"]);
    expect(unknownAge.route.steps[1]!.reasons).toContain("service pour les enfants : proposé après les services pour adultes");
    expect(order("LISTENING", candidates, { age: 15 }).ids).toEqual(["a-119", "b-adult"]);
  });

  it("3. need × kind fit: made for the need, then fitting, then the others", () => {
    const shelter = candidate("a-shelter", { kind: "HOUSING_PLACES", actsTonight: true });
    const device = candidate("b-device", { kind: "PROTECTION_DEVICE", actsTonight: true });
    const line17 = candidate("c-17", { kind: "EMERGENCY_LINE", actsTonight: true });
    const danger = order("IMMEDIATE_SAFETY", [shelter, device, line17], { urgency: "IMMEDIATE_DANGER" });
    expect(danger.ids).toEqual(["c-17", "b-device", "a-shelter"]);
    expect(danger.route.steps[0]!.reasons).toContain("type de service fait pour ce besoin");
    expect(danger.route.steps[1]!.reasons).toContain("type de service adapté à ce besoin");

    const portal = candidate("a-portal", { kind: "ONLINE_REPORTING" });
    const commissariat = candidate("b-commissariat", { kind: "COMPLAINT_DESK" }, { schedule: null });
    expect(order("COMPLAINT", [portal, commissariat]).ids).toEqual(["b-commissariat", "a-portal"]);
  });

  it("4. open now before closed", () => {
    const candidates = [candidate("a-closed", {}, { schedule: { openingHours: "Sa 10:00-12:00", description: null } }), candidate("b-open")];
    expect(order("LISTENING", candidates).ids).toEqual(["b-open", "a-closed"]);
  });

  it("5. direct access before referral only", () => {
    const candidates = [candidate("a-referral", { referralRequired: true, referredBy: "le parquet" }), candidate("b-direct")];
    const { ids, route } = order("LISTENING", candidates);
    expect(ids).toEqual(["b-direct", "a-referral"]);
    expect(route.steps[1]!.reasons).toContain("sur orientation : le parquet");
  });

  it("6. specialised in her situation before generalists, even farther away", () => {
    const candidates = [
      candidate("a-generalist-here", {}, { areaReach: 0 }),
      candidate("b-specialised-national", { situations: ["INTIMATE_PARTNER_VIOLENCE"] }, { areaReach: 3 }),
    ];
    expect(order("LISTENING", candidates).ids).toEqual(["b-specialised-national", "a-generalist-here"]);
  });

  it("7. dedicated to women before mixed", () => {
    const candidates = [candidate("a-mixed"), candidate("b-women", { gender: "WOMEN" })];
    const { ids, route } = order("LISTENING", candidates);
    expect(ids).toEqual(["b-women", "a-mixed"]);
    expect(route.steps[0]!.reasons).toContain("dédié aux femmes");
  });

  it("8. nearer before farther", () => {
    const candidates = [candidate("a-national", {}, { areaReach: 3 }), candidate("b-departement"), candidate("c-commune", {}, { areaReach: 0 })];
    expect(order("LISTENING", candidates).ids).toEqual(["c-commune", "b-departement", "a-national"]);
  });

  it("then by id, so that the same request always gives the same route", () => {
    expect(order("LISTENING", [candidate("b"), candidate("a")]).ids).toEqual(["a", "b"]);
  });
});

describe("needs no service answers", () => {
  const emptyNeed = [{ need: "LEGAL_ADVICE" as NeedCode, candidates: [], outOfReach: [] }];

  it("says when the département is not covered yet, from the plan", () => {
    const route = rankRoute(plan({ communeCode: "69123", communeName: "Lyon", departement: "69", covered: false }), emptyNeed, [], false);
    expect(route.uncoveredNeeds).toEqual([
      { need: "LEGAL_ADVICE", reason: "Parcours ne couvre pas encore le département 69 et aucun service national ne répond à ce besoin" },
    ]);
  });

  it("says no service is known when the département is covered", () => {
    expect(rankRoute(plan(), emptyNeed, [], false).uncoveredNeeds[0]?.reason).toBe("aucun service recensé pour ce besoin dans ce département ni au niveau national");
  });

  it("gives the reasons when every candidate was left out", () => {
    const route = rankRoute(plan(), [{ need: "LISTENING", candidates: [], outOfReach: [elsewhere("elsewhere", ["Nanterre"])] }], [], false);
    expect(route.uncoveredNeeds[0]?.reason).toBe("aucun service accessible : hors secteur : réservé à Nanterre");
  });
});

describe("emergency numbers", () => {
  const line = { number: "3919", label: "Violences Femmes Info", channel: "PHONE" as const, source: "seeds/x", schedule: { openingHours: "24/7", description: null } };

  it("are listed when the route is urgent, never for a planned one", () => {
    expect(rankRoute(plan({ urgency: "URGENT" }), [], [line], false).emergency).toEqual([
      { number: "3919", label: "Violences Femmes Info", channel: "PHONE", source: "seeds/x", available: "24h/24, 7j/7" },
    ]);
    expect(rankRoute(plan({ urgency: "PLANNED" }), [], [line], false).emergency).toEqual([]);
  });
});

describe("hours on public holidays (Europe/Paris)", () => {
  const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

  it("hours that do not mention holidays are to be confirmed on one, and next open after it", () => {
    const status = openingStatus("Mo-Fr 09:30-17:30", at("2026-12-25T11:00:00+01:00"));
    expect(status.openNow).toBeNull();
    expect(status.unknownHoliday).toBe("Noël");
    expect(status.nextOpening?.toISO()).toBe("2026-12-28T09:30:00.000+01:00");
  });

  it("PH off is closed, a PH rule is open, 24/7 is open", () => {
    expect(openingStatus("Mo-Fr 09:00-18:00; PH off", at("2027-05-01T10:00:00+02:00")).openNow).toBe(false);
    expect(openingStatus("Mo-Fr 09:00-18:00; PH 10:00-12:00", at("2026-07-14T11:00:00+02:00")).openNow).toBe(true);
    expect(openingStatus("24/7", at("2026-12-25T03:00:00+01:00")).openNow).toBe(true);
  });

  it("a next opening skips Easter Monday", () => {
    const status = openingStatus("Mo-Fr 09:30-17:30", at("2027-03-27T12:00:00+01:00"));
    expect(status.openNow).toBe(false);
    expect(status.nextOpening?.toISO()).toBe("2027-03-30T09:30:00.000+02:00");
  });

  it("a next opening after the change to summer time keeps its wall-clock hour", () => {
    const status = openingStatus("Mo-Fr 09:30-17:30", at("2026-03-28T20:00:00+01:00"));
    expect(status.nextOpening?.toISO()).toBe("2026-03-30T09:30:00.000+02:00");
  });
});
