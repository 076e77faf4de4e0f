/**
 * Starts the tests' own Neo4j (its own port and data folder, so `npm test` never touches the data
 * of a running `npm start`) and hands its address to the test files.
 */
import type { TestProject } from "vitest/node";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { startNeo4j, stopNeo4j, type Neo4jInstance } from "../../local/neo4j-process";
import { startS3Server } from "../../local/s3-server";
import { testNeo4jInstance } from "./test-neo4j";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const instance: Neo4jInstance = testNeo4jInstance();
  const { port } = instance;
  const started = await startNeo4j(instance);
  console.log(`Test Neo4j ${started.reused ? "reused" : `started in ${started.startedInMs} ms`} at ${started.uri} (log: ${started.logFile})`);
  project.provide("neo4j", { uri: started.uri, user: instance.user, password: instance.password });

  // The tests' own S3 server, emptied on each run; on a free port unless TEST_S3_PORT names one.
  const s3Port = Number(process.env.TEST_S3_PORT ?? 0);
  const s3Dir = join(import.meta.dirname, "..", "..", ".data", `s3-test-${port}`);
  await rm(s3Dir, { recursive: true, force: true });
  const s3 = await startS3Server(s3Port, s3Dir);
  project.provide("s3Endpoint", s3.endpoint);

  return async () => {
    await s3.close();
    if (!started.reused) await stopNeo4j(instance);
  };
}
