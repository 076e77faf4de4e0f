/**
 * Writes the digests of France, of each département, of each zone and of the communes served by many
 * services ahead of the routes (area-digests.ts). A route's function writes an area's digest when it
 * reads the area whole; after a change of the structure (territories, needs, situations), or more
 * writes in an area than its log names, no digest is valid, and the first route of a commune reads her
 * département, zones and commune whole: at France density, 62 000 db hits for a commune of the 92.
 * A commune served by fewer services than a route would write a digest for costs a route less to read
 * whole. Run on a schedule (stacks/route-digests.ts), and after seed/ is loaded (`npm run seed`,
 * `npm start`).
 * A digest only older than the area's last writes is brought up to date as a route reads it: the digest
 * and the services written since, not the whole area. Digests are written whatever their size: nobody
 * waits for them, and an area of few services for an audience still costs a route the walk of all its
 * services.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { areasWithoutCurrentDigestCypher, referralRouteCypher, writeAreaDigestsCypher } from "../../generated/cypher";
import type { Audience } from "../../generated/graphql";
import { areaDigestOf, digestFrom, queryOfRows, routeDigestsOf } from "./area-digests";
import { routeAudiences } from "./route-audiences";
import type { RouteQueryRequest } from "./route-reads";
import { routeQueryAnswerOf } from "./route-query-answer";

/** Each statement's time limit: a run at France density reads ~6 000 areas in ~50 s, the 92 whole in well under a second. */
const statementLimitMs = 20_000;

export interface RouteDigestsAheadReport {
  /** Digests written, by area and audiences. */
  written: number;
  /** Of those, digests brought up to date from the former one and the services written since. */
  patched: number;
  /** Digests still to write when the deadline came: the next run writes them, or a route does. */
  left: number;
  seconds: number;
}

interface AreaWithoutDigest {
  level: "NATIONAL" | "DEPARTEMENT" | "ZONE" | "COMMUNE";
  code: string;
  area: string;
  audiences: string;
  base: string;
  stamp: string;
  /** Of a commune or a zone, the commune it is read through, and her other areas (but France). */
  communeCode: string | null;
  alsoServed: string[];
}

const audiencesByKey = new Map(routeAudiences.map((audiences) => [routeDigestsOf(audiences).audiences, audiences]));

/** The parameters of areas-without-current-digest.cypher. */
export function listingParameters() {
  return { audiences: [...audiencesByKey.keys()], query: queryOfRows, communeFrom: digestFrom };
}

/** Writes, one after the other until `deadline` (epoch ms), the digests of those areas that are not current. */
export async function writeRouteDigestsAhead(driver: Driver, deadline: number): Promise<RouteDigestsAheadReport> {
  const started = performance.now();
  const { records } = await driver.executeQuery(areasWithoutCurrentDigestCypher, listingParameters(), {
    routing: neo4j.routing.READ,
    transactionConfig: { timeout: statementLimitMs },
  });
  const areas = records.map((record) => record.toObject() as AreaWithoutDigest);
  let written = 0;
  let patched = 0;
  for (const area of areas) {
    if (Date.now() >= deadline) break;
    const audiences = audiencesByKey.get(area.audiences)!;
    const { rows, fromDigest } = await currentRows(driver, area, audiences);
    const digest = areaDigestOf(area.area, { base: area.base, stamp: area.stamp }, routeDigestsOf(audiences), rows);
    await driver.executeQuery(writeAreaDigestsCypher, { areas: [digest], surroundings: [] }, { transactionConfig: { timeout: statementLimitMs } });
    written += 1;
    if (fromDigest) patched += 1;
  }
  return { written, patched, left: areas.length - written, seconds: (performance.now() - started) / 1000 };
}

/**
 * The area's rows as the route query reads them for a route holding everything else: a request whose
 * only area not kept is this one (of no commune, but for a commune or a zone), and whose surroundings
 * are kept (no commune's are read).
 */
async function currentRows(driver: Driver, { level, code, area, communeCode, alsoServed }: AreaWithoutDigest, audiences: Audience[]) {
  const request: RouteQueryRequest = {
    communeCode: communeCode ?? "",
    departement: level === "DEPARTEMENT" ? code : "",
    needs: [],
    urgentNeeds: [],
    situations: [],
    audiences,
    emergencyNumbers: [],
    outOfReachLookedAt: 0,
    keptAreas: level === "NATIONAL" ? [] : [...alsoServed, "NATIONAL:FR"],
    patches: [],
    surroundingsKept: true,
    digests: routeDigestsOf(audiences),
  };
  const { records } = await driver.executeQuery(referralRouteCypher, { request }, { routing: neo4j.routing.READ, transactionConfig: { timeout: statementLimitMs } });
  const answer = routeQueryAnswerOf(records);
  const read = answer.rowsOfAreas.get(area) ?? [];
  const written = answer.patches.get(area);
  const former = answer.digestRows.get(area);
  if (!written || !former) return { rows: read, fromDigest: false };
  return { rows: [...former.filter((row) => !written.includes(row[1] as string)), ...read], fromDigest: true };
}
