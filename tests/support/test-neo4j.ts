/** The tests' own Neo4j: its port (TEST_NEO4J_PORT) and data folder, apart from a running `npm start`'s. */
import { join } from "node:path";
import type { Neo4jInstance } from "../../local/neo4j-process";

export function testNeo4jInstance(): Neo4jInstance {
  const port = Number(process.env.TEST_NEO4J_PORT ?? 7688);
  return { port, dataDir: join(import.meta.dirname, "..", "..", ".data", `neo4j-test-${port}`), user: "neo4j", password: "parcours-test" };
}
