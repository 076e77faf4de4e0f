/**
 * The one place that builds Parcours' GraphQL API: the @neo4j/graphql schema from schema/*.graphql
 * over a Neo4j driver, served by Apollo Server with graphql-armor's query limits. The Lambda handler
 * and the local server only adapt it.
 */
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { Driver } from "neo4j-driver";
import type { Resolvers } from "../../generated/graphql";
import { typeDefs } from "../../generated/type-defs";
import { withFieldAuthorization } from "./field-authorization";
import { formatError, formatErrorUnmasked } from "./format-error";
import type { GraphQLContext } from "./graphql-context";
import { assertGraphSchemaWhenReachable } from "../graph/graph-schema";
import { neo4jGraphQLFeatures } from "../graph/neo4j-graphql-features";
import type { AnonymousOperations } from "../config";
import { anonymousOperationAllowlist, persistedOperationStore } from "./operation-allowlist";
import { parseOptions, queryArmor, requestLimits, responseSizeLimit, stringifyResult } from "./query-limits";
import { routeNodeResolvers } from "../routes/graph-nodes";
import { withKeptRouteNodeReads } from "../routes/route-node-reads";
import { routeWarmUpWaitMs, warmUpRouteStatements } from "../routes/route-query-warm-up";
import { withinLimit } from "../graph/within-limit";
import { whenGraphAnswersAgain } from "../graph/outage-breaker";

export interface ServerOptions {
  driver: Driver;
  introspection: boolean;
  /** Unexpected errors answer "Internal server error"; a development stage may show their message. */
  maskErrors?: boolean;
  /** "registered": callers without a token run only registered persisted operations (functions/api/operation-allowlist.ts). */
  anonymousOperations?: AnonymousOperations;
}

/** A module loaded on first use; later calls reuse its promise rather than go through the module loader again. */
function onFirstUse<Module>(load: () => Promise<Module>): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  return () => (loading ??= load());
}

const routeModule = onFirstUse(() => import("../routes/referral-route"));

export async function buildGraphQLSchema(driver: Driver) {
  // The role gates of these mutations are @authentication rules in schema/; the resolvers check the
  // records' scope (functions/auth/authorization.ts) and write the audit record.
  const observatory = onFirstUse(() => import("../observatory/observatory-resolvers").then(({ observatoryResolvers }) => observatoryResolvers(driver)));
  const resolvers: Resolvers = {
    // Routes and writes load their modules (opening hours, the dataset schema, YAML) on first use,
    // not on every cold start.
    Query: {
      referralRoute: async (_root, args, context, info) => {
        const { referralRoute } = await routeModule();
        return referralRoute(driver, args.input, context, info);
      },
      coverage: async (root, args, context, info) => (await observatory()).Query.coverage(root, args, context, info),
      standards: async (root, args, context) => (await observatory()).Query.standards(root, args, context),
      network: async (root, args, context) => (await observatory()).Query.network(root, args, context),
      freshness: async (root, args, context) => (await observatory()).Query.freshness(root, args, context),
      demand: async (root, args, context) => (await observatory()).Query.demand(root, args, context),
      recordsToQualify: async (_root, args, context) => {
        const { readRecordsToQualify } = await import("../imports/records-to-qualify");
        return readRecordsToQualify(driver, args.limit ?? null, context.transaction.timeout);
      },
    },
    RouteStep: routeNodeResolvers,
    Exclusion: routeNodeResolvers,
    Mutation: {
      saveDataset: async (_root, args, context) => {
        const { saveDataset } = await import("../mutations/save-dataset");
        return saveDataset(driver, args.input, context.caller);
      },
      updatePlacesFree: async (_root, args, context) => {
        const { updatePlacesFree } = await import("../mutations/update-places-free");
        return updatePlacesFree(driver, args.input, context.caller, context.transaction);
      },
      markVerified: async (root, args, context) => (await observatory()).Mutation.markVerified(root, args, context),
    },
  };
  // `npm run codegen` builds this schema from the same type definitions with validation on (and CI
  // checks generated/ is fresh): a cold start need not validate them again, a third of the build.
  const schema = await new Neo4jGraphQL({ typeDefs, driver, resolvers, features: neo4jGraphQLFeatures, validate: false }).getSchema();
  return withKeptRouteNodeReads(withFieldAuthorization(schema));
}

export async function createGraphQLServer({ driver, introspection, maskErrors = true, anonymousOperations = "any" }: ServerOptions): Promise<ApolloServer<GraphQLContext>> {
  // The index check's and the route warm-up's round trips to Neo4j start first, so that they
  // overlap the schema build (CPU).
  const [, , schema] = await Promise.all([
    assertGraphSchemaWhenReachable(driver),
    withinLimit(warmUpRouteStatements(driver), routeWarmUpWaitMs),
    buildGraphQLSchema(driver),
  ]);
  // A Neo4j restarted under running functions has lost its plans: a route's statements are planned again as
  // soon as the graph answers, once, rather than by the first routes inside their limits.
  whenGraphAnswersAgain(driver, warmUpRouteStatements);
  const armor = queryArmor();
  const allowlist = anonymousOperations === "registered";
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions,
    formatError: maskErrors ? formatError : formatErrorUnmasked,
    stringifyResult,
    persistedQueries: { cache: persistedOperationStore(allowlist) },
    // Parcours reports to no Apollo GraphOS. Saying so also spares each cold start the import of
    // Apollo's trace protobuf, which the inline-trace plugin would otherwise load at server start.
    plugins: [
      ...armor.plugins,
      requestLimits,
      responseSizeLimit,
      ApolloServerPluginInlineTraceDisabled(),
      // HTTP caching is decided per request, not per field (functions/api/public-read-cache.ts): Apollo's
      // cache-control plugin would wrap every field's resolver to compute hints that nothing reads.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // The bundles run with NODE_ENV=production (local/build.ts), which would make Apollo show another
      // landing page; the page a browser gets stays the one chosen here, whatever NODE_ENV says.
      ApolloServerPluginLandingPageLocalDefault(),
      ...(allowlist ? [anonymousOperationAllowlist] : []),
    ],
    validationRules: armor.validationRules,
  });
}
