/**
 * What a route reads of the graph for its ranking, and what of it the function keeps while what it
 * depends on is unchanged (functions/graph/version-keyed-cache.ts): a route's answer under the graph's
 * version, an area's services and a commune's surroundings under their areas' versions
 * (functions/graph/graph-version.ts). Nothing kept holds a caller's view: the
 * ranking, the place counts a caller may see and the fetch of the route's nodes under the caller's
 * rights run for every request.
 */
import type { Driver } from "neo4j-driver";
import { referralRouteCypher } from "../../generated/cypher";
import type { RunRead } from "../graph/auto-commit-read";
import type { AreaVersions } from "../graph/graph-version";
import { versionKeyedCache, versionKeyedStore } from "../graph/version-keyed-cache";
import { keepAreaDigest, routeDigestsOf, type RouteDigests, keepSurroundingsDigest, surroundingsDigestKeyOf, surroundingsOfDigest } from "./area-digests";
import type { EmergencyRow, NeedRow } from "./rank-route";
import type { Audience, NeedCode, SituationCode } from "../../generated/graphql";
import { candidatesInReach, routeQueryAnswerOf, type AreaService, type CandidateOfNeeds, type NeedOfRoute, type OutOfReachOfNeeds, type Surroundings } from "./route-query-answer";

export interface RankingInput {
  needRows: NeedRow[];
  emergencyRows: EmergencyRow[];
  outOfReachCut: boolean;
}

/** The route request as functions/routes/referral-route.cypher reads it (its one parameter, `$request`), without what the function keeps. */
export interface RouteQueryParams {
  communeCode: string;
  departement: string;
  needs: NeedCode[];
  urgentNeeds: NeedCode[];
  situations: SituationCode[];
  audiences: Audience[];
  emergencyNumbers: string[];
  outOfReachLookedAt: number;
}

/** The route query's one parameter, `$request`: the request, and what the function keeps of what it would read. */
export type RouteQueryRequest = RouteQueryParams & { keptAreas: string[]; patches: AreaPatch[]; surroundingsKept: boolean; digests: RouteDigests };

/** An area the function holds under an older version (`since`, the area's own): the query reads only the services written since. */
interface AreaPatch {
  area: string;
  since: string;
}

/**
 * The ranking's input for the same commune, needs, situations and urgency: a route asked again costs
 * Neo4j the read of the versions instead of the route query. Bounded by rows: a France-dense
 * commune's route has ~1 000, seed/'s ~100.
 */
const keptRankingInput = versionKeyedCache<RankingInput>("route answers", 50_000, ({ needRows }) =>
  needRows.reduce((rows, need) => rows + need.candidates.length + need.outOfReach.length, 1),
);
/**
 * The services of an area in reach, by area and audiences: the same for every route reaching that area,
 * whatever its commune and needs. A route asked for the first time reads only the areas not kept: at
 * France density, its commune and zones, not the ~1 400 services of its département, until a write touches
 * the département. Bounded by services.
 */
const keptAreaServices = versionKeyedStore<readonly AreaService[]>("area services", 100_000, (services) => services.length);
/**
 * What surrounds a commune, learnt from its first route, by commune and audiences: its areas in reach,
 * nearest first, the communes near her, and the services of other communes the route query looked at.
 * Bounded by entries.
 */
const keptSurroundings = versionKeyedStore<Surroundings>("surroundings", 20_000, () => 1);
/** The emergency lines of a list of numbers (a few lists in all). */
const keptEmergencyLines = versionKeyedStore<EmergencyRow[]>("emergency lines", 100, () => 1);
/**
 * The needs of a route, in route order, by needs, urgent needs and situations asked: the needs and the
 * situations' typical needs are the same for every commune, until the structure changes. Bounded by
 * entries (a few hundred combinations are asked).
 */
const keptRouteNeeds = versionKeyedStore<NeedOfRoute[]>("route needs", 5_000, () => 1);

/**
 * The key of the digest of the commune's surroundings to read with the versions (readAreaVersions): when
 * the function holds none of them, under any version; null otherwise.
 */
export function surroundingsDigestWanted(params: RouteQueryParams): string | null {
  return keptSurroundings.latest(surroundingsKeyOf(params)) ? null : surroundingsDigestKeyOf(params.communeCode, params.audiences);
}

const surroundingsKeyOf = ({ communeCode, audiences }: RouteQueryParams) => `${communeCode}\n${JSON.stringify(audiences)}`;

/** The stores a route asked for the first time uses, once routes of its communes were asked: `npm run bench:routes` keeps only them. */
export const sharedReadStores = ["area services", "surroundings", "emergency lines", "route needs"] as const;

/**
 * The ranking's input of a route: kept, or made of what is kept and the route query's answer for the
 * rest. A route asked for the first time whose commune, needs and emergency lines are all kept is
 * made without the route query.
 */
