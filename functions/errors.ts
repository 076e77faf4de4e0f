/**
 * The errors the API raises on purpose, each with a stable `extensions.code` (README, Errors). Every
 * module throws these; anything else a caller sees is masked (functions/api/format-error.ts).
 */
import { GraphQLError, type ASTNode } from "graphql";

/** The refusals of the query limits (functions/api/query-limits.ts), by what was beyond a limit. */
export const queryLimitCodes = [
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COSTLY",
  "QUERY_TOO_MANY_ALIASES",
  "QUERY_TOO_MANY_DIRECTIVES",
  "RESPONSE_TOO_LARGE",
  "QUERY_TIMEOUT",
] as const;
export type QueryLimitCode = (typeof queryLimitCodes)[number];

/** The codes of the errors below: a client may rely on them. */
export const errorCodes = ["BAD_USER_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "SERVICE_UNAVAILABLE", ...queryLimitCodes] as const;

/** One argument or input field is wrong: `field` names it, `reason` says why when the message does not. */
export class BadUserInput extends GraphQLError {
  constructor(message: string, { field, reason, nodes, status }: { field: string; reason?: string; nodes?: ASTNode[]; status?: number }) {
    super(message, {
      ...(nodes ? { nodes } : {}),
      extensions: { code: "BAD_USER_INPUT", field, ...(reason === undefined ? {} : { reason }), ...(status === undefined ? {} : { http: { status } }) },
    });
  }
}

/** A record of a write, as an invalid value names it. */
export interface InvalidValue {
  record: string | null;
  field: string;
  reason: string;
}

/** A write with invalid values, all listed in `problems`: nothing was written. */
export class InvalidRecords extends GraphQLError {
  constructor(problems: InvalidValue[]) {
    const described = problems.map((p) => `${p.record ?? "input"}${p.field ? ` ${p.field}` : ""}: ${p.reason}`);
    super(`${problems.length} invalid value(s); nothing was written. ${described.join("; ")}`, {
      extensions: { code: "BAD_USER_INPUT", problems: problems.map(({ record, field, reason }) => ({ record, field, reason })) },
    });
  }
}

/** The caller's role or scope does not allow this. */
export class Forbidden extends GraphQLError {
  constructor(reason: string, status?: number) {
    super(`Forbidden: ${reason}.`, { extensions: { code: "FORBIDDEN", ...(status === undefined ? {} : { http: { status } }) } });
  }
}

/** The bearer token is not one this API accepts: 401, with the header OAuth clients read. */
export class Unauthenticated extends GraphQLError {
  constructor(reason: string) {
    super(`Invalid bearer token: ${reason}.`, {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new Map([["www-authenticate", 'Bearer error="invalid_token"']]) } },
    });
  }
}

/** A refused request: what was asked is beyond a limit; `code` says which. */
export class QueryLimitExceeded extends GraphQLError {
  constructor(message: string, code: QueryLimitCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions, http: { status: 400 } } });
  }
}

/** The graph did not answer a write in time: it may or may not have been made; sending it again is safe. */
export class GraphUnavailable extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: "SERVICE_UNAVAILABLE", ...extensions } });
  }
}
