import { describe, expect, it } from "vitest";
import { cypher } from "./support/graph";
import { apiRequest, graphql, invokeGraphQL } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const newActor = {
  sources: [{ id: "test-source", ref: "https://example.org/annuaire", title: "Annuaire de test", verifiedAt: "2026-11-01" }],
  actors: [{ id: "test-association", name: "Association de test", kind: "ASSOCIATION", departement: "92", covers: ["92"], source: "test-source" }],
};

describe("the GraphQL Lambda handler (API Gateway HTTP API, payload v2)", () => {
  it("answers a POSTed query with the query's data", async () => {
    const response = await graphql("{ __typename }");

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ data: { __typename: "Query" } });
  });

  it("writes an actor to Neo4j through a mutation and reads it back through a query", async () => {
    const saved = await graphql(`mutation ($input: DatasetInput!) { saveDataset(input: $input) { nodesCreated } }`, { input: newActor }, await tokenFor("COORDINATOR"));
    const read = await graphql<{ actors: unknown[] }>(
      `{ actors(where: { id: { eq: "test-association" } }) { name kind source verifiedAt unverified covers { code } } }`,
    );

    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data).toEqual({ saveDataset: { nodesCreated: 2 } });
    expect(read.body.data?.actors).toEqual([
      { name: "Association de test", kind: "ASSOCIATION", source: "https://example.org/annuaire", verifiedAt: "2026-11-01", unverified: false, covers: [{ code: "92" }] },
    ]);
    const stored = await cypher<{ name: string }>("MATCH (a:Actor {id: 'test-association'}) RETURN a.name AS name");
    expect(stored).toEqual([{ name: "Association de test" }]);
  });

  it("answers a GET query when the client sends the CSRF-preflight header", async () => {
    const response = await invokeGraphQL(
      apiRequest({ method: "GET", query: { query: "{ __typename }" }, headers: { "apollo-require-preflight": "true" } }),
    );

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a GET without the preflight header, which a browser could send cross-site", async () => {
    const response = await invokeGraphQL(apiRequest({ method: "GET", query: { query: "{ __typename }" } }));

    expect(response.statusCode).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: "BAD_REQUEST" });
  });

  it("answers a malformed JSON body with 400 and a GraphQL error, never a stack trace", async () => {
    const response = await invokeGraphQL(apiRequest({ body: '{"query": "{ __typename }"' }));

    expect(response.statusCode).toBe(400);
    expect(response.body.errors).toEqual([{ message: expect.stringContaining("JSON"), extensions: { code: "BAD_REQUEST" } }]);
    expect(response.rawBody).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+/i);
  });

  it("answers an unknown field with 400, GRAPHQL_VALIDATION_FAILED and no stack trace", async () => {
    const response = await graphql("{ actors { nickname } }");

    expect(response.statusCode).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });
});
