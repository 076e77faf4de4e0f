/**
 * The observatory's resolvers (schema/observatory.graphql). The role gate is the fields'
 * @authentication rule; each resolver checks the département (observatory-access.ts) first.
 */
import type { Driver } from "neo4j-driver";
import type { GraphQLContext } from "../api/graphql-context";
import type { MutationMarkVerifiedArgs, QueryCoverageArgs, QueryDemandArgs, QueryFreshnessArgs, QueryNetworkArgs, QueryStandardsArgs } from "../../generated/graphql";
import { coverageOf, readCoverageGraph, type CoverageGraph } from "./coverage";
import { demand } from "./demand";
import { freshness } from "./freshness";
import { markVerified } from "./mark-verified";
import { network } from "./network";
import { assertCoveredDepartement, assertMayObserve } from "./observatory-access";
import { standardsOf } from "./standards";

const DEFAULT_FACTS = 100;
const MAX_FACTS = 1000;
const DEFAULT_GAPS = 50;
const MAX_GAPS = 500;
/** More communes than any département of France has (62 Pas-de-Calais: 887): by default, every commune's cells. */
const MAX_COMMUNES = 1000;

const bounded = (value: number | null | undefined, fallback: number, max: number) => Math.min(Math.max(value ?? fallback, 0), max);
const offsetOf = (value: number | null | undefined) => Math.max(value ?? 0, 0);

function allowed(context: GraphQLContext, departement: string): number {
  assertMayObserve(context.caller, departement);
  assertCoveredDepartement(departement);
  return context.transaction.timeout;
}

export function observatoryResolvers(driver: Driver) {
  /** Coverage, standards and network read the same services: a request asking for several reads them once. */
  const graphOf = (context: GraphQLContext, departement: string): Promise<CoverageGraph> => {
    const key = `observatoryGraph:${departement}`;
    context[key] ??= readCoverageGraph(driver, departement, allowed(context, departement));
    return context[key] as Promise<CoverageGraph>;
  };
  return {
    Query: {
      coverage: async (_root: unknown, args: QueryCoverageArgs, context: GraphQLContext) =>
        coverageOf(await graphOf(context, args.departement), args.departement, args.situation ?? null, {
          offset: offsetOf(args.gapsOffset),
          limit: bounded(args.gapsLimit, DEFAULT_GAPS, MAX_GAPS),
        }, {
          offset: offsetOf(args.communesOffset),
          limit: bounded(args.communesLimit, MAX_COMMUNES, MAX_COMMUNES),
        }),
      standards: async (_root: unknown, args: QueryStandardsArgs, context: GraphQLContext) => standardsOf(await graphOf(context, args.departement), args.departement),
      network: async (_root: unknown, args: QueryNetworkArgs, context: GraphQLContext) =>
        network(driver, args.departement, await graphOf(context, args.departement), allowed(context, args.departement)),
      freshness: (_root: unknown, args: QueryFreshnessArgs, context: GraphQLContext) => {
        const timeout = allowed(context, args.departement);
        const page = { offset: offsetOf(args.offset), limit: bounded(args.limit, DEFAULT_FACTS, MAX_FACTS) };
        return freshness(driver, args.departement, { ...page, since: args.since?.toString() ?? null, timeout });
      },
      demand: (_root: unknown, args: QueryDemandArgs, context: GraphQLContext) =>
        demand(driver, args.departement, { from: args.from?.toString() ?? null, to: args.to?.toString() ?? null, timeout: allowed(context, args.departement) }),
    },
    Mutation: {
      markVerified: (_root: unknown, args: MutationMarkVerifiedArgs, context: GraphQLContext) => markVerified(driver, args.input, context.caller),
    },
  };
}
