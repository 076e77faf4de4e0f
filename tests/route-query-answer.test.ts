/** The candidates of a route made of the services of its areas (functions/routes/route-query-answer.ts): pure, no graph. */
import { describe, expect, it } from "vitest";
import { candidatesInReach, type AreaService } from "../functions/routes/route-query-answer";
import type { NeedCode } from "../generated/graphql";

function serviceOf(id: string, answers: NeedCode[], placeCodes: string[] = []): AreaService {
  return {
    answers,
    service: {
      id, kind: "WELCOME_CENTRE", gender: null, minAge: null, maxAge: null, children: null, referralRequired: false, referredBy: null,
      languages: [], actsTonight: false, unverified: false, verifiedAt: "2026-11-01", situations: [],
    },
    actor: { id: `${id}-actor` },
    places: placeCodes.map((code) => ({ location: `Lieu ${code}`, name: `Commune ${code}`, code })),
    confidentialPlace: false,
    schedule: null,
    capacity: null,
  };
}

describe("the candidates of a route, made of its areas' services", () => {
  const areas = ["COMMUNE:92050", "ZONE:200057974", "DEPARTEMENT:92", "NATIONAL:FR"];
  const services: Record<string, AreaService[]> = {
    "COMMUNE:92050": [serviceOf("local", ["LISTENING", "LEGAL_ADVICE"], ["92050"])],
    "ZONE:200057974": [serviceOf("zone", ["HOUSING"], ["92025"])],
    "DEPARTEMENT:92": [serviceOf("local", ["LISTENING", "LEGAL_ADVICE"], ["92050"]), serviceOf("departement", ["LEGAL_ADVICE"], ["92012"])],
    "NATIONAL:FR": [serviceOf("national", ["LISTENING"])],
  };
  const candidates = candidatesInReach(areas, (area) => services[area] ?? [], ["LEGAL_ADVICE", "LISTENING"], ["92050", "92025"]);

  it("lists each service once, reaching her by its nearest area", () => {
    expect(candidates.map((c) => [c.service.id, c.areaReach])).toEqual([["local", 0], ["departement", 2], ["national", 3]]);
  });

  it("keeps the needs of the route a service answers, in the route's order, and leaves out a service answering none", () => {
    expect(candidates.map((c) => c.answers)).toEqual([["LEGAL_ADVICE", "LISTENING"], ["LEGAL_ADVICE"], ["LISTENING"]]);
    expect(candidates.some((c) => c.service.id === "zone")).toBe(false);
  });

  it("says which of a service's places are in a commune near her", () => {
    expect(candidates.map((c) => c.places.map((p) => p.nearby))).toEqual([[true], [false], []]);
  });
});
