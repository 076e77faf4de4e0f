/**
 * Limits on what one request may ask, enforced by graphql-armor while the query is validated, before
 * any Cypher runs. Sized for the deepest legitimate query (a route with its steps, services,
 * providers and contacts) with room to spare.
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";

export const queryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2_000,
  maxCost: 5_000,
  /** Bytes of one request body; API Gateway would accept 10 MB. */
  maxBodyBytes: 100_000,
} as const;

export function queryArmor() {
  return new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: queryLimits.maxAliases },
    maxDirectives: { n: queryLimits.maxDirectives },
    maxTokens: { n: queryLimits.maxTokens },
    costLimit: { maxCost: queryLimits.maxCost, ignoreIntrospection: true, flattenFragments: true },
    // Without introspection, "did you mean …?" suggestions would still reveal the schema.
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
