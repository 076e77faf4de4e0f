/** `referralRoute`: checks the request, runs the route query, ranks, and hands back graph nodes. */
import type { GraphQLResolveInfo } from "graphql";
import { DateTime } from "luxon";
import type { Driver } from "neo4j-driver";
import { emergencyLines } from "../../generated/emergency-lines";
import { communesOfRequest } from "../domain/territories";
import { autoCommitRead } from "../graph/auto-commit-read";
import { readAreaVersions } from "../graph/graph-version";
import { isGraphBusy, isGraphUnreachable, isTransactionTimeout } from "../graph/graph-unreachable";
import { graphRecovering, recoveringLimitMs, refusedByOutageBreaker } from "../graph/outage-breaker";
import { tooLate, withinLimit } from "../graph/within-limit";
import type { NeedCode, RouteRequest } from "../../generated/graphql";
import type { Role } from "../auth/caller";
import type { GraphQLContext } from "../api/graphql-context";
import { recordDemand } from "../observatory/demand-counts";
import { readRankingInput, surroundingsDigestWanted, type RouteQueryParams } from "./route-reads";
import { fetchRouteNodes, type NodesByKey } from "./graph-nodes";
import { PARIS } from "../domain/opening-status";
import { BadUserInput } from "../errors";
import { childEmergencyNumber, emergencyNumbers } from "./emergency-numbers";
import { emergencyContactOf, rankRoute, type PlannedRoute, type RouteRequestPlan } from "./rank-route";
import { outOfReachLookedAt } from "./out-of-reach-looked-at";
import { afterWarmUp } from "./route-query-warm-up";
import { perpetratorAudiences, victimAudiences } from "./route-audiences";

const urgentNeeds: NeedCode[] = ["IMMEDIATE_SAFETY", "EMERGENCY_SHELTER"];
/** A name such as Saint-Denis is borne by dozens of communes: an error lists a readable few. */
const maxCandidatesShown = 12;

/** A route step or exclusion before its `service` and `actor` resolve from the fetched nodes. */
export type RouteStepResult = PlannedRoute["steps"][number] & { nodes: NodesByKey };
export type ExclusionResult = PlannedRoute["excluded"][number] & { nodes: NodesByKey };

export interface RouteResult extends Omit<PlannedRoute, "steps" | "excluded"> {
  steps: RouteStepResult[];
  excluded: ExclusionResult[];
  communeCode: string;
  communeName: string;
  covered: boolean;
  needs: NeedCode[];
  at: string;
  degraded: boolean;
  degradedReason: string | null;
}

const degradedReason =
  "Service momentanément indisponible : seuls les numéros d'urgence sont donnés. Les services du territoire et les besoins " +
  "de la situation n'ont pas pu être consultés ; réessayez dans quelques minutes.";

/** Who may see free-place counts; the others learn only whether places are free (README, Roles and access). */
const rolesSeeingPlaceCounts = new Set<Role>(["FRONTLINE", "COORDINATOR", "SHELTER_OPERATOR", "ADMIN"]);

export async function referralRoute(driver: Driver, input: RouteRequest, context: GraphQLContext, info: GraphQLResolveInfo): Promise<RouteResult> {
  const { plan, params, dangerNumbers } = await planOf(input, context.caller.role);
  try {
    const transaction = graphRecovering() ? { timeout: recoveringLimitMs } : context.transaction;
    let givenUp = false;
    const route = await withinLimit(routeFromGraph(driver, plan, params, context, info, transaction, () => givenUp), recoveringLimitMs, () => (givenUp = graphRecovering()));
    if (route !== tooLate) return route;
    console.warn(JSON.stringify({ level: "WARN", message: "degraded route: the recovering graph did not answer in time", limitMs: recoveringLimitMs }));
  } catch (error) {
    // A route beyond its time limit is a database in trouble, not a costly request: the numbers, then.
    if (!isGraphUnreachable(error) && !isGraphBusy(error) && !isTransactionTimeout(error)) throw error;
    console.warn(
      JSON.stringify({ level: "WARN", message: "degraded route: the graph is unreachable or too slow", neo4jCode: (error as { code?: string }).code ?? null, breakerOpen: refusedByOutageBreaker(error) }),
    );
  }
  return degradedRoute(plan, dangerNumbers);
}

/**
 * A woman in danger always gets the numbers: with the graph out of reach, the route gives those shipped
 * with the function (generated/emergency-lines.ts, from seed/), also for a planned route, since they are
 * all it can give. The needs, typical of the situations in the graph, are not known: none is listed.
 */
function degradedRoute(plan: RouteRequestPlan, numbers: readonly string[]): RouteResult {
  return {
    emergency: emergencyLines.filter((line) => numbers.includes(line.number)).map(emergencyContactOf),
    steps: [],
    excluded: [],
    excludedTruncated: false,
    uncoveredNeeds: [],
    needs: [],
    communeCode: plan.communeCode,
    communeName: plan.communeName,
    covered: plan.covered,
    at: plan.at.toISO()!,
    degraded: true,
    degradedReason,
  };
}

