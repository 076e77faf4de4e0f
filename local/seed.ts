/**
 * `npm run seed`: (re)loads seed/ into Neo4j — the local one, started if needed, or the one NEO4J_URI
 * names (a deployed stage). Running it twice changes nothing.
 */
import { createDriver } from "../functions/graph/driver";
import { localInstance, startNeo4j } from "./neo4j-process";
import { formatSummary, seedGraph } from "./seed-graph";

const instance = localInstance();
const uri = process.env.NEO4J_URI ?? (await startNeo4j(instance)).uri;
const driver = createDriver({ uri, user: instance.user, password: instance.password });
try {
  console.log(formatSummary(await seedGraph(driver)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await driver.close();
}
