/**
 * HTTP caching of public reads. A GET without a token whose answer holds data and no error may be
 * kept by browsers and shared caches (CDNs) for a minute, and revalidated with its ETag (304 when
 * unchanged). Every other answer — a token-bearing request, a POST, an error, a degraded route — is
 * `no-store`: an authenticated answer may hold what only its caller's role may read.
 */
import { createHash } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { withVary } from "./cors";

/** How long a public answer may be served from a cache; free-place availability may be this stale. */
export const publicReadMaxAgeSeconds = 60;

export function cachePublicRead(event: APIGatewayProxyEventV2, result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  if (!isCacheablePublicRead(event, result)) {
    return { ...result, headers: { ...result.headers, "cache-control": "no-store" } };
  }
  const etag = `"${createHash("sha256").update(result.body ?? "").digest("base64url").slice(0, 32)}"`;
  const headers: NonNullable<APIGatewayProxyStructuredResultV2["headers"]> = {
    ...result.headers,
    "cache-control": `public, max-age=${publicReadMaxAgeSeconds}`,
    etag,
    // A shared cache must not hand a public answer to a request carrying a token, nor one content type for another.
    vary: withVary(result.headers?.vary, "accept", "authorization"),
  };
  if (matchesETag(event.headers["if-none-match"], etag)) {
    const { "content-type": _contentType, "content-length": _contentLength, ...notModified } = headers;
    return { statusCode: 304, headers: notModified, body: "" };
  }
  return { ...result, headers };
}

function isCacheablePublicRead(event: APIGatewayProxyEventV2, result: APIGatewayProxyStructuredResultV2): boolean {
  if (event.requestContext.http.method !== "GET" || event.headers.authorization !== undefined) return false;
  if ((result.statusCode ?? 200) !== 200 || result.body === undefined) return false;
  try {
    const answer = JSON.parse(result.body) as { data?: unknown; errors?: unknown };
    // A route answered without the graph (degraded) must not outlive the outage in a cache.
    return answer.data !== undefined && answer.data !== null && answer.errors === undefined && !result.body.includes('"degraded":true');
  } catch {
    return false;
  }
}

function matchesETag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const candidate = tag.trim().replace(/^W\//, "");
    return candidate === "*" || candidate === etag;
  });
}
