import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { errorCodes } from "../errors";
import { isGraphBusy, isGraphUnreachable, isTransactionTimeout } from "../graph/graph-unreachable";
import { limitRefusalCode, queryLimits } from "./query-limits";

const knownCodes = new Set<string>([...Object.values(ApolloServerErrorCode), ...errorCodes]);

/** Client errors Apollo Server raises without a code, known by their message. */
const codelessClientErrors = new Map([["provided sha does not match query", ApolloServerErrorCode.BAD_REQUEST]]);

/** @neo4j/graphql does not export its error classes: they are known by name, and @authentication's refusal by its message. */
const libraryRefusals = new Set(["Neo4jGraphQLForbiddenError", "Neo4jGraphQLAuthenticationError"]);
const libraryUnauthenticated = "Unauthenticated";

/**
 * What a caller sees of an error: the message and a stable extensions.code. @neo4j/graphql's
 * authorization refusals carry no code: they become FORBIDDEN, whatever the caller's role (a token
 * that fails verification is refused earlier, with 401 and UNAUTHENTICATED). Errors the API did not
 * raise on purpose (a database failure, a bug) are masked, so no Cypher, stack or data leaks out.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const where = formatted.path ? { path: formatted.path } : {};
  const cause = error === undefined ? undefined : unwrapResolverError(error);
  if (isAuthorizationRefusal(cause)) {
    return { message: "Forbidden: the caller's role may not read or do this (README, Roles and access).", ...where, extensions: { code: "FORBIDDEN" } };
  }
  if (isGraphUnreachable(cause) || isGraphBusy(cause)) {
    // A route still answers (degraded, with the emergency numbers); anything else says to try again.
    return {
      message: "The graph database is out of reach for the moment: try again in a minute (sending a write again is safe). In danger: 17, 112, 114 (SMS), 3919.",
      ...where,
      extensions: { code: "SERVICE_UNAVAILABLE" },
    };
  }
  if (isTransactionTimeout(cause)) {
    return {
      message: `The query ran longer than ${queryLimits.transactionTimeoutMs} ms and was stopped: ask for smaller pages or fewer nested lists.`,
      ...where,
      extensions: { code: "QUERY_TIMEOUT", limit: queryLimits.transactionTimeoutMs },
    };
  }
  // Apollo gives INTERNAL_SERVER_ERROR to every error raised without a code, its own client errors included.
  const code = limitRefusalCode(error) ?? codelessClientErrors.get(formatted.message) ?? (typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "INTERNAL_SERVER_ERROR");
  if (knownCodes.has(code) && code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    // Tokens are verified while Apollo builds the context, and it prefixes what fails there.
    const message = formatted.message.replace(/^Context creation failed: /, "");
    return { ...formatted, message, extensions: { ...extensions, code } };
  }
  logMaskedError(formatted, error);
  return { message: "Internal server error", ...where, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/**
 * What operators see of a masked error: its kind, Neo4j's error code and the path, never its message,
 * which may quote Cypher parameters (an address a coordinator wrote, for instance).
 */
function logMaskedError(formatted: GraphQLFormattedError, error: unknown): void {
  const cause = error === undefined ? undefined : unwrapResolverError(error);
  const neo4jCode = (cause as { code?: unknown } | undefined)?.code;
  console.error(
    JSON.stringify({
      level: "ERROR",
      message: "masked internal error",
      kind: cause instanceof Error ? cause.name : typeof cause,
      ...(typeof neo4jCode === "string" ? { neo4jCode } : {}),
      path: formatted.path ?? null,
    }),
  );
}

// Not `instanceof GraphQLError`: @neo4j/graphql loads graphql's CommonJS build, the server its ES module.
function isAuthorizationRefusal(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { extensions?: { code?: unknown } }).extensions?.code !== undefined) return false;
  return libraryRefusals.has(error.name) || (error.constructor.name === "Neo4jGraphQLError" && error.message === libraryUnauthenticated);
}

/** Development stages: the same answer, with the message of an unexpected error kept for the developer; never a stack. */
export function formatErrorUnmasked(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const masked = formatError(formatted);
  return masked.extensions?.code === "INTERNAL_SERVER_ERROR" ? { ...masked, message: formatted.message } : masked;
}
