/** The route requests the benchmarks send, the route query's parameters for each, and its db hits. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { Driver } from "neo4j-driver";
import { referralRouteCypher } from "../generated/cypher";
import { coveredTerritories, departementOfCommune } from "../functions/domain/territories";
import { outOfReachLookedAt } from "../functions/routes/out-of-reach-looked-at";
import type { RouteQueryRequest } from "../functions/routes/route-reads";
import { routeDigestsOf, surroundingsDigestKeyOf } from "../functions/routes/area-digests";
import type { Audience, SituationCode } from "../generated/graphql";
import { httpApiEvent } from "./http-api-event";

const situations: SituationCode[] = ["INTIMATE_PARTNER_VIOLENCE", "SEXUAL_VIOLENCE", "INTRAFAMILY_VIOLENCE", "CHILD_EXPOSURE", "HARASSMENT", "SEXUAL_EXPLOITATION"];
const urgencies = ["IMMEDIATE_DANGER", "URGENT", "PLANNED"];

/** The selection the route benchmarks ask for: the route's steps with their services' names and contacts and their actors' names. */
const benchRouteQuery = `query ($input: RouteRequest!) {
  referralRoute(input: $input) {
    degraded
    emergency { number label available }
    steps { rank need openNow nextOpening placesFree reasons service { id name contacts { channel value } } actor { name } }
    uncoveredNeeds { need reason }
    excluded { reasons service { id } }
  }
}`;

/** A route request of the benchmarks as API Gateway hands it to the GraphQL function. */
export function benchRouteEvent(input: unknown): APIGatewayProxyEventV2 {
  return httpApiEvent({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: benchRouteQuery, variables: { input } }) });
}

export interface RouteRequestOfBench {
  commune: string;
  situations: SituationCode[];
  urgency: string;
  at: string;
  withChildren: boolean;
}

/** A small deterministic generator, so every run measures the same workload. */
export function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** `count` mixed requests in the communes given, by default those of the Hauts-de-Seine. */
export function routeWorkload(count: number, communes = coveredTerritories().filter((t) => t.level === "COMMUNE" && t.code.startsWith("92")).map((t) => t.code)): RouteRequestOfBench[] {
  const next = random(92);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const day = 23 + Math.floor(next() * 7);
    const hour = Math.floor(next() * 24);
    return {
      commune: pick(communes),
      situations: [pick(situations)],
      urgency: pick(urgencies),
      at: `2026-11-${day}T${String(hour).padStart(2, "0")}:15:00+01:00`,
      withChildren: next() < 0.4,
    };
  });
}

/**
 * Route requests of the shapes Neo4j could plan apart (a list parameter's size is part of a plan's
 * key): one to three situations, none to three needs or a perpetrator's, each urgency — 36 requests.
 */
export function routeRequestShapes(commune = "92050") {
  const situationLists = [["INTIMATE_PARTNER_VIOLENCE"], ["INTIMATE_PARTNER_VIOLENCE", "CHILD_EXPOSURE"], ["SEXUAL_VIOLENCE", "HARASSMENT", "SEXUAL_EXPLOITATION"]];
  const needLists = [undefined, ["LISTENING"], ["COMPLAINT", "LEGAL_ADVICE", "PSYCHOLOGICAL"], ["PERPETRATOR_FOLLOW_UP"]];
  const urgencies = ["IMMEDIATE_DANGER", "URGENT", "PLANNED"];
  return situationLists.flatMap((situations) =>
    needLists.flatMap((needs) => urgencies.map((urgency) => ({ commune, situations, urgency, at: "2026-11-24T23:00:00+01:00", ...(needs ? { needs } : {}) }))),
  );
}

/**
 * The parameters of functions/routes/referral-route.cypher for a request, as the handler computes them;
 * `keptAreas`, the areas whose services the handler holds (none: a function that has kept nothing;
 * with them, it also holds what surrounds the commune, as after a first route there); `patches`, those
 * it holds under an older version.
 */
const audiences: Audience[] = ["VICTIMS", "GENERAL_PUBLIC"];

