import type { Neo4jGraphQLConstructor } from "@neo4j/graphql";

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
