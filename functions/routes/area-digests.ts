/**
 * Area digests: the services of an area as the route query reads them (its rows), kept in the graph by
 * the function that read the area whole, for the functions that hold none of it. A function started
 * cold reads the digest, one property, and only the services the area's log names as written since
 * (referral-route.cypher): at France density the Hauts-de-Seine's ~1 400 services are read once in a
 * while, not by every new container. The digest holds what any route of the same audiences reads,
 * nothing of a caller's view: no confidential place (the query leaves them out), no contact.
 * The route does not wait for the write: as the demand counts, one write at a time empties a buffer;
 * tests and benchmarks await flushAreaDigests().
 */
import { createHash } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { referralRouteCypher, writeAreaDigestsCypher } from "../../generated/cypher";
import { withoutOutageBreaker } from "../graph/outage-breaker";
import type { AreaVersion } from "../graph/graph-version";

/** The rows change with the query's text: a digest names the one it was read by, and a deploy reads its own. */
const queryOfRows = createHash("sha256").update(referralRouteCypher).digest("hex").slice(0, 16);

/** What names a digest beside its area ($request.digestKey): the query and the route's audiences. */
export function digestKeyOf(audiences: readonly string[]): string {
  return [queryOfRows, ...audiences].join(" ");
}

/** Below this many services, an area costs a route less to read whole than its digest costs to write. */
const digestFrom = 10;
/** The write's time limit: nobody waits for it. */
const writeLimitMs = 10_000;

interface PendingDigest {
  key: string;
  area: string;
  base: string;
  stamp: string;
  rows: string;
}

let pending = new Map<string, PendingDigest>();
let writing: Promise<void> | null = null;

/** Keeps the rows of an area read whole, under the version read before them. */
export function keepAreaDigest(driver: Driver, area: string, version: AreaVersion, digestKey: string, rows: readonly unknown[][]): void {
  if (rows.length < digestFrom) return;
  const key = `${area} ${digestKey}`;
  pending.set(key, { key, area, base: version.base, stamp: version.stamp, rows: JSON.stringify(rows) });
  writing ??= writePending(driver);
}

/** Resolves when every digest kept so far is written (or failed). */
export async function flushAreaDigests(): Promise<void> {
  while (writing) await writing;
}

async function writePending(driver: Driver): Promise<void> {
  try {
    while (pending.size > 0) {
      const digests = [...pending.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      pending = new Map();
      try {
        // Nobody waits for it: a failure during a restart must not have the breaker refuse the next routes.
        await withoutOutageBreaker(driver).executeQuery(writeAreaDigestsCypher, { digests }, { transactionConfig: { timeout: writeLimitMs } });
      } catch (error) {
        // A digest spares reads, no route depends on it: the failure is said, without the rows.
        console.error(JSON.stringify({ level: "ERROR", message: "area digests not written", areas: digests.map((d) => d.area), kind: (error as Error).name }));
      }
    }
  } finally {
    writing = null;
  }
}
