/**
 * The answer of the route query (referral-route.cypher), and the candidates of a route made of it:
 * its services come as rows of values, area by area, as any route of the same audiences reads them.
 */
import type { Record as Neo4jRecord } from "neo4j-driver";
import type { NeedCode } from "../../generated/graphql";
import type { CandidateRow, EmergencyRow, OutOfReachRow } from "./rank-route";
import { unpackedRows } from "./digest-rows";

/** A need of the route, with its place in the order of a route. */
export interface NeedOfRoute {
  need: NeedCode;
  routeOrder: number;
}

/** A service serving an area, as every route reaching that area reads it: all the needs it answers. */
export type AreaService = Omit<CandidateRow, "areaReach" | "places"> & {
  answers: NeedCode[];
  places: { location: string; name: string; code: string }[];
};

export interface RouteQueryAnswer {
  needs: NeedOfRoute[];
  /** The areas in reach of the commune, 'LEVEL:code': the commune, its zones, its département, France. */
  areas: string[];
  /** The INSEE codes of the communes of her zones (none read when the function holds them). */
  nearCommunes: string[];
  /** The services of each area the query read (those the function did not name as kept); of an area patched, those written since. */
  servicesOfAreas: Map<string, AreaService[]>;
  /** The same, as the query's rows: what an area's digest holds (area-digests.ts). */
  rowsOfAreas: Map<string, unknown[][]>;
  /**
   * Each area patched, from the version the function holds or from its digest, with the services written
   * since, or null: it was read whole.
   */
  patches: Map<string, string[] | null>;
  /** The services of each area patched from its digest, as the digest holds them (before the writes since). */
  digests: Map<string, AreaService[]>;
  /** The same, as the digest's rows. */
  digestRows: Map<string, unknown[][]>;
  outOfReach: OutOfReachOfNeeds[];
  outOfReachCut: boolean;
  emergency: EmergencyRow[];
  /** What surrounds the commune (areas, near communes, services of other communes), as the query's rows: what a digest holds. */
  surroundingsRows: SurroundingsRows;
}

/** What surrounds a commune, as the route query reads it: its areas, the communes near her, the services of other communes. */
export interface SurroundingsRows {
  areas: string[];
  nearCommunes: string[];
  outOfReach: unknown[][];
  outOfReachCut: boolean;
}

export type Surroundings = Pick<RouteQueryAnswer, "areas" | "nearCommunes" | "outOfReach" | "outOfReachCut">;

export function surroundingsOfRows({ areas, nearCommunes, outOfReach, outOfReachCut }: SurroundingsRows): Surroundings {
  return { areas, nearCommunes, outOfReach: outOfReach.map(outOfReachOfRow), outOfReachCut };
}

/** The record without a candidate holds the rest of the answer; each other record holds one service of an area. */
export function routeQueryAnswerOf(records: Neo4jRecord[]): RouteQueryAnswer {
  const head = records.find((record) => record.get("candidate") === null);
  if (!head) throw new Error("route query: no record holds the needs of the route");
  const areas = head.get("areas") as string[];
  const rowsOfAreas = new Map<string, unknown[][]>();
  for (const record of records) {
    if (record === head) continue;
    const area = record.get("area") as string;
    const rows = rowsOfAreas.get(area) ?? [];
    rows.push(record.get("candidate") as unknown[]);
    rowsOfAreas.set(area, rows);
  }
  const patches = head.get("patches") as [area: string, written: string[] | null, digest: Int8Array | null][];
  const digestRows = new Map(patches.flatMap(([area, , digest]) => (digest === null ? [] : [[area, unpackedRows<unknown[][]>(digest)]])));
  const surroundingsRows: SurroundingsRows = {
    areas,
    nearCommunes: head.get("nearCommunes") as string[],
    outOfReach: head.get("outOfReach") as unknown[][],
    outOfReachCut: head.get("outOfReachCut") as boolean,
  };
  return {
    needs: head.get("needs") as NeedOfRoute[],
    ...surroundingsOfRows(surroundingsRows),
    surroundingsRows,
    servicesOfAreas: new Map([...rowsOfAreas].map(([area, rows]) => [area, rows.map(areaServiceOfRow)])),
    rowsOfAreas,
    patches: new Map(patches.map(([area, written]) => [area, written])),
    digests: new Map([...digestRows].map(([area, rows]) => [area, rows.map(areaServiceOfRow)])),
    digestRows,
    emergency: head.get("emergency") as EmergencyRow[],
  };
}