/**
 * The route query's parameters for a request, as a function holding these areas asks it; with `digests`,
 * it reads the areas' digests the graph holds (area-digests.ts) and holds the commune's surroundings
 * (from their digest, read with the versions: versionsWithDigest), as every function does; without, it
 * names none, as a function does after the structure changed.
 */
export function routeParameters(request: RouteRequestOfBench, keptAreas: readonly string[] = [], patches: RouteQueryRequest["patches"] = [], digests = false): { request: RouteQueryRequest } {
  return {
    request: {
      communeCode: request.commune,
      departement: departementOfCommune(request.commune),
      needs: [],
      urgentNeeds: request.urgency === "IMMEDIATE_DANGER" ? ["IMMEDIATE_SAFETY", "EMERGENCY_SHELTER"] : [],
      situations: request.situations,
      audiences,
      emergencyNumbers: request.urgency === "PLANNED" ? [] : ["17", "112", "114", "3919"],
      keptAreas: [...keptAreas],
      patches,
      surroundingsKept: keptAreas.length > 0 || digests,
      outOfReachLookedAt,
      digests: { ...routeDigestsOf(audiences), ...(digests ? {} : { query: "none" }) },
    },
  };
}

/** The db hits of the route query for a request (PROFILE), all operators summed. */
export function routeQueryDbHits(driver: Driver, request: RouteRequestOfBench, keptAreas: readonly string[] = [], patches: RouteQueryRequest["patches"] = [], digests = false): Promise<number> {
  return dbHitsOf(driver, referralRouteCypher, routeParameters(request, keptAreas, patches, digests));
}

/**
 * The areas in reach of each request's commune, as the route query names them, read once per commune:
 * what a function that served routes there before holds.
 */
export async function areasOfCommunes(driver: Driver, requests: RouteRequestOfBench[]): Promise<Map<string, string[]>> {
  const areas = new Map<string, string[]>();
  for (const request of requests) {
    if (areas.has(request.commune)) continue;
    const { records } = await driver.executeQuery(referralRouteCypher, routeParameters({ ...request, situations: [], urgency: "PLANNED" }));
    areas.set(request.commune, records.find((record) => record.get("candidate") === null)!.get("areas") as string[]);
  }
  return areas;
}

/**
 * A Neo4j just started runs the route query 2 to 3 times slower over its first couple of thousand runs,
 * its JVM compiling the runtime's code as it goes (seed/ just started, its areas kept: p50 7.4 ms over
 * its first 400 runs, 2.2–3.1 ms after 2 400). A bench comparing two instances runs it this many
 * times on each first, the areas kept (cheap on any graph; `kept` when the bench read them already),
 * 4 at a time.
 */
export async function warmUpJvm(driver: Driver, requests: RouteRequestOfBench[], kept?: Map<string, string[]>, runs = 2_400): Promise<void> {
  kept ??= await areasOfCommunes(driver, requests);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < runs) {
        const request = requests[next++ % requests.length]!;
        await driver.executeQuery(referralRouteCypher, routeParameters(request, kept.get(request.commune) ?? []));
      }
    }),
  );
}

/** The versions' read of a function that holds nothing of the commune, with the digest of her surroundings (graph-version.ts). */
export function versionsWithDigest(request: RouteRequestOfBench) {
  return { communeCode: request.commune, departement: departementOfCommune(request.commune), surroundingsDigest: surroundingsDigestKeyOf(request.commune, audiences) };
}

/** The db hits of a query (PROFILE), all operators summed. */
export async function dbHitsOf(driver: Driver, query: string, parameters: Record<string, unknown> = {}): Promise<number> {
  const { summary } = await driver.executeQuery(`PROFILE ${query}`, parameters);
  type Plan = { dbHits: number; children: Plan[] };
  const total = (plan: Plan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + total(child), 0);
  return total(summary.profile as unknown as Plan);
}

/** Communes drawn at random (the same on every run) among every commune of the graph. */
export async function frenchCommunes(driver: Driver, count: number): Promise<string[]> {
  const { records } = await driver.executeQuery("MATCH (c:Territory {level: 'COMMUNE'}) RETURN c.code AS code ORDER BY code");
  const all = records.map((r) => r.get("code") as string);
  const next = random(2026);
  return Array.from({ length: count }, () => all[Math.floor(next() * all.length)]!);
}
