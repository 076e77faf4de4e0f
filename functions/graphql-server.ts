/**
 * The one place that builds Parcours' GraphQL API: the @neo4j/graphql schema from schema/*.graphql
 * over a Neo4j driver, served by Apollo Server. The Lambda handler and the local server only adapt it.
 */
import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { neo4jGraphQLFeatures } from "./graphql-features";
import type { GraphQLResolveInfo } from "graphql";
import type { Driver } from "neo4j-driver";
import { typeDefs } from "../generated/type-defs";
import { formatError } from "./errors";
import { assertGraphSchema } from "./graph/graph-schema";
import { assertMayEdit } from "./authorization";
import { saveDataset } from "./dataset/save-dataset";
import { referralRoute, routeNodeResolvers, type RouteRequestInput } from "./routes/referral-route";

export type GraphQLContext = Record<string, unknown>;

export interface ServerOptions {
  driver: Driver;
  introspection: boolean;
}

export async function buildGraphQLSchema(driver: Driver) {
  const resolvers = {
    Query: {
      referralRoute: (_root: unknown, args: { input: RouteRequestInput }, context: GraphQLContext, info: GraphQLResolveInfo) =>
        referralRoute(driver, args.input, context, info),
    },
    RouteStep: routeNodeResolvers,
    Exclusion: routeNodeResolvers,
    Mutation: {
      saveDataset: (_root: unknown, args: { input: unknown }, context: GraphQLContext) => {
        assertMayEdit(context);
        return saveDataset(driver, args.input);
      },
    },
  };
  return new Neo4jGraphQL({ typeDefs, driver, resolvers, features: neo4jGraphQLFeatures }).getSchema();
}

export async function createGraphQLServer({ driver, introspection }: ServerOptions): Promise<ApolloServer<GraphQLContext>> {
  const [schema] = await Promise.all([buildGraphQLSchema(driver), assertGraphSchema(driver)]);
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
  });
}