/** A candidate with the needs of the route it answers. */
export type CandidateOfNeeds = CandidateRow & { answers: NeedCode[] };
/** A service of another commune with the needs it answers (a route keeps those of its needs). */
export type OutOfReachOfNeeds = OutOfReachRow & { answers: NeedCode[] };

const reachOfLevel: Record<string, CandidateRow["areaReach"]> = { COMMUNE: 0, ZONE: 1, DEPARTEMENT: 2, NATIONAL: 3 };

/**
 * The candidates of a route: each service of its areas once, reaching her by its nearest area, with
 * the needs of the route it answers (those answering none are not candidates), and whether each of its
 * places is in a commune near her.
 */
export function candidatesInReach(
  areas: readonly string[],
  servicesOf: (area: string) => readonly AreaService[],
  needs: readonly NeedCode[],
  nearCommunes: readonly string[],
): CandidateOfNeeds[] {
  const near = new Set(nearCommunes);
  const seen = new Set<string>();
  const candidates: CandidateOfNeeds[] = [];
  // The areas come nearest first: a service serving two of them reaches her by the first.
  for (const area of areas) {
    const areaReach = reachOfLevel[area.slice(0, area.indexOf(":"))] ?? 3;
    for (const service of servicesOf(area)) {
      if (seen.has(service.service.id)) continue;
      seen.add(service.service.id);
      const answers = needs.filter((need) => service.answers.includes(need));
      if (answers.length === 0) continue;
      candidates.push({ ...service, answers, areaReach, places: service.places.map((place) => ({ ...place, nearby: near.has(place.code) })) });
    }
  }
  return candidates;
}

type Service = CandidateRow["service"];
type Capacity = NonNullable<CandidateRow["capacity"]>;
type Schedule = NonNullable<CandidateRow["schedule"]>;

/** The values of a service of an area, in the order of the query's RETURN. */
type AreaServiceValues = [
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
  places: [location: string, name: string, code: string][],
  confidentialPlace: boolean,
  schedule: [openingHours: Schedule["openingHours"], description: Schedule["description"]] | null,
  capacity: [placesTotal: Capacity["placesTotal"], placesFree: Capacity["placesFree"], updatedAt: Capacity["updatedAt"]] | null,
];

function areaServiceOfRow(row: unknown[]): AreaService {
  const [
    answers, id, kind, gender, minAge, maxAge, children, referralRequired, referredBy, languages, actsTonight, unverified, verifiedAt, situations,
    actorId, places, confidentialPlace, schedule, capacity,
  ] = row as AreaServiceValues;
  return {
    answers,
    service: { id, kind, gender, minAge, maxAge, children, referralRequired, referredBy, languages, actsTonight, unverified, verifiedAt, situations },
    actor: { id: actorId },
    places: places.map(([location, placeName, code]) => ({ location, name: placeName, code })),
    confidentialPlace,
    schedule: schedule && { openingHours: schedule[0], description: schedule[1] },
    capacity: capacity && { placesTotal: capacity[0], placesFree: capacity[1], updatedAt: capacity[2] },
  };
}

/** The values of a service of another commune, in the order of the query's RETURN. */
type OutOfReachValues = [answers: NeedCode[], id: string, actorId: string, areaNames: string[], areasServed: number, lookupOrder: number];

function outOfReachOfRow(row: unknown[]): OutOfReachOfNeeds {
  const [answers, serviceId, actorId, areaNames, areasServed, lookupOrder] = row as OutOfReachValues;
  return { answers, serviceId, actorId, areaNames, areasServed, lookupOrder };
}
