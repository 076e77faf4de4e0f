/**
 * The statements of a route planned before routes ask for them. Neo4j plans a statement the first
 * time it meets its text (and its parameters' types) and keeps the plan until it restarts; on a
 * freshly started JVM, planning the route query costs it 6-8 s of CPU (a second warm), the read of
 * the areas' versions 1-2 s, the fetch of the route's nodes and the demand counts' write about a
 * second each, all of it inside the first routes' limits: under load they answered degraded. A server
 * (a Lambda container) has Neo4j plan them (EXPLAIN: planned and cached, not run) as it starts, beside
 * the index check, and waits for it at most routeWarmUpWaitMs: on a Neo4j that holds the plans, a
 * round trip the schema build hides; on one just started, the plans are made while the container
 * starts. A server also has them planned again when its graph answers after an outage
 * (functions/api/graphql-server.ts): a Neo4j restarted has lost its plans. The local launchers
 * (`npm start`, the benches' instance) wait for it to the end when they have just started Neo4j.
 *
 * While a statement's plan is being made, a route waits for it before it sends that statement
 * (afterWarmUp): Neo4j would have it wait for the same plan, holding a pooled connection, and a route
 * given up at its limit meanwhile (4 s while the graph recovers) would still have its statement run,
 * for nobody, on a JVM whose first runs are slow; a route given up sends nothing more.
 */
import type { Driver, RecordShape } from "neo4j-driver";
import { addDemandCountsCypher, areaVersionsCypher, referralRouteCypher } from "../../generated/cypher";
import { autoCommitRead, type RunRead } from "../graph/auto-commit-read";
import { outOfReachLookedAt } from "./out-of-reach-looked-at";
import { keptRouteNodeStatements } from "./route-node-reads";
import type { RouteQueryRequest } from "./route-reads";
import { routeDigestsOf, surroundingsDigestKeyOf } from "./area-digests";

/**
 * How long a starting server waits for the warm-up; beyond, the warm-up goes on without it. Lambda
 * gives a function's init 10 s, module loading and the schema build included.
 */
export const routeWarmUpWaitMs = 5_000;

/** Neo4j stops the warm-up after this: nobody waits for it, but planning on a loaded machine may take 10 s and more. */
const warmUpTimeoutMs = 60_000;

/**
 * A route in immediate danger at Nanterre, as the function sends it. Its values do not enter the plan,
 * only the parameter's type (one map: tests/route-query-plan.test.ts).
 */
const warmUpRequest: RouteQueryRequest = {
  communeCode: "92050",
  departement: "92",
  needs: [],
  urgentNeeds: ["IMMEDIATE_SAFETY", "EMERGENCY_SHELTER"],
  situations: ["INTIMATE_PARTNER_VIOLENCE"],
  audiences: ["VICTIMS", "GENERAL_PUBLIC"],
  emergencyNumbers: ["17", "112", "114", "3919"],
  outOfReachLookedAt,
  keptAreas: [],
  patches: [],
  surroundingsKept: false,
  digests: routeDigestsOf(["VICTIMS", "GENERAL_PUBLIC"]),
};

interface Statement {
  cypher: string;
  parameters: Record<string, unknown>;
}

/** The counts of a few routes (Neo4j plans a list of 2 to 10 apart from one of 1); their values do not enter the plan. */
const warmUpDemandCounts = [1, 2].map((increment) => ({
  key: `warm-up-${increment}`,
  day: "2026-01-01",
  communeCode: "92050",
  situation: "INTIMATE_PARTNER_VIOLENCE",
  need: "IMMEDIATE_SAFETY",
  urgency: "IMMEDIATE_DANGER",
  covered: true,
  increment,
}));

/** What a route waits for: the plans under way, by statement, for each driver. */
const plansUnderWay = new WeakMap<Driver, Map<string, Promise<unknown>>>();

/**
 * Has Neo4j plan a route's statements, those a route waits for side by side, then the demand counts'
 * write, which nobody waits for. Never fails: a graph out of reach or too slow leaves the planning to
 * the first routes, with one warning (no stack).
 */
export async function warmUpRouteStatements(driver: Driver): Promise<void> {
  const routeStatements: Statement[] = [
    // As a new container's first route asks it: holding nothing of the commune, with her surroundings' digest.
    {
      cypher: areaVersionsCypher,
      parameters: {
        communeCode: warmUpRequest.communeCode,
        departement: warmUpRequest.departement,
        surroundingsDigest: surroundingsDigestKeyOf(warmUpRequest.communeCode, warmUpRequest.audiences),
      },
    },
    { cypher: referralRouteCypher, parameters: { request: warmUpRequest } },
    ...keptRouteNodeStatements(),
  ];
  const planned = await Promise.allSettled(routeStatements.map((statement) => plan(driver, statement)));
  const failure = planned.find((outcome) => outcome.status === "rejected");
  if (failure === undefined) await plan(driver, { cypher: addDemandCountsCypher, parameters: { counts: warmUpDemandCounts } }).catch(() => undefined);
  else console.warn(JSON.stringify({ level: "WARN", message: "route warm-up failed: the first routes plan their statements", neo4jCode: (failure.reason as { code?: string }).code ?? null }));
}

function plan(driver: Driver, { cypher, parameters }: Statement): Promise<unknown> {
  const plans = plansUnderWay.get(driver) ?? plansUnderWay.set(driver, new Map()).get(driver)!;
  const planning = autoCommitRead(driver, warmUpTimeoutMs, (run) => run(`EXPLAIN ${cypher}`, parameters)).finally(() => {
    if (plans.get(cypher) === planning) plans.delete(cypher);
  });
  plans.set(cypher, planning);
  return planning;
}

/**
 * The reads of a route on this driver, each statement sent once the warm-up has planned it, if it is
 * planning it, and none once the route is given up (its caller answered without it).
 */
export function afterWarmUp(driver: Driver, run: RunRead, givenUp: () => boolean): RunRead {
  const plans = plansUnderWay.get(driver);
  return <Shape extends RecordShape = RecordShape>(query: string, parameters?: Record<string, unknown>) => {
    const send = () => (givenUp() ? Promise.reject(new Error("route given up: its statement is not sent")) : run<Shape>(query, parameters));
    const planning = plans?.get(query);
    return planning === undefined ? send() : planning.then(send, send);
  };
}
