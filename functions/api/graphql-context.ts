import type { Caller, Claims } from "../auth/caller";
import { queryLimits } from "./query-limits";

/**
 * A request's context: the caller, and for @neo4j/graphql the verified claims as `jwt` (absent for
 * PUBLIC), which its @authentication/@authorization rules and `$jwt` in @cypher fields read.
 */
export interface GraphQLContext {
  caller: Caller;
  jwt?: Claims;
  /** @neo4j/graphql's transaction settings: no request runs a transaction beyond this timeout. */
  transaction: { timeout: number };
  [key: string]: unknown;
}

export function contextOf(caller: Caller): GraphQLContext {
  const transaction = { timeout: queryLimits.transactionTimeoutMs };
  return caller.claims ? { caller, jwt: caller.claims, transaction } : { caller, transaction };
}
