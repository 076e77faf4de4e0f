/**
 * The API as a partner's web app meets it over real HTTP, through the local server (which hands each
 * request to the Lambda handler as an API Gateway event): CORS preflights from allowed and refused
 * origins, cacheable public GETs with ETag and 304, no-store for token-bearing answers, and the
 * GraphQL-over-HTTP audits of graphql-http.
 */
import { auditServer } from "graphql-http";
import { beforeAll, describe, expect, it } from "vitest";
import { startLocalApi } from "./support/local-api";
import { tokenFor } from "./support/tokens";

const allowedOrigin = "https://app.partner.example";
const refusedOrigin = "https://elsewhere.example";
// Read by the handler when the local server first loads it.
process.env.CORS_ALLOWED_ORIGINS = `${allowedOrigin},http://localhost:*`;

let url: string;

beforeAll(async () => {
  url = await startLocalApi();
});

const publicQuery = "{ actors(where: { id: { eq: \"adavip-92\" } }) { id name } }";
const getUrl = (query: string) => `${url}?${new URLSearchParams({ query })}`;
const csrfHeader = { "apollo-require-preflight": "true" };

describe("CORS, from the stage's allowlist", () => {
  it("answers a preflight from an allowed origin with the methods and headers a GraphQL client needs", async () => {
    const response = await fetch(url, {
      method: "OPTIONS",
      headers: { origin: allowedOrigin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/content-type/);
    expect(response.headers.get("vary")).toMatch(/origin/);
  });

  it("accepts any port of an origin listed as host:*", async () => {
    const response = await fetch(url, { method: "OPTIONS", headers: { origin: "http://localhost:5173", "access-control-request-method": "GET" } });

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("refuses a preflight from an origin not on the list, without any Access-Control-Allow header", async () => {
    const response = await fetch(url, { method: "OPTIONS", headers: { origin: refusedOrigin, "access-control-request-method": "POST" } });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };

    expect(response.status).toBe(403);
    expect(body.errors[0]?.extensions.code).toBe("CORS_ORIGIN_NOT_ALLOWED");
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-allow"))).toEqual([]);
  });

  it("names an allowed origin on the answer to its POST, and no other", async () => {
    const post = (origin: string) =>
      fetch(url, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    const allowed = await post(allowedOrigin);
    const refused = await post(refusedOrigin);

    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
    expect(allowed.headers.get("access-control-expose-headers")).toMatch(/etag/);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("HTTP caching of public reads", () => {
  it("lets a public GET be cached for a minute, with an ETag that revalidates to 304", async () => {
    const first = await fetch(getUrl(publicQuery), { headers: csrfHeader });
    const etag = first.headers.get("etag");
    const again = await fetch(getUrl(publicQuery), { headers: { ...csrfHeader, "if-none-match": etag ?? "" } });

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { actors: [{ id: "adavip-92", name: expect.any(String) }] } });
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    expect(first.headers.get("vary")).toMatch(/authorization/);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("answers a changed query with another ETag", async () => {
    const one = await fetch(getUrl(publicQuery), { headers: csrfHeader });
    const other = await fetch(getUrl("{ actors(where: { id: { eq: \"lescale\" } }) { id name } }"), { headers: { ...csrfHeader, "if-none-match": one.headers.get("etag") ?? "" } });

    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(one.headers.get("etag"));
  });

  it("never lets a token-bearing answer be stored, even for the same GET", async () => {
    const response = await fetch(getUrl(publicQuery), { headers: { ...csrfHeader, authorization: `Bearer ${await tokenFor("FRONTLINE")}` } });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("etag")).toBeNull();
  });

  it("stores neither a POST nor an answer with errors", async () => {
    const post = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: publicQuery }) });
    const failed = await fetch(getUrl("{ actors { nickname } }"), { headers: csrfHeader });

    expect(post.headers.get("cache-control")).toBe("no-store");
    expect(failed.headers.get("cache-control")).toBe("no-store");
    expect(failed.headers.get("etag")).toBeNull();
  });

  it("refuses a GET without the CSRF header, which any web page could make a browser send", async () => {
    const response = await fetch(getUrl(publicQuery));

    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/apollo-require-preflight/);
  });
});

describe("GraphQL over HTTP", () => {
  it("answers a validation failure with 200 to a client that accepts only application/json, 400 with application/graphql-response+json", async () => {
    const ask = (accept: string) =>
      fetch(url, { method: "POST", headers: { accept, "content-type": "application/json" }, body: JSON.stringify({ query: "{ actors { nickname } }" }) });
    const json = await ask("application/json");
    const graphqlResponse = await ask("application/graphql-response+json");

    expect(json.status).toBe(200);
    expect(((await json.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(graphqlResponse.status).toBe(400);
  });

  it("passes every MUST and SHOULD audit of graphql-http", async () => {
    const results = await auditServer({ url });
    const failed = (level: string) => results.filter((r) => r.name.startsWith(level) && r.status !== "ok").map((r) => `${r.id} ${r.name}`);
    const counts = (level: string) => `${results.filter((r) => r.name.startsWith(level) && r.status === "ok").length}/${results.filter((r) => r.name.startsWith(level)).length}`;
    console.log(`graphql-http audits: MUST ${counts("MUST")}, SHOULD ${counts("SHOULD")}, MAY ${counts("MAY")}`);

    expect(failed("MUST")).toEqual([]);
    expect(failed("SHOULD")).toEqual([]);
    expect(results.filter((r) => r.name.startsWith("MUST"))).toHaveLength(13);
    expect(results.filter((r) => r.name.startsWith("SHOULD"))).toHaveLength(23);
  });
});
