/**
 * The observatory's resolvers (schema/observatory.graphql). The role gate is the fields'
 * @authentication rule; each resolver checks the département (observatory-access.ts) first.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { Driver } from "neo4j-driver";
import type { GraphQLContext } from "../api/graphql-context";
import type { MutationMarkVerifiedArgs, QueryCoverageArgs, QueryDemandArgs, QueryFreshnessArgs, QueryNetworkArgs, QueryStandardsArgs } from "../../generated/graphql";
import { communesCoverageFields, communesCoverageOf, coverageOf, readCoverageGraph, type CoverageGraph } from "./coverage";
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

const communesCoverageAsked = new Set<string>([...communesCoverageFields, "__typename"]);

/** The names of the fields asked of the field's value, through fragments, whatever their @skip or @include. */
function fieldsAsked(info: GraphQLResolveInfo): string[] {
  const names: string[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

export function observatoryResolvers(driver: Driver) {
  const graphKey = (departement: string) => `observatoryGraph:${departement}`;
  /** Coverage, standards and network read the same services: a request asking for several reads them once. */
  const graphOf = (context: GraphQLContext, departement: string): Promise<CoverageGraph> => {
    context[graphKey(departement)] ??= readCoverageGraph(driver, departement, allowed(context, departement));
    return context[graphKey(departement)] as Promise<CoverageGraph>;
  };
  return {
    Query: {
      coverage: async (_root: unknown, args: QueryCoverageArgs, context: GraphQLContext, info: GraphQLResolveInfo) => {
        const situation = args.situation ?? null;
        const communesPage = { offset: offsetOf(args.communesOffset), limit: bounded(args.communesLimit, MAX_COMMUNES, MAX_COMMUNES) };
        // A page of communes asked without the département's gaps or communes (a chosen cell's
        // details) reads only what its cells need, unless the request has read the département already.
        if (context[graphKey(args.departement)] === undefined && fieldsAsked(info).every((name) => communesCoverageAsked.has(name))) {
          const graph = await readCoverageGraph(driver, args.departement, allowed(context, args.departement), communesPage);
          return communesCoverageOf(graph, args.departement, situation);
        }
        const gapsPage = { offset: offsetOf(args.gapsOffset), limit: bounded(args.gapsLimit, DEFAULT_GAPS, MAX_GAPS) };
        return coverageOf(await graphOf(context, args.departement), args.departement, situation, gapsPage, communesPage);
      },
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
