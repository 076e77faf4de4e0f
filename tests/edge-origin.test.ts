/**
 * Issue 18, throttling: deployed, the API sits behind CloudFront's per-client rate limits
 * (stacks/edge.ts), which add a secret header. With EDGE_SECRET set, the handler refuses a request
 * that went around them by the execute-api URL, and serves one that came through.
 */
import { describe, expect, it } from "vitest";
import { apiRequest, invokeGraphQL } from "./support/http-api";

// Read by the handler when this file's first request loads it.
process.env.EDGE_SECRET = "edge-secret-of-the-tests-0123456789";

const body = JSON.stringify({ query: '{ territories(where: { code: { eq: "92050" } }, limit: 1) { name } }' });

describe("the API behind its edge", () => {
  it("refuses a request without the edge's header, saying where to call, without a stack", async () => {
    const response = await invokeGraphQL(apiRequest({ body }));

    expect(response.statusCode).toBe(403);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(response.rawBody).not.toContain("edge-secret");
    expect(response.rawBody).not.toMatch(/\n\s+at /);
  });

  it("refuses a wrong secret", async () => {
    const response = await invokeGraphQL(apiRequest({ body, headers: { "x-parcours-edge": "guess" } }));

    expect(response.statusCode).toBe(403);
  });

  it("serves a request the edge forwarded", async () => {
    const response = await invokeGraphQL<{ territories: { name: string }[] }>(apiRequest({ body, headers: { "x-parcours-edge": "edge-secret-of-the-tests-0123456789" } }));

    expect(response.statusCode).toBe(200);
    expect(response.body.data?.territories[0]?.name).toBe("Nanterre");
  });
});
