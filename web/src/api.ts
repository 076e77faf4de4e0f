/** Calls the API on the app's own origin (or VITE_API_URL when deployed apart), typed by generated/web-client. */
import type { TypedDocumentString } from "../../generated/web-client/graphql";
import { session } from "./session";

export const apiUrl: string = import.meta.env.VITE_API_URL || "/graphql";

export interface ApiErrorDetail {
  message: string;
  code: string;
  field?: string;
  reason?: string;
}

/** A failed call: `network` when the API could not be reached, else the GraphQL errors it gave. */
export class ApiError extends Error {
  constructor(
    readonly kind: "network" | "graphql",
    readonly details: ApiErrorDetail[],
  ) {
    super(details[0]?.message ?? kind);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; reason?: string } }[];
}

/** Queries in flight, by document, variables and caller: two sections of a page asking the same at once share one call. */
const queriesInFlight = new Map<string, Promise<unknown>>();

/**
 * Sends a registered operation by its hash (so the app also works where the API runs only registered
 * operations); an API that does not know the hash gets the query's text instead. The same query asked
 * again while it is in flight (the observatory's table and map, a département's whole coverage) waits
 * for the same answer; a mutation is always sent.
 */
export function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  if (!document.toString().trimStart().startsWith("query")) return sendOperation(document, variables);
  const key = JSON.stringify([document.toString(), variables, session.get()?.token ?? null]);
  const inFlight = queriesInFlight.get(key);
  if (inFlight) return inFlight as Promise<TResult>;
  const answer = sendOperation(document, variables).finally(() => queriesInFlight.delete(key));
  queriesInFlight.set(key, answer);
  return answer;
}

async function sendOperation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const hash = (document.__meta__?.hash as string | undefined)?.replace(/^sha256:/, "");
  if (hash) {
    try {
      return await send<TResult>({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    } catch (error) {
      if (!(error instanceof ApiError && error.details.some((d) => d.code === "PERSISTED_QUERY_NOT_FOUND"))) throw error;
    }
  }
  return send<TResult>({ query: document.toString(), variables });
}

async function send<TResult>(body: { query?: string; variables: unknown; extensions?: unknown }): Promise<TResult> {
  const token = session.get()?.token;
  let response: Response;
  try {
    response = await fetch(apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
  } catch {
    throw new ApiError("network", []);
  }
  const answer = (await response.json().catch(() => undefined)) as GraphQLResponse<TResult> | undefined;
  if (!answer) throw new ApiError("network", []);
  if (answer.errors?.length) {
    throw new ApiError(
      "graphql",
      answer.errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? "INTERNAL_SERVER_ERROR", field: e.extensions?.field, reason: e.extensions?.reason })),
    );
  }
  if (!answer.data) throw new ApiError("network", []);
  return answer.data;
}
