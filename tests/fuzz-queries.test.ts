/**
 * A generated fuzz run: malformed queries, bodies, variables and headers, sent to the real handler.
 * Whatever arrives, the answer is a JSON GraphQL error or data, never a 5xx and never a stack trace.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiRequest, invokeGraphQL } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const FUZZ_RUNS = 1_200;

const validQueries = [
  "{ __typename }",
  '{ actors(where: { id: { eq: "lescale" } }) { id name services { id capacity { placesAvailable } } } }',
  '{ search(text: "escale", limit: 3) { id seat { address } } }',
  "{ locations(limit: 2) { id address confidential commune { code } } }",
  '{ servicesConnection(first: 2, where: { kind: { eq: HOUSING_PLACES } }) { totalCount edges { node { id } } } }',
  'mutation { updatePlacesFree(input: { serviceId: "lescale-hebergement", placesFree: 2 }) { auditId } }',
  'query Q($id: ID) { actors(where: { id: { eq: $id } }) { ...F } } fragment F on Actor { id contacts { value } }',
];

const vocabulary = [
  "{", "}", "(", ")", "[", "]", ":", "$", "...", "@", "!", "=", "|", "&", ",", "#", "\n",
  "query", "mutation", "subscription", "fragment", "on", "schema", "type", "extend", "directive",
  "actors", "services", "locations", "address", "search", "saveDataset", "updatePlacesFree", "auditRecords",
  "id", "name", "where", "limit", "offset", "first", "after", "sort", "eq", "in", "contains", "some", "AND", "NOT",
  "__schema", "__type", "__typename", "@include(if: true)", "@skip(if: $x)", "@cypher", "@authorization",
  "true", "false", "null", "-1", "0", "1e309", "99999999999999999999", "-0.0", '"x"', '"""', '"\\u0000"', '"\\uD800"', "é", "🙂",
];

const tokenSoup = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 40 }).map((tokens) => tokens.join(" "));

/** A valid query, broken by deleting, inserting or repeating a slice. */
const brokenQuery = fc
  .tuple(fc.constantFrom(...validQueries), fc.nat(), fc.nat({ max: 20 }), fc.constantFrom("delete", "insert", "repeat"), fc.string({ maxLength: 8 }))
  .map(([query, at, length, how, text]) => {
    const start = at % (query.length + 1);
    const slice = query.slice(start, start + length);
    if (how === "delete") return query.slice(0, start) + query.slice(start + length);
    if (how === "insert") return query.slice(0, start) + text + query.slice(start);
    return query.slice(0, start) + slice.repeat(5) + query.slice(start);
  });

const anyQuery = fc.oneof(tokenSoup, brokenQuery, fc.string({ maxLength: 200 }), fc.constantFrom(...validQueries));

/** Request bodies: well-formed envelopes around broken queries, and envelopes broken themselves. */
const body = fc.oneof(
  fc.record({ query: anyQuery }, { requiredKeys: ["query"] }).map((b) => JSON.stringify(b)),
  fc
    .record({ query: anyQuery, variables: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), operationName: fc.oneof(fc.string(), fc.jsonValue()) })
    .map((b) => JSON.stringify(b)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.array(fc.record({ query: anyQuery }), { maxLength: 3 }).map((b) => JSON.stringify(b)),
  fc.string({ maxLength: 300 }),
  fc.constant(""),
);

/** Mostly no token or a valid one, so that the query itself is fuzzed; sometimes a broken header. */
const authorization = (validTokens: string[]) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 6 },
    { arbitrary: fc.constantFrom(...validTokens).map((token) => `Bearer ${token}`), weight: 3 },
    { arbitrary: fc.oneof(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`)), weight: 1 },
  );

const request = (validTokens: string[]) => fc.record({
  method: fc.constantFrom("POST", "POST", "POST", "GET"),
  body,
  query: anyQuery,
  authorization: authorization(validTokens),
  contentType: fc.constantFrom("application/json", "application/json", "text/plain", "application/graphql", ""),
});

describe("fuzzing the handler", () => {
  it(`answers ${FUZZ_RUNS} generated malformed requests without a 5xx`, { timeout: 180_000 }, async () => {
    const statuses = new Map<number, number>();
    const validTokens = await Promise.all([tokenFor("FRONTLINE"), tokenFor("COORDINATOR"), tokenFor("SHELTER_OPERATOR"), tokenFor("ADMIN")]);
    await fc.assert(
      fc.asyncProperty(request(validTokens), async ({ method, body, query, authorization, contentType }) => {
        const headers: Record<string, string> = { "apollo-require-preflight": "true" };
        if (authorization !== undefined) headers.authorization = authorization;
        const event =
          method === "GET"
            ? apiRequest({ method, query: { query }, headers })
            : apiRequest({ body, headers: { ...headers, "content-type": contentType } });

        const response = await invokeGraphQL(event);

        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expect(response.statusCode).toBeGreaterThanOrEqual(200);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.rawBody).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+|Neo4jError|MATCH \(/i);
        const errors = response.body.errors ?? [];
        expect(errors.every((e) => typeof e.extensions?.code === "string" && e.extensions.code !== "INTERNAL_SERVER_ERROR")).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.log(`fuzz: ${FUZZ_RUNS} requests, answers by status ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  });
});