async function routeFromGraph(
  driver: Driver,
  plan: RouteRequestPlan,
  params: RouteQueryParams,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  transaction: { timeout: number },
  givenUp: () => boolean,
): Promise<RouteResult> {
  // The versions (the graph's, the areas'), the route query (when its answer is not kept) and the fetch of its nodes are
  // auto-commit reads (one socket write each, where a transaction adds its BEGIN and COMMIT). A
  // transaction would not have shown them one state of the graph either: Neo4j's isolation is
  // read-committed, statement by statement. The versions are read first: an answer is then never
  // older than the version it is kept under.
  const { route, nodes } = await autoCommitRead(driver, transaction.timeout, async (read) => {
    const run = afterWarmUp(driver, read, givenUp);
    const versions = await readAreaVersions(run, params.communeCode, params.departement, surroundingsDigestWanted(params));
    const { needRows, emergencyRows, outOfReachCut } = await readRankingInput(run, driver, versions, params);
    const route = { ...rankRoute(plan, needRows, emergencyRows, outOfReachCut), needs: needRows.map((n) => n.need) };
    const nodes = await fetchRouteNodes(info, context, run, versions.graph, ["steps", "excluded"], (field, lists) => {
      const entries = [...(lists.includes("steps") ? route.steps : []), ...(lists.includes("excluded") ? route.excluded : [])];
      return [...new Set(entries.map((s) => (field === "service" ? s.serviceId : s.actorId)))].sort();
    });
    return { route, nodes };
  });
  recordDemand(driver, {
    communeCode: plan.communeCode,
    situations: plan.situations,
    needs: route.needs,
    uncoveredNeeds: route.uncoveredNeeds.map((uncovered) => uncovered.need),
    urgency: plan.urgency,
  });
  return {
    ...route,
    steps: route.steps.map((step) => ({ ...step, nodes })),
    excluded: route.excluded.map((exclusion) => ({ ...exclusion, nodes })),
    communeCode: plan.communeCode,
    communeName: plan.communeName,
    covered: plan.covered,
    at: plan.at.toISO()!,
    degraded: false,
    degradedReason: null,
  };
}


/** The checked request, computed once: what the ranking reads, and the route query's parameters. */
async function planOf(input: RouteRequest, role: Role): Promise<{ plan: RouteRequestPlan; params: RouteQueryParams; dangerNumbers: string[] }> {
  if (input.situations.length === 0) refuse("situations", "give at least one situation");
  const needs = input.needs ?? [];
  const perpetrator = needs.includes("PERPETRATOR_FOLLOW_UP");
  if (perpetrator && needs.length > 1) {
    refuse("needs", "a route is for a victim or for a perpetrator: PERPETRATOR_FOLLOW_UP cannot be mixed with other needs");
  }
  if (input.age != null && (input.age < 0 || input.age > 120)) refuse("age", "must be between 0 and 120");
  const maxOptionsPerNeed = input.maxOptionsPerNeed ?? 3;
  if (maxOptionsPerNeed < 1 || maxOptionsPerNeed > 10) refuse("maxOptionsPerNeed", "must be between 1 and 10");
  const languages = input.languages ?? [];
  const badLanguage = languages.find((l) => !/^[a-z]{2,3}$/.test(l));
  if (badLanguage !== undefined) refuse("languages", `"${badLanguage}" is not an ISO 639 language code such as "fr" or "ar"`);

  const communes = await communesOfRequest(input.commune);
  if (communes.length === 0) {
    refuse("commune", `"${input.commune}" is neither the name nor the INSEE code of a French commune (Nanterre, 92050, Lyon, 69123)`);
  }
  if (communes.length > 1) {
    const shown = communes.slice(0, maxCandidatesShown).map((c) => `${c.code} ${c.name} (${c.departement})`);
    const more = communes.length > maxCandidatesShown ? ` and ${communes.length - maxCandidatesShown} more` : "";
    refuse("commune", `"${input.commune}" names ${communes.length} communes (${shown.join(", ")}${more}): give the INSEE code`);
  }
  const commune = communes[0]!;
  const at = input.at ? DateTime.fromISO(input.at.toString(), { setZone: true }) : DateTime.now();
  if (!at.isValid) refuse("at", "must be an ISO 8601 date and time");

  const age = input.age ?? null;
  const urgency = input.urgency ?? "PLANNED";
  const forAChild = (age !== null && age < 18) || input.situations.includes("CHILD_EXPOSURE");
  const dangerNumbers = forAChild ? [...emergencyNumbers, childEmergencyNumber] : [...emergencyNumbers];
  const plan: RouteRequestPlan = {
    communeCode: commune.code,
    communeName: commune.name,
    departement: commune.departement,
    covered: commune.covered,
    situations: input.situations,
    urgency,
    at: at.setZone(PARIS),
    withChildren: input.withChildren ?? null,
    age,
    languages,
    maxOptionsPerNeed,
    showsPlaceCounts: rolesSeeingPlaceCounts.has(role),
  };
  const params: RouteQueryParams = {
    communeCode: commune.code,
    departement: commune.departement,
    needs,
    urgentNeeds: urgency === "IMMEDIATE_DANGER" && !perpetrator ? urgentNeeds : [],
    situations: input.situations,
    audiences: perpetrator ? perpetratorAudiences : victimAudiences,
    // A planned route lists no emergency numbers (rank-route.ts): the query need not look them up.
    emergencyNumbers: urgency === "PLANNED" ? [] : dangerNumbers,
    outOfReachLookedAt,
  };
  return { plan, params, dangerNumbers };
}

function refuse(field: string, reason: string): never {
  throw new BadUserInput(`Invalid route request: input.${field} ${reason}.`, { field: `input.${field}`, reason });
}
