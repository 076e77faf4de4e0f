/**
 * What the stack's schedule does every 5 minutes (stacks/route-digests.ts), done once locally after
 * seed/ is loaded and when `npm start` starts: the routes' digests of France, the départements, the
 * zones and the large communes, written ahead of the routes.
 */
import type { Driver } from "neo4j-driver";
import { writeRouteDigestsAhead } from "../functions/routes/route-digests-ahead";

/** Time given to the job: seed/'s areas take a second or two. */
const localLimitMs = 60_000;

/** Writes them, and says what it wrote. */
export async function writeLocalRouteDigests(driver: Driver): Promise<string> {
  const { written, patched, left, seconds } = await writeRouteDigestsAhead(driver, Date.now() + localLimitMs);
  return `Route digests written ahead: ${written} (${patched} brought up to date), ${left} left, in ${seconds.toFixed(1)} s`;
}
