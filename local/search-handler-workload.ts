/**
 * A process bench-search.ts forks: the GraphQL Lambda handler against the graph NEO4J_URI names
 * (NEO4J_USER, NEO4J_PASSWORD), answering the web app's directory search (WebSearch,
 * web/src/queries.ts) as PUBLIC for each text the parent sends. SEARCH_STATEMENT=plain-prefix serves
 * `search` with search-statements.ts' baseline instead of schema/search.graphql's: the handler is
 * otherwise the same, built from the same generated type definitions. Replies with the time and this
 * process's CPU the request took, and the actors found.
 */
import { readFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { searchQuery } from "../web/src/queries";
import { httpApiEvent, lambdaContext } from "./http-api-event";
import { loadGraphqlHandler } from "./handler-in-process";
import { plainPrefixStatementOf, searchStatementOf, type SearchStatementName } from "./search-statements";

export interface SearchAnswer {
  ms: number;
  cpuMs: number;
  found: number;
}

const statement = (process.env.SEARCH_STATEMENT ?? "served") as SearchStatementName;
const searchCypher = /(\n\s*search\(text: String!.*\n\s*@cypher\(\s*statement: """)[\s\S]*?(""")/;

let baseline: string | undefined;
if (statement === "plain-prefix") {
  // The generated module is one JSON string: it is read, its search statement swapped, and handed to
  // the handler in its place, before anything imports it.
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.endsWith("/generated/type-defs.ts")) return nextLoad(url, context);
      const generated = readFileSync(fileURLToPath(url), "utf8");
      const typeDefs = JSON.parse(generated.slice(generated.indexOf("=") + 1).trim().replace(/;$/, "")) as string;
      if (!searchCypher.test(typeDefs)) throw new Error("no search statement in generated/type-defs.ts");
      baseline = plainPrefixStatementOf(searchStatementOf(typeDefs));
      const swapped = typeDefs.replace(searchCypher, (_match, before: string, after: string) => `${before}\n${baseline}\n${after}`);
      return { format: "module", source: `export const typeDefs = ${JSON.stringify(swapped)};`, shortCircuit: true };
    },
  });
}

const handler = await loadGraphqlHandler();
const { typeDefs } = await import("../generated/type-defs");
if (statement === "plain-prefix" && searchStatementOf(typeDefs) !== baseline) throw new Error("the handler does not serve the baseline statement");

async function search(text: string): Promise<SearchAnswer> {
  const event = httpApiEvent({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: searchQuery.toString(), variables: { text } }),
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const body = JSON.parse(result.body ?? "{}") as { data?: { search: unknown[] }; errors?: unknown[] };
  if (result.statusCode !== 200 || body.errors || !body.data) throw new Error(`search "${text}" failed: ${result.body?.slice(0, 300)}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, found: body.data.search.length };
}

process.on("message", (text: string) => {
  search(text).then(
    (answer) => process.send!(answer),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.send!("ready");
