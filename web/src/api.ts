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

export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const token = session.get()?.token;
  let response: Response;
  try {
    response = await fetch(apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
  } catch {
    throw new ApiError("network", []);
  }
  const body = (await response.json().catch(() => undefined)) as GraphQLResponse<TResult> | undefined;
  if (!body) throw new ApiError("network", []);
  if (body.errors?.length) {
    throw new ApiError(
      "graphql",
      body.errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? "INTERNAL_SERVER_ERROR", field: e.extensions?.field, reason: e.extensions?.reason })),
    );
  }
  if (!body.data) throw new ApiError("network", []);
  return body.data;
}
