/**
 * Registered operations: the partners' (published/operations.json) and the web app's own
 * (generated/web-client/persisted-documents.json, written by codegen from web/src), keyed
 * "sha256:<hash>" as graphql-codegen's client preset writes them (`persistedDocuments`).
 *
 * Allowlist mode (ANONYMOUS_OPERATIONS=registered): callers without a token may run only registered
 * operations, sent by their SHA-256 hash as Apollo persisted queries
 * (`extensions.persistedQuery.sha256Hash`), which also makes their GET URLs short and cacheable;
 * callers with a token, PARTNER_APP first, may still send any query within the limits, and no other
 * query can be registered. Otherwise registered operations are found by hash too, beside the
 * automatic persisted queries a client registers by sending the query once.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { Forbidden } from "../errors";
import partnerOperations from "../../published/operations.json";
import webAppOperations from "../../generated/web-client/persisted-documents.json";
import type { GraphQLContext } from "./graphql-context";

const operations = new Map(
  Object.entries({ ...(partnerOperations as Record<string, string>), ...(webAppOperations as Record<string, string>) }).map(([key, query]) => [key.replace(/^sha256:/, ""), query]),
);

/** Apollo's persisted-query store: registered operations first, then, unless in allowlist mode, what clients register. */
export function persistedOperationStore(allowlist: boolean): KeyValueCache<string> {
  const registeredByClients = allowlist ? undefined : new InMemoryLRUCache<string>();
  return {
    async get(key) {
      return operations.get(key.replace(/^apq:/, "")) ?? registeredByClients?.get(key);
    },
    async set(key, value, options) {
      await registeredByClients?.set(key, value, options);
    },
    async delete(key) {
      return (await registeredByClients?.delete(key)) ?? false;
    },
  };
}

export const anonymousOperationAllowlist: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, queryHash }) {
        if (contextValue.caller.role !== "PUBLIC" || operations.has(queryHash)) return;
        throw new Forbidden("without a token, this API runs only registered operations, sent by their sha256Hash (README, For partner developers)", 403);
      },
    };
  },
};
