import type { Neo4jGraphQLConstructor } from "@neo4j/graphql";

/**
 * The @neo4j/graphql features the API is built with, shared by the server and `npm run codegen`
 * (which must not import the resolvers: they read the constants codegen writes).
 * Deprecated filter spellings stay out of the API: partner apps learn one way to filter.
 */
export const neo4jGraphQLFeatures: Neo4jGraphQLConstructor["features"] = {
  excludeDeprecatedFields: {
    mutationOperations: true,
    aggregationFilters: true,
    aggregationFiltersOutsideConnection: true,
    relationshipFilters: true,
    attributeFilters: true,
  },
};
