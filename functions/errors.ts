import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode } from "@apollo/server/errors";

const knownCodes = new Set<string>([...Object.values(ApolloServerErrorCode), "BAD_USER_INPUT", "FORBIDDEN", "UNAUTHENTICATED"]);

/**
 * What a caller sees of an error: the message and a stable extensions.code. Errors the API did not
 * raise on purpose (a database failure, a bug) are masked, so no Cypher, stack or data leaks out.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "INTERNAL_SERVER_ERROR";
  if (knownCodes.has(code) && code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return { message: "Internal server error", ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** Development stages: the same answer, with the message of an unexpected error kept for the developer; never a stack. */
export function formatErrorUnmasked(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const masked = formatError(formatted);
  return masked.extensions?.code === "INTERNAL_SERVER_ERROR" ? { ...masked, message: formatted.message } : masked;
}
