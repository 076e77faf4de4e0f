/**
 * The graph's versions. One node holds the graph's version, given a new random one by every
 * transaction that writes records (markGraphChanged, called by writeDataset, updatePlacesFree and
 * markVerified, at their end so that the locks are held only until the commit); the same write gives
 * a new version to each area whose services, or whose surroundings, it may have changed
 * (areas-touched.cypher). What is read from the graph under one version may be kept and used again
 * while that version is unchanged (version-keyed-cache.ts): the nodes of a statement under the
 * graph's, the services of an area under the area's, so that a shelter's free places set in the 13 do
 * not make the 92's routes read their département again.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { areaVersionsCypher, areasTouchedCypher, markGraphChangedCypher } from "../../generated/cypher";
import type { RunRead } from "./auto-commit-read";

/** The records a write changes, by id (zones: by code), as far as kept reads depend on them. */
export interface GraphChange {
  /** Territories, needs or situations: every kept read is let go. */
  structure?: boolean;
  services?: readonly string[];
  actors?: readonly string[];
  locations?: readonly string[];
  /** Schedules, capacities and contacts. */
  parts?: readonly string[];
  zones?: readonly string[];
}

/** Beyond this many areas, a write lets every kept read go: naming them would cost it more than it saves. */
const maxAreasNamed = 2_000;
/**
 * Beyond this many services of an area, a write does not name them: a function holding the area reads
 * it all again rather than patch it (a département at France density has ~1 400).
 */
const maxServicesNamed = 200;
/** How many of its last writes an area's log names: a function holding it under an older version reads it all again. */
const changesKept = 16;

/**
 * The areas a write touched, each with the services in it the write may have changed (those a function
 * holding the area reads again), or null when it may have changed what the area reads otherwise.
 */
export type TouchedAreas = ReadonlyMap<string, readonly string[] | null>;

/**
 * The areas a write of these records touches, as they are now (none when it changes the structure:
 * everything is let go). Call it before a write that may change what serves what, and pass them to
 * markGraphChanged after it.
 */
export async function areasTouched(tx: ManagedTransaction, change: GraphChange): Promise<TouchedAreas> {
  const { services = [], actors = [], locations = [], parts = [], zones = [] } = change;
  if (change.structure || services.length + actors.length + locations.length + parts.length + zones.length === 0) return new Map();
  const { records } = await tx.run(areasTouchedCypher, { change: { services, actors, locations, parts, zones } });
  return merged(records.map((record) => new Map([[record.get("area") as string, record.get("services") as string[] | null]])));
}

/** At the end of a write: a new version for the graph and for each area it touched, before or after. */
export async function markGraphChanged(tx: ManagedTransaction, change: GraphChange, touchedBefore: TouchedAreas = new Map()): Promise<void> {
  // Past the bound before the write, there is no need to name the areas after it.
  const named = change.structure || touchedBefore.size > maxAreasNamed ? null : merged([touchedBefore, await areasTouched(tx, change)]);
  const structure = named === null || named.size > maxAreasNamed;
  const areas = structure
    ? []
    : [...named.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([area, services]) => ({ area, services: services === null || services.length > maxServicesNamed ? null : services }));
  await tx.run(markGraphChangedCypher, { areas, structure, changesKept });
}

/** The areas of several reads of those touched, each with all the services they name, or null if one names none. */
function merged(reads: TouchedAreas[]): TouchedAreas {
  const areas = new Map<string, string[] | null>();
  for (const read of reads) {
    for (const [area, services] of read) {
      const known = areas.has(area) ? areas.get(area)! : [];
      areas.set(area, known === null || services === null ? null : [...new Set([...known, ...services])]);
    }
  }
  return areas;
}

/**
 * The versions of a route's areas: 'LEVEL:code' (their services), 'NEAR:zone' and 'AROUND:département'
 * (the communes near her and the services of other communes). `of` is null for an area whose reads
 * may not be kept: a graph without a version, an area the read did not name.
 */
export interface AreaVersions {
  /** The graph's version, or null for a graph no write of records has gone through (nothing is kept). */
  graph: string | null;
  /**
   * The version of what every route reads alike, whatever its commune: territories, needs, situations
   * (null: nothing is kept).
   */
  structure: string | null;
  /** The areas that services serve: the commune, her zones, her département, France. */
  served: string[];
  /** What a route reads around her: 'NEAR:' her zones, 'AROUND:' her département. */
  surroundings: string[];
  of(area: string): string | null;
  /**
   * For an area's read kept under another of its versions: the area's own version then, from which the
   * area's log names the services written since (mark-graph-changed.cypher); null when everything may
   * have changed since (the structure, or a write that named no areas).
   */
  changedSince(area: string, keptVersion: string): string | null;
  /** An area's version as its parts, null as `of` is: what an area's digest is written under (area-digests.ts). */
  partsOf(area: string): AreaVersion | null;
  /** The digest of the commune's surroundings asked for, if one was written (functions/routes/area-digests.ts). */
  surroundingsDigest: SurroundingsDigest | null;
}

/** What surrounds a commune, as the route query's rows (functions/routes/digest-rows.ts), under the versions of her areas around then. */
export interface SurroundingsDigest {
  version: string;
  rows: Int8Array;
  /** The route query's text it was read by (functions/routes/area-digests.ts). */
  query: string;
}

/** An area's version: the graph's structure (or its version, while unstamped) and the area's own, as its log names it. */
export interface AreaVersion {
  base: string;
  stamp: string;
}

/** The version of an area no write has named: the one its log names as the first write's previous. */
const unstamped = "-";

/**
 * The graph's version and those of a route's areas, with the digest of its commune's surroundings when
 * asked, in one read (3 db hits for the graph's, ~35 in all), before the route's other reads, so that
 * what they read is never older than the version it is kept under. While a write that named no areas is the graph's last, every area's version is the graph's.
 */
export async function readAreaVersions(run: RunRead, communeCode: string, departement: string, surroundingsDigest: string | null): Promise<AreaVersions> {
  const [record] = (await run(areaVersionsCypher, { communeCode, departement, surroundingsDigest })).records;
  const version = (record?.get("version") as string | null | undefined) ?? null;
  const stamps = new Map((record?.get("stamps") as [string, string | null][] | undefined) ?? []);
  const base = record?.get("stamped") === true ? (record.get("structure") as string) : version;
  const partsOf = (area: string): AreaVersion | null => (base === null || !stamps.has(area) ? null : { base, stamp: stamps.get(area) ?? unstamped });
  const of = (area: string) => {
    const parts = partsOf(area);
    return parts && `${parts.base}|${parts.stamp}`;
  };
  return {
    graph: version,
    structure: base,
    served: (record?.get("served") as string[] | undefined) ?? [],
    surroundings: (record?.get("surroundings") as string[] | undefined) ?? [],
    of,
    changedSince(area, keptVersion) {
      const [keptBase, keptStamp] = keptVersion.split("|");
      return of(area) !== null && keptBase === base ? keptStamp! : null;
    },
    partsOf,
    surroundingsDigest: (record?.get("surroundingsDigest") as SurroundingsDigest | null | undefined) ?? null,
  };
}
