import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

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
