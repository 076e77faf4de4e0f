/**
 * Cross-origin access for partner web apps, answered by the GraphQL handler itself (API Gateway's
 * own CORS is off, stacks/api.ts), so that `npm start`, which replays each request as an API Gateway
 * event, behaves as a deployed stage. Origins come from an allowlist per stage (CORS_ALLOWED_ORIGINS).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export interface CorsSettings {
  /** Exact origins ("https://app.example.org"), or "http://localhost:*" for any port of a host. */
  allowedOrigins: string[];
}

export function corsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CorsSettings {
  const allowedOrigins = (env.CORS_ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/$/, ""))
    .filter((origin) => origin !== "");
  return { allowedOrigins };
}

export const corsAllowedMethods = "GET, POST, OPTIONS";
/** What a GraphQL client sends: its body type, a bearer token, and Apollo's CSRF headers for GET. */
export const corsAllowedHeaders = "content-type, authorization, apollo-require-preflight, x-apollo-operation-name";
/** A browser may keep a preflight's answer for ten minutes. */
const preflightMaxAgeSeconds = 600;

export function isAllowedOrigin(origin: string, { allowedOrigins }: CorsSettings): boolean {
  return allowedOrigins.some((allowed) =>
    allowed.endsWith(":*") ? origin.startsWith(allowed.slice(0, -1)) && /^\d+$/.test(origin.slice(allowed.length - 1)) : origin === allowed,
  );
}

function originOf(event: APIGatewayProxyEventV2): string | undefined {
  return event.headers.origin;
}

/**
 * A preflight (OPTIONS with Access-Control-Request-Method) gets 204 with the allowed methods and
 * headers when its origin is on the list, else 403 without any Access-Control-Allow-* header.
 * Undefined for every other request.
 */
export function answerPreflight(event: APIGatewayProxyEventV2, settings: CorsSettings): APIGatewayProxyStructuredResultV2 | undefined {
  if (event.requestContext.http.method !== "OPTIONS") return undefined;
  const origin = originOf(event);
  if (origin === undefined || event.headers["access-control-request-method"] === undefined) {
    return { statusCode: 204, headers: { allow: corsAllowedMethods } };
  }
  if (!isAllowedOrigin(origin, settings)) {
    return {
      statusCode: 403,
      headers: { "content-type": "application/json; charset=utf-8", vary: "origin" },
      body: JSON.stringify({
        errors: [{ message: `Origin ${origin} may not call this API from a browser: it is not on the stage's allowlist (CORS_ALLOWED_ORIGINS).`, extensions: { code: "CORS_ORIGIN_NOT_ALLOWED" } }],
      }),
    };
  }
  return {
    statusCode: 204,
    headers: {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": corsAllowedMethods,
      "access-control-allow-headers": corsAllowedHeaders,
      "access-control-max-age": String(preflightMaxAgeSeconds),
      vary: "origin",
    },
  };
}

/**
 * An answer to an allowed origin names it, and exposes the ETag a cached read is revalidated with.
 * Other origins get no Access-Control-Allow-Origin: their browser keeps the answer from the page.
 */
export function allowOrigin(event: APIGatewayProxyEventV2, result: APIGatewayProxyStructuredResultV2, settings: CorsSettings): APIGatewayProxyStructuredResultV2 {
  const origin = originOf(event);
  const headers = { ...result.headers, vary: withVary(result.headers?.vary, "origin") };
  if (origin !== undefined && isAllowedOrigin(origin, settings)) {
    Object.assign(headers, { "access-control-allow-origin": origin, "access-control-expose-headers": "etag" });
  }
  return { ...result, headers };
}

export function withVary(current: unknown, ...names: string[]): string {
  const present = typeof current === "string" ? current.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean) : [];
  return [...new Set([...present, ...names])].join(", ");
}
