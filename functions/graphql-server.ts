/**
 * The one place that builds Parcours' GraphQL API: the @neo4j/graphql schema from schema/*.graphql
 * over a Neo4j driver, served by Apollo Server. The Lambda handler and the local server only adapt it.
 */
import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL, type Neo4jGraphQLConstructor } from "@neo4j/graphql";
import type { Driver } from "neo4j-driver";
import { typeDefs } from "../generated/type-defs";
import { formatError, formatErrorUnmasked } from "./errors";
import { assertGraphSchema } from "./graph/graph-schema";
import { assertMayEdit } from "./authorization";

export type GraphQLContext = Record<string, unknown>;

export interface ServerOptions {
  driver: Driver;
  introspection: boolean;
  maskErrors?: boolean;
}

/** Deprecated filter spellings stay out of the API: partner apps learn one way to filter. */
export const neo4jGraphQLFeatures: Neo4jGraphQLConstructor["features"] = {
  excludeDeprecatedFields: {
    mutationOperations: true,
    aggregationFilters: true,
    aggregationFiltersOutsideConnection: true,
    relationshipFilters: true,
    attributeFilters: true,
  },
};

export async function buildGraphQLSchema(driver: Driver) {
  const resolvers = {
    Mutation: {
      saveDataset: async (_root: unknown, args: { input: unknown }, context: GraphQLContext) => {
        assertMayEdit(context);
        // The write path (dataset schema, opening hours, YAML) is loaded by the first write, not by every cold start.
        const { saveDataset } = await import("./dataset/save-dataset");
        return saveDataset(driver, args.input);
      },
    },
  };
  // `npm run codegen` builds this schema from the same type definitions with validation on (and CI
  // checks generated/ is fresh): a cold start need not validate them again, a third of the build.
  return new Neo4jGraphQL({ typeDefs, driver, resolvers, features: neo4jGraphQLFeatures, validate: false }).getSchema();
}

export async function createGraphQLServer({ driver, introspection, maskErrors = true }: ServerOptions): Promise<ApolloServer<GraphQLContext>> {
  // The index check's round trip to Neo4j starts first, so that it overlaps the schema build (CPU).
  const [, schema] = await Promise.all([assertGraphSchema(driver), buildGraphQLSchema(driver)]);
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection,
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors ? formatError : formatErrorUnmasked,
  });
}
