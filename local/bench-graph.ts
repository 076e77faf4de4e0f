/**
 * The benchmarks' own Neo4j (BENCH_NEO4J_PORT, default 7689, in .data/neo4j-bench), seeded from
 * seed/, with the environment the API's handler reads pointed at it.
 */
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { createDriver } from "../functions/graph/driver";
import { warmUpRouteStatements } from "../functions/routes/route-query-warm-up";
import { withLocalAuthDefaults } from "./local-auth";
import { startNeo4j, type Neo4jInstance } from "./neo4j-process";
import { seedGraph } from "./seed-graph";

export const benchInstance: Neo4jInstance = {
  port: Number(process.env.BENCH_NEO4J_PORT ?? 7689),
  dataDir: join(import.meta.dirname, "..", ".data", "neo4j-bench"),
  user: "neo4j",
  password: "parcours-bench",
};

/**
 * Starts (or reuses) the bench instance. `reseed`: wiped and seeded again, so every run measures the
 * same graph; otherwise seeded only when empty. An instance it started has a route's statements planned
 * before it returns (functions/routes/route-query-warm-up.ts): a bench's first routes do not pay a
 * cold JVM's planning.
 */
export async function startBenchGraph({ reseed }: { reseed: boolean }): Promise<{ uri: string; reused: boolean; driver: Driver }> {
  const { uri, reused } = await startNeo4j(benchInstance);
  Object.assign(process.env, withLocalAuthDefaults(process.env), { NEO4J_URI: uri, NEO4J_USER: benchInstance.user, NEO4J_PASSWORD: benchInstance.password });
  const driver = createDriver({ uri, user: benchInstance.user, password: benchInstance.password });
  if (reseed) await driver.executeQuery("MATCH (n) DETACH DELETE n");
  const { records } = await driver.executeQuery("MATCH (a:Actor) RETURN count(a) AS actors");
  if (records[0]?.get("actors") === 0) await seedGraph(driver);
  if (!reused) await warmUpRouteStatements(driver);
  return { uri, reused, driver };
}
