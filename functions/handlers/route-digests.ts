/**
 * AWS Lambda entry point for the routes' digests: run by the schedule (an EventBridge event) or on demand
 * (any invocation), it writes the digests of France, the départements, the zones and the large communes
 * that are not current (functions/routes/route-digests-ahead.ts), until shortly before Lambda stops it.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import type { Context } from "aws-lambda";
import { neo4jSettingsFromEnv } from "../config";
import { createDriver } from "../graph/driver";
import { writeRouteDigestsAhead, type RouteDigestsAheadReport } from "../routes/route-digests-ahead";

const logger = new Logger({ serviceName: "parcours-route-digests" });
const driver = createDriver(neo4jSettingsFromEnv());
/** Left to the last statement and the report when the deadline comes: each statement is limited to 20 s. */
const marginMs = 25_000;

/** A failed run, as the invoker sees it: what failed, without the stack (which the log keeps). */
export class RouteDigestsNotWritten extends Error {
  override name = "RouteDigestsNotWritten";
  constructor(reason: string) {
    super(`route digests not written, routes read their areas whole meanwhile: ${reason}`);
    this.stack = `${this.name}: ${this.message}`;
  }
}

export async function handler(_event: unknown, context: Context): Promise<RouteDigestsAheadReport> {
  logger.addContext(context);
  try {
    const report = await writeRouteDigestsAhead(driver, Date.now() + context.getRemainingTimeInMillis() - marginMs);
    logger.info("route digests written ahead", { ...report });
    return report;
  } catch (error) {
    // A route reads the area whole without its digest: nothing waits for this one. The invocation fails, so that the schedule's is retried.
    logger.error("route digests not written", { error: error as Error });
    throw new RouteDigestsNotWritten(error instanceof Error ? error.message : String(error));
  }
}
