import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { queryLimits } from "./query-limits";

/** A body over the limit is refused before it is parsed, whatever it holds. */
export async function refuseOversizedBody(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | void> {
  const bytes = event.body === undefined ? 0 : Buffer.byteLength(event.body, event.isBase64Encoded ? "base64" : "utf8");
  if (bytes <= queryLimits.maxBodyBytes) return;
  return {
    statusCode: 413,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({
      errors: [{ message: `Request body too large: ${bytes} bytes, at most ${queryLimits.maxBodyBytes}.`, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    }),
  };
}

/**
 * Apollo answers some bad requests (a body that is not JSON, a GET without the CSRF header) with a
 * plain-text message. GraphQL clients expect a JSON `errors` list whatever went wrong, so such
 * answers are rewritten into one, keeping the status and the message and nothing else.
 */
export async function asGraphQLError(result: APIGatewayProxyStructuredResultV2): Promise<void> {
  const body = result.body ?? "";
  if ((result.statusCode ?? 200) < 400 || isJson(body)) return;
  result.body = JSON.stringify({ errors: [{ message: body.trim() || "Bad request", extensions: { code: "BAD_REQUEST" } }] });
  result.headers = { ...result.headers, "content-type": "application/json; charset=utf-8" };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (not
 * `application/graphql-response+json`) gets 200 for a well-formed request whose document fails to
 * parse or validate, or whose variables fail to coerce — the errors are in the body. Requests that
 * are not well-formed GraphQL-over-HTTP (BAD_REQUEST) keep their 4xx.
 */
export function requestErrorsAsOkForJsonClients(result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const contentType = String(result.headers?.["content-type"] ?? "");
  if (result.statusCode !== 400 || !contentType.startsWith("application/json")) return result;
  try {
    const answer = JSON.parse(result.body ?? "") as { errors?: { extensions?: { code?: unknown } }[] };
    const errors = answer.errors ?? [];
    if (errors.length === 0 || errors.some((error) => error.extensions?.code === "BAD_REQUEST")) return result;
    return { ...result, statusCode: 200 };
  } catch {
    return result;
  }
}