export function readRankingInput(run: RunRead, driver: Driver, versions: AreaVersions, params: RouteQueryParams): Promise<RankingInput> {
  return keptRankingInput(versions.graph, JSON.stringify(params), async () => {
    const audiences = JSON.stringify(params.audiences);
    const numbers = params.emergencyNumbers;
    const linesKey = JSON.stringify(numbers);
    const linesVersion = versions.of("NATIONAL:FR");
    const needsKey = JSON.stringify([params.needs, params.urgentNeeds, params.situations]);
    // Held here, not looked up again after the query: a store may let an entry go meanwhile.
    const surroundingsKey = surroundingsKeyOf(params);
    const surroundingsVersion = versionOfAll(versions, versions.surroundings);
    const digestAround = surroundingsOfDigest(versions.surroundingsDigest, surroundingsVersion);
    const keptAround =
      keptSurroundings.get(surroundingsVersion, surroundingsKey) ?? (digestAround && keptSurroundings.set(surroundingsVersion, surroundingsKey, digestAround));
    const keptLines = keptEmergencyLines.get(linesVersion, linesKey);
    const keptNeeds = keptRouteNeeds.get(versions.structure, needsKey);
    const { held, seen, patches } = areasHeld(versions, audiences);
    if (keptAround && keptLines && keptNeeds && keptAround.areas.every((area) => held.has(area))) return rankingInputOf(keptNeeds, held, keptAround, keptLines);

    const digests = routeDigestsOf(params.audiences);
    const request: RouteQueryRequest = {
      ...params,
      emergencyNumbers: keptLines ? [] : numbers,
      keptAreas: [...held.keys()],
      patches,
      surroundingsKept: keptAround !== undefined,
      digests,
    };
    const answer = routeQueryAnswerOf((await run(referralRouteCypher, { request })).records);

    for (const area of answer.areas) {
      if (held.has(area)) continue;
      const read = answer.servicesOfAreas.get(area) ?? [];
      const written = answer.patches.get(area);
      const before = seen.get(area);
      const patched = answer.digests.get(area) ?? before?.value;
      const services = written && patched ? [...patched.filter(({ service }) => !written.includes(service.id)), ...read] : read;
      held.set(area, keptAreaServices.replace(before, versions.of(area), `${area}\n${audiences}`, services));
      const version = versions.partsOf(area);
      if (!written && version) keepAreaDigest(driver, area, version, digests, answer.rowsOfAreas.get(area) ?? []);
    }
    if (!keptAround && surroundingsVersion !== null) keepSurroundingsDigest(driver, surroundingsDigestKeyOf(params.communeCode, params.audiences), surroundingsVersion, answer.surroundingsRows);
    const around =
      keptAround ??
      keptSurroundings.set(surroundingsVersion, surroundingsKey, {
        areas: answer.areas,
        nearCommunes: answer.nearCommunes,
        outOfReach: answer.outOfReach,
        outOfReachCut: answer.outOfReachCut,
      });
    const lines = keptLines ?? keptEmergencyLines.set(linesVersion, linesKey, answer.emergency.sort((a, b) => numbers.indexOf(a.number) - numbers.indexOf(b.number)));
    return rankingInputOf(keptNeeds ?? keptRouteNeeds.set(versions.structure, needsKey, answer.needs), held, around, lines);
  });
}

type KeptAreaServices = { version: string; value: readonly AreaService[] };

/**
 * The services of the route's areas the function holds under their current versions; of the others,
 * what the store held when this read began (the read replaces only that), and the patches of those
 * held under an older version whose changes the area's log may name.
 */
function areasHeld(versions: AreaVersions, audiences: string) {
  const held = new Map<string, readonly AreaService[]>();
  const seen = new Map<string, KeptAreaServices | undefined>();
  const patches: AreaPatch[] = [];
  for (const area of versions.served) {
    const kept = keptAreaServices.latest(`${area}\n${audiences}`);
    if (kept?.version === versions.of(area)) {
      held.set(area, kept.value);
      continue;
    }
    seen.set(area, kept);
    const since = kept ? versions.changedSince(area, kept.version) : null;
    if (since !== null) patches.push({ area, since });
  }
  return { held, seen, patches };
}

function rankingInputOf(needs: readonly NeedOfRoute[], held: ReadonlyMap<string, readonly AreaService[]>, around: Surroundings, lines: EmergencyRow[]): RankingInput {
  const candidates = candidatesInReach(around.areas, (area) => held.get(area) ?? [], needs.map(({ need }) => need), around.nearCommunes);
  return { needRows: needRowsOf(needs, candidates, around.outOfReach), emergencyRows: lines, outOfReachCut: around.outOfReachCut };
}

/** The version of reads that depend on all these areas: null if one may not be kept. */
function versionOfAll(versions: AreaVersions, areas: string[]): string | null {
  const each = areas.map((area) => versions.of(area));
  return each.includes(null) ? null : each.join("\n");
}

/** Each need in route order, with the services in reach that answer it in the order of their ids, and those of other communes. */
function needRowsOf(needs: readonly NeedOfRoute[], candidates: CandidateOfNeeds[], outOfReach: readonly OutOfReachOfNeeds[]): NeedRow[] {
  const byId = [...candidates].sort((a, b) => (a.service.id < b.service.id ? -1 : a.service.id > b.service.id ? 1 : 0));
  return [...needs]
    .sort((a, b) => a.routeOrder - b.routeOrder)
    .map(({ need }) => ({
      need,
      candidates: byId.filter((candidate) => candidate.answers.includes(need)),
      outOfReach: outOfReach.filter((row) => row.answers.includes(need)),
    }));
}
