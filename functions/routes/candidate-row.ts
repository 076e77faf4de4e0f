/** The services of the route query (referral-route.cypher), returned as rows of values, as the ranking reads them. */
import type { NeedCode } from "../../generated/graphql";
import type { CandidateRow, OutOfReachRow } from "./rank-route";

/** A candidate with the needs of the route it answers. */
export type CandidateOfNeeds = CandidateRow & { answers: NeedCode[] };
/** A service of another commune with the needs of the route it answers. */
export type OutOfReachOfNeeds = OutOfReachRow & { answers: NeedCode[] };

type Service = CandidateRow["service"];
type Capacity = NonNullable<CandidateRow["capacity"]>;
type Schedule = NonNullable<CandidateRow["schedule"]>;

/** The values of a candidate, in the order of the query's RETURN. */
type CandidateValues = [
  answers: NeedCode[],
  id: string,
  kind: Service["kind"],
  gender: Service["gender"],
  minAge: number | null,
  maxAge: number | null,
  children: Service["children"],
  referralRequired: boolean,
  referredBy: string | null,
  languages: string[],
  actsTonight: boolean,
  unverified: boolean,
  verifiedAt: string,
  situations: Service["situations"],
  actorId: string,
  areaReach: CandidateRow["areaReach"],
  places: [location: string, name: string, code: string, nearby: boolean][],
  confidentialPlace: boolean,
  schedule: [openingHours: Schedule["openingHours"], description: Schedule["description"]] | null,
  capacity: [placesTotal: Capacity["placesTotal"], placesFree: Capacity["placesFree"], updatedAt: Capacity["updatedAt"]] | null,
];

export function candidateOfRow(row: unknown[]): CandidateOfNeeds {
  const [
    answers, id, kind, gender, minAge, maxAge, children, referralRequired, referredBy, languages, actsTonight, unverified, verifiedAt, situations,
    actorId, areaReach, places, confidentialPlace, schedule, capacity,
  ] = row as CandidateValues;
  return {
    answers,
    service: { id, kind, gender, minAge, maxAge, children, referralRequired, referredBy, languages, actsTonight, unverified, verifiedAt, situations },
    actor: { id: actorId },
    areaReach,
    places: places.map(([location, placeName, code, nearby]) => ({ location, name: placeName, code, nearby })),
    confidentialPlace,
    schedule: schedule && { openingHours: schedule[0], description: schedule[1] },
    capacity: capacity && { placesTotal: capacity[0], placesFree: capacity[1], updatedAt: capacity[2] },
  };
}

/** The values of a service of another commune, in the order of the query's RETURN. */
type OutOfReachValues = [answers: NeedCode[], id: string, actorId: string, areaNames: string[], lookupOrder: number];

export function outOfReachOfRow(row: unknown[]): OutOfReachOfNeeds {
  const [answers, serviceId, actorId, areaNames, lookupOrder] = row as OutOfReachValues;
  return { answers, serviceId, actorId, areaNames, lookupOrder };
}
