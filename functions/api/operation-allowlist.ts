/**
 * Allowlist mode (ANONYMOUS_OPERATIONS=registered): callers without a token may run only the
 * registered operations of published/operations.json, sent by their SHA-256 hash as Apollo persisted
 * queries (`extensions.persistedQuery.sha256Hash`), which also makes their GET URLs short and
 * cacheable. Callers with a token, PARTNER_APP first, may still send any query within the limits.
 * Registered operations are the persisted documents graphql-codegen's client preset writes
 * (`persistedDocuments`), keyed "sha256:<hash>"; in this mode no other query can be registered.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { Forbidden } from "../errors";
import registeredOperations from "../../published/operations.json";
import type { GraphQLContext } from "./graphql-context";

const operations = new Map(Object.entries(registeredOperations as Record<string, string>).map(([key, query]) => [key.replace(/^sha256:/, ""), query]));

/** Apollo's persisted-query store in allowlist mode: it finds the registered operations and stores nothing else. */
export const registeredOperationStore: KeyValueCache<string> = {
  async get(key) {
    return operations.get(key.replace(/^apq:/, ""));
  },
  async set() {},
  async delete() {
    return false;
  },
};

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
