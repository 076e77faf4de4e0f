/**
 * The one place that builds Parcours' GraphQL API: the @neo4j/graphql schema from schema/*.graphql
 * over a Neo4j driver, served by Apollo Server with graphql-armor's query limits. The Lambda handler
 * and the local server only adapt it.
 */
import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { Driver } from "neo4j-driver";
import { typeDefs } from "../generated/type-defs";
import type { Caller, Claims } from "./auth/caller";
import { updatePlacesFree } from "./capacity/update-places-free";
import { saveDataset } from "./dataset/save-dataset";
import { formatError } from "./errors";
import { assertGraphSchema } from "./graph/graph-schema";
import { neo4jGraphQLFeatures } from "./graph/neo4j-graphql-features";
import { nonNegativePagination, parseOptions, queryArmor } from "./query-limits";
import { referralRoute, routeNodeResolvers, type RouteRequestInput } from "./routes/referral-route";

/**
 * A request's context: the caller, and for @neo4j/graphql the verified claims as `jwt` (absent for
 * PUBLIC), which its @authentication/@authorization rules and `$jwt` in @cypher fields read.
 */
export interface GraphQLContext {
  caller: Caller;
  jwt?: Claims;
  [key: string]: unknown;
}

export function contextOf(caller: Caller): GraphQLContext {
  return caller.claims ? { caller, jwt: caller.claims } : { caller };
}

export interface ServerOptions {
  driver: Driver;
  introspection: boolean;
}

export async function buildGraphQLSchema(driver: Driver) {
  // The role gates of these mutations are @authentication rules in schema/; the resolvers check the
  // records' scope (functions/authorization.ts) and write the audit record.
  const resolvers = {
    Query: {
      referralRoute: (_root: unknown, args: { input: RouteRequestInput }, context: GraphQLContext, info: GraphQLResolveInfo) =>
        referralRoute(driver, args.input, context, info),
    },
    RouteStep: routeNodeResolvers,
    Exclusion: routeNodeResolvers,
    Mutation: {
      saveDataset: (_root: unknown, args: { input: unknown }, context: GraphQLContext) => saveDataset(driver, args.input, context.caller),
      updatePlacesFree: (_root: unknown, args: { input: unknown }, context: GraphQLContext) => updatePlacesFree(driver, args.input, context.caller),
    },
  };
  return new Neo4jGraphQL({ typeDefs, driver, resolvers, features: neo4jGraphQLFeatures }).getSchema();
}

export async function createGraphQLServer({ driver, introspection }: ServerOptions): Promise<ApolloServer<GraphQLContext>> {
  const [schema] = await Promise.all([buildGraphQLSchema(driver), assertGraphSchema(driver)]);
  const armor = queryArmor();
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions,
    formatError,
    plugins: [...armor.plugins, nonNegativePagination],
    validationRules: armor.validationRules,
  });
}
