/**
 * `npm run seed`: (re)loads seed/ into Neo4j — the local one, started if needed, or the one NEO4J_URI
 * names (a deployed stage). Running it twice changes nothing. Then writes the routes' digests ahead, as
 * the stack's schedule does (local/route-digests-ahead.ts).
 * `npm run seed -- --indexes-only`: creates the indexes and constraints the API checks at start, and
 * loads nothing: for a deployed graph that coordinators have edited since, before a version that adds
 * an index (loading seed/ again would set its records back to seed/'s values).
 */
import { createDriver } from "../functions/graph/driver";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { localInstance, startNeo4j } from "./neo4j-process";
import { writeLocalRouteDigests } from "./route-digests-ahead";
import { formatSummary, seedGraph } from "./seed-graph";

const indexesOnly = process.argv.includes("--indexes-only");
const instance = localInstance();
const uri = process.env.NEO4J_URI ?? (await startNeo4j(instance)).uri;
const driver = createDriver({ uri, user: instance.user, password: instance.password });
try {
  if (indexesOnly) {
    await ensureGraphSchema(driver);
    console.log("indexes and constraints in place; nothing loaded");
  } else {
    console.log(formatSummary(await seedGraph(driver)));
    console.log(await writeLocalRouteDigests(driver));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await driver.close();
}
