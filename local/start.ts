/**
 * `npm start`: Neo4j and the local S3 server up, indexes ready, graph seeded when empty, the routes'
 * digests written (as the stack's schedule does), the GraphQL API served on localhost, and the web app
 * (built when missing or stale) on the same origin. package.json
 * starts it with the V8 heap limits Lambda gives the GraphQL function (local/lambda-heap.ts), so that
 * the server's memory behaves as the deployed one's.
 */
import { createDriver } from "../functions/graph/driver";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { warmUpRouteStatements } from "../functions/routes/route-query-warm-up";
import { localInstance, startNeo4j } from "./neo4j-process";
import { localBuckets, localS3Dir, localS3Env, localS3Port, startS3Server } from "./s3-server";
import { writeLocalRouteDigests } from "./route-digests-ahead";
import { formatSummary, seedGraph } from "./seed-graph";
import { withLocalAuthDefaults } from "./local-auth";
import { serveLocally } from "./server";
import { ensureWebBuild } from "./web-build";

try {
  const instance = localInstance();
  const neo4j = await startNeo4j(instance, { log: console.log });
  console.log(`Neo4j ${neo4j.reused ? "already running" : `started in ${neo4j.startedInMs} ms`} at ${neo4j.uri} (log: ${neo4j.logFile})`);

  const driver = createDriver({ uri: neo4j.uri, user: instance.user, password: instance.password });
  await ensureGraphSchema(driver);
  const { records } = await driver.executeQuery("MATCH (a:Actor) RETURN count(a) AS actors");
  if (records[0]?.get("actors") === 0) {
    console.log("Empty graph: loading seed/ …");
    console.log(formatSummary(await seedGraph(driver)));
  }
  if (!neo4j.reused) {
    // The plans of a route's statements, seconds of a cold JVM, made before the first route asks for them.
    const warmUpStarted = Date.now();
    await warmUpRouteStatements(driver);
    console.log(`Route statements planned in ${((Date.now() - warmUpStarted) / 1000).toFixed(1)} s`);
  }
  console.log(await writeLocalRouteDigests(driver));
  await driver.close();

  const s3 = await startS3Server(localS3Port(), localS3Dir(localS3Port()));
  console.log(`S3 at ${s3.endpoint} (buckets ${Object.values(localBuckets).join(", ")}; files in ${localS3Dir(localS3Port())})`);

  Object.assign(
    process.env,
    withLocalAuthDefaults(process.env),
    { NEO4J_URI: neo4j.uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password },
    localS3Env(s3.endpoint),
    // Web apps under development on this machine, whatever their port (stacks/settings.ts sets each stage's list).
    { CORS_ALLOWED_ORIGINS: process.env.CORS_ALLOWED_ORIGINS ?? "http://localhost:*,http://127.0.0.1:*" },
  );
  const web = await ensureWebBuild("developer");
  console.log(web.built ? `Web app built into ${web.dir}` : `Web app up to date in ${web.dir}`);
  const api = await serveLocally(Number(process.env.PORT ?? 4000), { webRoot: web.dir, developmentSignIn: true });
  console.log(`GraphQL API ready at ${api}; web app at ${new URL("/", api)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
