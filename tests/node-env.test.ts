/**
 * The bundles run with NODE_ENV=production (local/build.ts), where Lambda itself sets no NODE_ENV:
 * Apollo Server picks its defaults for introspection, stack traces in errors and the landing page
 * from it, so the server is built here under both and must answer alike.
 */
import { HeaderMap, type ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQLServer } from "../functions/api/graphql-server";
import type { GraphQLContext } from "../functions/api/graphql-context";
import { testDriver } from "./support/graph";

type Servers = Record<"production" | "unset", ApolloServer<GraphQLContext>>;

async function serverWith(nodeEnv: string | undefined, options: { introspection: boolean; maskErrors: boolean }) {
  const before = process.env.NODE_ENV;
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  try {
    const server = await createGraphQLServer({ driver: testDriver(), ...options });
    await server.start();
    return server;
  } finally {
    process.env.NODE_ENV = before;
  }
}

async function ask(server: ApolloServer<GraphQLContext>, request: { method: "GET" | "POST"; accept: string; body?: unknown }) {
  const headers = new HeaderMap([["accept", request.accept], ["content-type", "application/json"], ["apollo-require-preflight", "true"]]);
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method, headers, search: "", body: request.body },
    context: async () => ({ caller: { role: "PUBLIC", subject: null, departement: null, actor: null }, transaction: { timeout: 10_000 } }) as GraphQLContext,
  });
  const body = response.body.kind === "complete" ? response.body.string : "";
  return { status: response.status ?? 200, body };
}

describe.each([
  { introspection: false, maskErrors: true },
  { introspection: true, maskErrors: false },
])("with introspection $introspection and masking $maskErrors", (options) => {
  let servers: Servers;

  beforeAll(async () => {
    servers = { production: await serverWith("production", options), unset: await serverWith(undefined, options) };
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  });

  it("answers introspection as the stage says, whatever NODE_ENV says", async () => {
    const introspection = { method: "POST", accept: "application/json", body: { query: "{ __schema { queryType { name } } }" } } as const;
    const [production, unset] = [await ask(servers.production, introspection), await ask(servers.unset, introspection)];

    expect(production).toEqual(unset);
    expect(JSON.parse(production.body).data?.__schema?.queryType?.name ?? null).toBe(options.introspection ? "Query" : null);
  });

  it("never puts a stack trace in an error", async () => {
    const invalid = { method: "POST", accept: "application/json", body: { query: "{ actors { nameThatDoesNotExist } }" } } as const;
    const [production, unset] = [await ask(servers.production, invalid), await ask(servers.unset, invalid)];

    expect(production).toEqual(unset);
    expect(production.body).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(production.body).not.toContain("stacktrace");
  });

  it("shows a browser the same landing page", async () => {
    const page = { method: "GET", accept: "text/html" } as const;
    const [production, unset] = [await ask(servers.production, page), await ask(servers.unset, page)];

    expect(production.status).toBe(200);
    expect(production.body).toContain("embeddable-sandbox");
    // Each server signs its page's scripts with a nonce of its own.
    const withoutNonces = (html: string) => html.replace(/nonce[-=]"?[\w+/=]+"?/g, "nonce");
    expect(withoutNonces(production.body)).toEqual(withoutNonces(unset.body));
  });
});
