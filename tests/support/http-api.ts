/** Invokes the real Lambda handler with API Gateway HTTP API (payload v2) events, as AWS sends them. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { httpApiEvent, lambdaContext } from "../../local/http-api-event";

interface RequestOptions {
  method?: "GET" | "POST";
  body?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A request as a partner app would send it through API Gateway. */
export function apiRequest({ method = "POST", body, query, headers = {} }: RequestOptions = {}): APIGatewayProxyEventV2 {
  return httpApiEvent({
    method,
    rawQueryString: query ? new URLSearchParams(query).toString() : "",
    headers: {
      // As graphql-request and Apollo Client send it: request errors then answer 4xx (GraphQL over HTTP).
      accept: "application/graphql-response+json, application/json",
      host: "abc123.execute-api.eu-west-3.amazonaws.com",
      "user-agent": "parcours-tests",
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-proto": "https",
      ...(body !== undefined ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body } : {}),
    sourceIp: "203.0.113.7",
  });
}

export interface GraphQLResponse<T> {
  statusCode: number;
  headers: Record<string, unknown>;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] };
  rawBody: string;
}

/** Sends one event to functions/handlers/graphql.ts's handler and parses the answer. */
export async function invokeGraphQL<T = Record<string, unknown>>(event: APIGatewayProxyEventV2): Promise<GraphQLResponse<T>> {
  const { handler } = await import("../../functions/handlers/graphql");
  const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
  const rawBody = result.body ?? "";
  return { statusCode: result.statusCode ?? 0, headers: result.headers ?? {}, body: rawBody ? JSON.parse(rawBody) : {}, rawBody };
}

/** POSTs a query, with `Authorization: Bearer <token>` when a token is given (none: a PUBLIC caller). */
export function graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  return invokeGraphQL<T>(apiRequest({ body: JSON.stringify({ query, variables }), headers }));
}
