/**
 * Limits on what one request may ask, enforced by graphql-armor while the query is validated, before
 * any Cypher runs. Sized for the deepest legitimate query (a route with its steps, services,
 * providers and contacts) with room to spare.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, valueFromASTUntyped, visit } from "graphql";

export const queryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2_000,
  /** graphql-armor's cost: 2 per object, 1 per scalar, ×1.5 per level; the deepest test query costs about 100. */
  maxCost: 1_000,
  /** Bytes of one request body; API Gateway would accept 10 MB. */
  maxBodyBytes: 100_000,
} as const;

/**
 * The token limit is graphql-js's own parse option, not armor's: armor's Apollo plugin throws while
 * parsing starts, which Apollo answers with 500 instead of a 400 parse error.
 */
export const parseOptions = { maxTokens: queryLimits.maxTokens };

export function queryArmor() {
  return new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: queryLimits.maxAliases },
    maxDirectives: { n: queryLimits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: queryLimits.maxCost, ignoreIntrospection: true, flattenFragments: true },
    // Without introspection, "did you mean …?" suggestions would still reveal the schema.
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

const paginationArguments = new Set(["limit", "offset", "first"]);

/**
 * Refuses a negative limit, offset or first before any Cypher runs: @neo4j/graphql passes them to
 * LIMIT and SKIP, where Neo4j fails, and the caller would only see a masked internal error.
 */
export const nonNegativePagination: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        visit(document, {
          Argument(node) {
            if (!paginationArguments.has(node.name.value)) return;
            const value = valueFromASTUntyped(node.value, request.variables ?? {});
            if (typeof value === "number" && value < 0) {
              throw new GraphQLError(`Argument "${node.name.value}" must not be negative.`, {
                nodes: [node],
                extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
              });
            }
          },
        });
      },
    };
  },
};
