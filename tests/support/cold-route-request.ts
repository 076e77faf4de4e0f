/** The route query's request as a function that holds nothing sends it (referral-route.ts), for a victim's route in the 92. */
import { routeDigestsOf } from "../../functions/routes/area-digests";
import type { RouteQueryRequest } from "../../functions/routes/route-reads";

export function coldRouteRequest(communeCode: string, needs: RouteQueryRequest["needs"] = []): RouteQueryRequest {
  const audiences: RouteQueryRequest["audiences"] = ["VICTIMS", "GENERAL_PUBLIC"];
  return {
    communeCode,
    departement: "92",
    needs,
    urgentNeeds: [],
    situations: ["INTIMATE_PARTNER_VIOLENCE"],
    audiences,
    emergencyNumbers: [],
    outOfReachLookedAt: 30,
    keptAreas: [],
    patches: [],
    surroundingsKept: false,
    digests: routeDigestsOf(audiences),
  };
}
