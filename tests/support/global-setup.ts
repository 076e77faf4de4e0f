/**
 * Starts the tests' own Neo4j (its own port and data folder, so `npm test` never touches the data
 * of a running `npm start`) and hands its address to the test files.
 */
import type { TestProject } from "vitest/node";
import { join } from "node:path";
import { startNeo4j, stopNeo4j, type Neo4jInstance } from "../../local/neo4j-process";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.TEST_NEO4J_PORT ?? 7688);
  const instance: Neo4jInstance = {
    port,
    dataDir: join(import.meta.dirname, "..", "..", ".data", `neo4j-test-${port}`),
    user: "neo4j",
    password: "parcours-test",
  };
  const started = await startNeo4j(instance);
  console.log(`Test Neo4j ${started.reused ? "reused" : `started in ${started.startedInMs} ms`} at ${started.uri} (log: ${started.logFile})`);
  project.provide("neo4j", { uri: started.uri, user: instance.user, password: instance.password });
  return async () => {
    if (!started.reused) await stopNeo4j(instance);
  };
}
