/** A candidate of the route query (referral-route.cypher), returned as a row of values, as the ranking reads it. */
import type { NeedCode } from "../../generated/graphql";
import type { CandidateRow } from "./rank-route";

/** A candidate with the needs of the route it answers. */
export type CandidateOfNeeds = CandidateRow & { answers: NeedCode[] };

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
  areaNames: string[],
  areaReach: CandidateRow["areaReach"],
  places: [location: string, name: string, code: string, nearby: boolean][],
  confidentialPlace: boolean,
  schedule: [openingHours: Schedule["openingHours"], description: Schedule["description"]] | null,
  capacity: [placesTotal: Capacity["placesTotal"], placesFree: Capacity["placesFree"], updatedAt: Capacity["updatedAt"]] | null,
];

export function candidateOfRow(row: unknown[]): CandidateOfNeeds {
  const [
    answers, id, kind, gender, minAge, maxAge, children, referralRequired, referredBy, languages, actsTonight, unverified, verifiedAt, situations,
    actorId, areaNames, areaReach, places, confidentialPlace, schedule, capacity,
  ] = row as CandidateValues;
  return {
    answers,
    service: { id, kind, gender, minAge, maxAge, children, referralRequired, referredBy, languages, actsTonight, unverified, verifiedAt, situations },
    actor: { id: actorId },
    areaNames,
    areaReach,
    places: places.map(([location, placeName, code, nearby]) => ({ location, name: placeName, code, nearby })),
    confidentialPlace,
    schedule: schedule && { openingHours: schedule[0], description: schedule[1] },
    capacity: capacity && { placesTotal: capacity[0], placesFree: capacity[1], updatedAt: capacity[2] },
  };
}
