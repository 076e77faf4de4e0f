/**
 * The routes' digests (functions/routes/area-digests.ts): functions/handlers/route-digests.handler writes
 * those of France, the départements, the zones and the large communes that are not current, every 5
 * minutes, so that after a change of the structure (territories, needs, situations) or many writes in an
 * area, the first route of a new container reads digests rather than her areas' services whole. It only
 * reads the graph and writes digests; on demand: `aws lambda invoke --function-name <routeDigestsFunction>`.
 */
import { routeDigestsFunctionMemoryMb } from "./function-memory";
import { builtFunction, neo4jEnvironment } from "./settings";

export const routeDigestsFunction = new sst.aws.Function("RouteDigests", {
  ...builtFunction("route-digests"),
  memory: `${routeDigestsFunctionMemoryMb} MB`,
  // Shorter than the schedule's period, so that two runs do not overlap. Writing every digest of the
  // France-sized graph anew took 50 s (npm run bench:route-digests); a run stops before the limit.
  timeout: "4 minutes",
  environment: neo4jEnvironment,
});

new sst.aws.CronV2("RouteDigestsAhead", {
  function: routeDigestsFunction.arn,
  schedule: "rate(5 minutes)",
});
