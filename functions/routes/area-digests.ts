/**
 * Digests: what the route query read whole, as its rows, kept in the graph by the function that read it
 * for the functions that hold none of it. At France density the Hauts-de-Seine's ~1 400 services are
 * read once in a while, not by every new container.
 * - An area's services: a function reads the digest, one property, and only the services the area's
 *   log names as written since (referral-route.cypher).
 * - A commune's surroundings (its areas, the communes near her, the services of other communes a route
 *   looks at): read with the versions (area-versions.cypher), used while their areas are unchanged.
 * A digest holds what any route of the same audiences reads, nothing of a caller's view: no
 * confidential place (the query leaves them out), no contact.
 * The route does not wait for the write: as the demand counts, one write at a time empties a buffer;
 * tests and benchmarks await flushAreaDigests().
 */
import { createHash } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { referralRouteCypher, writeAreaDigestsCypher } from "../../generated/cypher";
import { withoutOutageBreaker } from "../graph/outage-breaker";
import type { AreaVersion, SurroundingsDigest } from "../graph/graph-version";
import { packedRows, rowsForm, unpackedRows } from "./digest-rows";
import { surroundingsOfRows, type Surroundings, type SurroundingsRows } from "./route-query-answer";

/**
 * The rows change with the query's text: a digest names the one it was read by (and the form its rows
 * are kept in, digest-rows.ts), and only the functions of that text read it. One digest an area and
 * audiences: during a deploy, the two releases' functions write theirs in turn; then the new one's stay.
 */
export const queryOfRows = createHash("sha256").update(referralRouteCypher).update(rowsForm).digest("hex").slice(0, 16);

/** Which digests a route reads ($request.digests): those of its audiences, read by this query. */
export interface RouteDigests {
  audiences: string;
  query: string;
}

export function routeDigestsOf(audiences: readonly string[]): RouteDigests {
  return { audiences: audiences.join(" "), query: queryOfRows };
}

/** Below this many services, an area costs a route less to read whole than its digest costs to write. */
export const digestFrom = 10;
/** The write's time limit: nobody waits for it. */
const writeLimitMs = 10_000;

/** An area's digest as write-area-digests.cypher writes it. */
export interface AreaDigest {
  key: string;
  query: string;
  area: string;
  base: string;
  stamp: string;
  rows: Int8Array;
}

interface PendingSurroundingsDigest {
  key: string;
  query: string;
  version: string;
  rows: Int8Array;
}

let pending = { areas: new Map<string, AreaDigest>(), surroundings: new Map<string, PendingSurroundingsDigest>() };
let writing: Promise<void> | null = null;

/** Keeps the rows of an area read whole, under the version read before them. */
export function keepAreaDigest(driver: Driver, area: string, version: AreaVersion, digests: RouteDigests, rows: readonly unknown[][]): void {
  if (rows.length < digestFrom) return;
  const digest = areaDigestOf(area, version, digests, rows);
  pending.areas.set(digest.key, digest);
  writing ??= writePending(driver);
}

/** The digest of an area's rows, read by the route query under this version of the area. */
export function areaDigestOf(area: string, version: AreaVersion, digests: RouteDigests, rows: readonly unknown[][]): AreaDigest {
  return { key: `${area} ${digests.audiences}`, query: digests.query, area, base: version.base, stamp: version.stamp, rows: packedRows(rows) };
}

/** What names the digest of a commune's surroundings (area-versions.cypher's $surroundingsDigest). */
export function surroundingsDigestKeyOf(communeCode: string, audiences: readonly string[]): string {
  return `${communeCode} ${routeDigestsOf(audiences).audiences}`;
}

/** Keeps what surrounds a commune, read under these versions of her areas around (versionOfAll, route-reads.ts). */
export function keepSurroundingsDigest(driver: Driver, key: string, version: string, rows: SurroundingsRows): void {
  pending.surroundings.set(key, { key, query: queryOfRows, version, rows: packedRows(rows) });
  writing ??= writePending(driver);
}

/** The surroundings a digest holds, if it was written under these versions. */
export function surroundingsOfDigest(digest: SurroundingsDigest | null, version: string | null): Surroundings | undefined {
  return digest && version !== null && digest.version === version && digest.query === queryOfRows ? surroundingsOfRows(unpackedRows<SurroundingsRows>(digest.rows)) : undefined;
}

function sortedByKey<Digest extends { key: string }>(digests: Map<string, Digest>): Digest[] {
  return [...digests.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Resolves when every digest kept so far is written (or failed). */
export async function flushAreaDigests(): Promise<void> {
  while (writing) await writing;
}

async function writePending(driver: Driver): Promise<void> {
  try {
    while (pending.areas.size + pending.surroundings.size > 0) {
      const areas = sortedByKey(pending.areas);
      const surroundings = sortedByKey(pending.surroundings);
      pending = { areas: new Map(), surroundings: new Map() };
      try {
        // Nobody waits for it: a failure during a restart must not have the breaker refuse the next routes.
        await withoutOutageBreaker(driver).executeQuery(writeAreaDigestsCypher, { areas, surroundings }, { transactionConfig: { timeout: writeLimitMs } });
      } catch (error) {
        // A digest spares reads, no route depends on it: the failure is said, without the rows.
        const written = [...areas.map((d) => d.area), ...surroundings.map((d) => d.key.slice(0, d.key.indexOf(" ")))];
        console.error(JSON.stringify({ level: "ERROR", message: "route digests not written", areas: written, kind: (error as Error).name }));
      }
    }
  } finally {
    writing = null;
  }
}
