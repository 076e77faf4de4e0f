/**
 * Runs before each test file: points the handlers at the test Neo4j and S3 server and puts the graph back to the
 * seeded dataset, so that no file depends on what another one wrote.
 */
import { afterAll, beforeAll, inject } from "vitest";
import { closeTestDriver, testDriver } from "./graph";
import { seedGraph } from "../../local/seed-graph";
import { testAuthEnv } from "./tokens";
import { localS3Env } from "../../local/s3-server";

const neo4j = inject("neo4j");
process.env.NEO4J_URI = neo4j.uri;
process.env.NEO4J_USER = neo4j.user;
process.env.NEO4J_PASSWORD = neo4j.password;
Object.assign(process.env, testAuthEnv);
Object.assign(process.env, localS3Env(inject("s3Endpoint")), { POWERTOOLS_LOG_LEVEL: "WARN" });

beforeAll(async () => {
  await testDriver().executeQuery("MATCH (n) DETACH DELETE n");
  await seedGraph(testDriver());
});

afterAll(closeTestDriver);
