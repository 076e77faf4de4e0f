/**
 * Deployed, the API is reached through CloudFront and its per-client rate limits (stacks/edge.ts),
 * which add a secret header to what they forward. With EDGE_SECRET set, a request without that
 * header came around the limits (by the execute-api URL) and is refused; locally it is not set.
 */
import { timingSafeEqual } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export const edgeHeader = "x-parcours-edge";

export function edgeSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.EDGE_SECRET || undefined;
}

/** The refusal of a request that did not come through the edge, or undefined when it did (or no edge is configured). */
export function refuseBypassOfEdge(event: APIGatewayProxyEventV2, secret: string | undefined): APIGatewayProxyStructuredResultV2 | undefined {
  if (secret === undefined) return undefined;
  const sent = Buffer.from(event.headers[edgeHeader] ?? "");
  const expected = Buffer.from(secret);
  if (sent.length === expected.length && timingSafeEqual(sent, expected)) return undefined;
  return {
    statusCode: 403,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: JSON.stringify({ errors: [{ message: "Forbidden: call the API at its public address (README, For partner developers).", extensions: { code: "FORBIDDEN" } }] }),
  };
}
