/**
 * The route query planned before routes ask for it. Neo4j plans a query the first time it meets its
 * text (and its parameters' types) and keeps the plan until it restarts; on a freshly started JVM,
 * planning the route query costs it 7-8 s of CPU (load ~2; a second warm), all of it inside the first
 * routes' 10 s transaction limit: under load they answered degraded. A server (a Lambda container)
 * has Neo4j plan it (EXPLAIN: planned and cached, not run) as it starts, beside the index check, and
 * waits for it at most routeWarmUpWaitMs: on a Neo4j that holds the plan, a round trip the schema
 * build hides; on one just started, the plan is made while the container starts, and routes sent
 * meanwhile wait for that same plan (Neo4j plans a query once for concurrent callers) with less of
 * their limit spent. The local launchers (`npm start`, the benches' instance) wait for it to the end
 * when they have just started Neo4j.
 */
import type { Driver } from "neo4j-driver";
import { referralRouteCypher } from "../../generated/cypher";
import { autoCommitRead } from "../graph/auto-commit-read";
import type { RouteQueryRequest } from "./route-reads";
import { routeDigestsOf } from "./area-digests";

/**
 * How long a starting server waits for the warm-up; beyond, the warm-up goes on without it. Lambda
 * gives a function's init 10 s, module loading and the schema build included.
 */
export const routeWarmUpWaitMs = 5_000;

/** Neo4j stops the warm-up after this: nobody waits for it, but planning on a loaded machine may take 10 s and more. */
const warmUpTimeoutMs = 60_000;

/**
 * A route in immediate danger at Nanterre, as the function sends it. Its values do not enter the plan,
 * only the parameter's type (one map: tests/route-query-plan.test.ts). outOfReachLookedAt is
 * rank-route.ts's, not imported: that module loads the opening hours' parsers, which a container's
 * start need not.
 */
const warmUpRequest: RouteQueryRequest = {
  communeCode: "92050",
  departement: "92",
  needs: [],
  urgentNeeds: ["IMMEDIATE_SAFETY", "EMERGENCY_SHELTER"],
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  audiences: ["VICTIMS", "GENERAL_PUBLIC"],
  emergencyNumbers: ["17", "112", "114", "3919"],
  outOfReachLookedAt: 30,
  keptAreas: [],
  patches: [],
  surroundingsKept: false,
  digests: routeDigestsOf(["VICTIMS", "GENERAL_PUBLIC"]),
};

/**
 * Has Neo4j plan the route query. Never fails: a graph out of reach or too slow leaves the planning to
 * the first routes, with one warning (no stack).
 */
export function warmUpRouteQuery(driver: Driver): Promise<void> {
  return autoCommitRead(driver, warmUpTimeoutMs, (run) => run(`EXPLAIN ${referralRouteCypher}`, { request: warmUpRequest })).then(
    () => undefined,
    (error: unknown) => {
      console.warn(JSON.stringify({ level: "WARN", message: "route query warm-up failed: the first routes plan the query", neo4jCode: (error as { code?: string }).code ?? null }));
    },
  );
}
