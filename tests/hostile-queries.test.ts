/**
 * Hostile requests are refused before any Cypher runs, with a clear error, and the process keeps
 * answering. Timings are printed, not asserted (README: speed is measured by benchmarks).
 */
import { getIntrospectionQuery, getNamedType, getNullableType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLObjectType } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildGraphQLSchema } from "../functions/api/graphql-server";
import { pageSizes, queryLimits } from "../functions/api/query-limits";
import { testDriver } from "./support/graph";
import { tokenFor } from "./support/tokens";
import { apiRequest, graphql, invokeGraphQL, type GraphQLResponse } from "./support/http-api";

const post = (body: string) => invokeGraphQL(apiRequest({ body }));
const nested = (depth: number) => `{ actors { ${"services { providers { ".repeat(depth)} id ${"} } ".repeat(depth)} } }`;

/** The test process serves the handler: its resident memory is the server's, sampled while requests run. */
let peakRss = 0;
let sampler: NodeJS.Timeout | undefined;
beforeAll(() => {
  sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
});
afterAll(() => {
  clearInterval(sampler);
  console.log(`peak RSS during hostile queries: ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  expect(peakRss).toBeLessThan(2 ** 30);
});

afterEach(async () => {
  // The process is still up and answering after each hostile request.
  const alive = await graphql("{ __typename }");
  expect(alive.body).toEqual({ data: { __typename: "Query" } });
});

async function timed<T>(name: string, request: () => Promise<GraphQLResponse<T>>) {
  const started = performance.now();
  const response = await request();
  console.log(`${name}: ${response.statusCode} in ${(performance.now() - started).toFixed(0)} ms`);
  return response;
}

function expectRefused(response: GraphQLResponse<unknown>, message: RegExp) {
  expect(response.statusCode).toBeGreaterThanOrEqual(400);
  expect(response.statusCode).toBeLessThan(500);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors?.[0]?.message).toMatch(message);
  expect(response.body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
  expect(response.rawBody).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+/i);
}

describe("hostile queries", () => {
  it("refuses deep nesting", async () => {
    const response = await timed("depth 12", () => graphql(nested(5)));

    expectRefused(response, /depth/i);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", limit: queryLimits.maxDepth });
  });

  it("refuses an alias bomb", async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: actors { id }`).join(" ");

    const response = await timed("100 aliases", () => graphql(`{ ${aliases} }`));

    expectRefused(response, /alias/i);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_MANY_ALIASES", limit: queryLimits.maxAliases });
  });

  it("refuses a flood of directives", async () => {
    const directives = Array.from({ length: 200 }, () => "@include(if: true)").join(" ");

    const response = await timed("200 directives", () => graphql(`{ __typename ${directives} }`));

    expectRefused(response, /directive/i);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_MANY_DIRECTIVES", limit: queryLimits.maxDirectives });
  });

  it("refuses a query too long to parse (tokens)", async () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `"id-${i}"`).join(", ");

    expectRefused(await timed("5 000 listed ids", () => graphql(`{ actors(where: { id: { in: [${ids}] } }) { id } }`)), /token/i);
  });

  it("refuses a query too costly to run", async () => {
    const wide = Array.from({ length: queryLimits.maxAliases }, (_, i) => `a${i}: services { providers { services { providers { services { providers { id name description } } } } } }`).join(" ");

    const response = await timed("costly", () => graphql(`{ ${wide} }`));

    expectRefused(response, /cost/i);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: expect.any(Number) });
  });

  it("refuses the territories bomb (a list nested in lists, 146 million rows) as too costly, with its cost and the limit", async () => {
    const response = await timed("territories bomb", () => graphql(`{ territories { partOf { parts { partOf { parts { code } } } } } }`));

    expectRefused(response, /may return \d+ objects/);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", cost: expect.any(Number), limit: queryLimits.maxListObjects });
  });

  it("bounds nested lists by their type's page size", async () => {
    const response = await graphql<{ territories: { parts: unknown[] }[] }>(`{ territories(where: { code: { eq: "77" } }) { parts { code } } }`);

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.territories[0]?.parts.length).toBe(pageSizes.get("Territory")!.default);
  });

  it("counts aliases of __typename", async () => {
    const aliases = Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `t${i}: __typename`).join(" ");

    expectRefused(await graphql(`{ ${aliases} }`), /alias/i);
  });

  it("refuses a search text beyond its length as bad input", async () => {
    const response = await timed("90 kB search word", () => graphql(`query ($text: String!) { search(text: $text) { id } }`, { text: "a".repeat(90_000) }));

    expectRefused(response, /at most 200/);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a cursor the API did not give as bad input, and follows one it gave", async () => {
    const refused = await graphql(`{ actorsConnection(first: 2, after: "not-a-cursor") { edges { node { id } } } }`);
    const first = await graphql<{ actorsConnection: { pageInfo: { endCursor: string } } }>(`{ actorsConnection(first: 2) { pageInfo { endCursor } } }`);
    const next = await graphql(`query ($after: String) { actorsConnection(first: 2, after: $after) { edges { node { id } } } }`, {
      after: first.body.data?.actorsConnection.pageInfo.endCursor,
    });

    expectRefused(refused, /not a cursor/);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(next.body.errors).toBeUndefined();
  });

  it("answers a persisted query whose hash is wrong with a client error", async () => {
    const body = JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });

    const response = await post(body);

    expect(response.statusCode).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });

  it("answers the widest query each list path allows within the limits, or refuses it with a limit's code", async () => {
    // Generated from the schema: every root list, at its largest page, with every scalar field and
    // every nested list of its type, those pages sized so that the whole stays within maxListObjects,
    // read by an ADMIN, who may read every field.
    const schema = await buildGraphQLSchema(testDriver());
    const admin = await tokenFor("ADMIN");
    const scalars = (type: GraphQLObjectType) =>
      Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0).map((f) => f.name).join(" ");
    const figures: string[] = [];
    for (const root of Object.values(schema.getQueryType()!.getFields())) {
      const type = getNamedType(root.type);
      const page = pageSizes.get(type.name);
      if (!isListType(getNullableType(root.type)) || !isObjectType(type) || !page) continue;
      const lists = Object.values(type.getFields()).filter((f) => isListType(getNullableType(f.type)) && pageSizes.has(getNamedType(f.type).name));
      const nestedPage = Math.max(1, Math.floor((queryLimits.maxListObjects / page.max - 1) / Math.max(1, lists.length)));
      // A @cypher list has no limit argument: it is paged at its type's default page size.
      const nested = lists
        .map((f) => `${f.name}${f.args.some((a) => a.name === "limit") ? `(limit: ${nestedPage})` : ""} { ${scalars(getNamedType(f.type) as GraphQLObjectType)} }`)
        .join(" ");
      const required = root.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => `${a.name}: "femmes"`);
      const query = `{ ${root.name}(${[...required, `limit: ${page.max}`].join(", ")}) { ${scalars(type)} ${nested} } }`;
      const started = performance.now();
      const response = await graphql(query, undefined, admin);
      const ms = performance.now() - started;
      figures.push(`${root.name}: ${response.statusCode} ${response.rawBody.length} B in ${ms.toFixed(0)} ms, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
      const code = response.body.errors?.[0]?.extensions?.code;
      expect(code === undefined || ["QUERY_TOO_COSTLY", "QUERY_TIMEOUT", "RESPONSE_TOO_LARGE"].includes(code as string), `${root.name}: ${JSON.stringify(response.body.errors)}`).toBe(true);
    }
    console.log(`widest queries:\n${figures.join("\n")}`);
    expect(figures.length).toBeGreaterThan(5);
  }, 180_000);

  it("refuses circular fragments", async () => {
    const query = `query { actors { ...A } } fragment A on Actor { members { ...B } } fragment B on Actor { memberOf { ...A } }`;

    expectRefused(await timed("circular fragments", () => graphql(query)), /fragment|cycle|spread/i);
  });

  it("refuses a self-referencing fragment", async () => {
    expectRefused(await timed("self fragment", () => graphql(`{ actors { ...A } } fragment A on Actor { id ...A }`)), /fragment|spread/i);
  });

  it("refuses an oversized body before parsing it", async () => {
    const body = JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(queryLimits.maxBodyBytes) } });

    const response = await timed("oversized body", () => post(body));

    expect(response.statusCode).toBe(413);
    expect(response.body.errors?.[0]).toEqual({ message: expect.stringMatching(/too large/), extensions: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("refuses a huge list passed as a variable, since its body is oversized", async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `actor-${i}`);
    const body = JSON.stringify({ query: "query ($ids: [ID!]) { actors(where: { id: { in: $ids } }) { id } }", variables: { ids } });

    expect((await timed("20 000 ids as a variable", () => post(body))).statusCode).toBe(413);
  });

  it("answers a huge limit with no more than the graph holds", async () => {
    const response = await timed("limit 10^9", () => graphql<{ search: unknown[]; actors: unknown[] }>(`{ search(text: "femmes", limit: 1000000000) { id } actors(limit: 1000000000) { id } }`));

    expect(response.statusCode).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.search.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ["a literal", `{ search(text: "femmes", limit: -5) { id } }`, undefined],
    ["a variable", `query ($offset: Int) { actors(offset: $offset) { id } }`, { offset: -1 }],
  ])("refuses a negative limit or offset given as %s, before the database sees it", async (_how, query, variables) => {
    expectRefused(await graphql(query, variables), /must not be negative/);
  });

  it("refuses batched requests", async () => {
    const response = await timed("batch", () => post(JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }])));

    expectRefused(response, /batch/i);
  });

  it("still serves the standard introspection query where introspection is on", async () => {
    const response = await graphql<{ __schema: unknown }>(getIntrospectionQuery());

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.__schema).toBeDefined();
  });
});
