/** The answer of the route query (referral-route.cypher): its services come as rows of values, as the ranking reads them. */
import type { Record as Neo4jRecord } from "neo4j-driver";
import type { NeedCode } from "../../generated/graphql";
import type { CandidateRow, EmergencyRow, OutOfReachRow } from "./rank-route";

/** A need of the route, with its place in the order of a route. */
export interface NeedOfRoute {
  need: NeedCode;
  routeOrder: number;
}

export interface RouteQueryAnswer {
  needs: NeedOfRoute[];
  candidates: CandidateOfNeeds[];
  outOfReach: OutOfReachOfNeeds[];
  outOfReachCut: boolean;
  emergency: EmergencyRow[];
}

/** The record without a candidate holds the rest of the answer; each other record holds one candidate. */
export function routeQueryAnswerOf(records: Neo4jRecord[]): RouteQueryAnswer {
  const head = records.find((record) => record.get("candidate") === null);
  if (!head) throw new Error("route query: no record holds the needs of the route");
  return {
    needs: head.get("needs") as NeedOfRoute[],
    candidates: records.filter((record) => record !== head).map((record) => candidateOfRow(record.get("candidate") as unknown[])),
    outOfReach: (head.get("outOfReach") as unknown[][]).map(outOfReachOfRow),
    outOfReachCut: head.get("outOfReachCut") as boolean,
    emergency: head.get("emergency") as EmergencyRow[],
  };
}

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

function candidateOfRow(row: unknown[]): CandidateOfNeeds {
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

function outOfReachOfRow(row: unknown[]): OutOfReachOfNeeds {
  const [answers, serviceId, actorId, areaNames, lookupOrder] = row as OutOfReachValues;
  return { answers, serviceId, actorId, areaNames, lookupOrder };
}
