/** `npm run export`: runs the export handler on demand against the local Neo4j and S3 server, and prints where the files are. */
import { lambdaContext } from "./http-api-event";
import { localInstance, startNeo4j } from "./neo4j-process";
import { localBuckets, localS3Dir, localS3Env, localS3Port, startOrReuseS3Server } from "./s3-server";

const instance = localInstance();
const neo4j = await startNeo4j(instance);
const port = localS3Port();
const s3 = await startOrReuseS3Server(port, localS3Dir(port));
Object.assign(process.env, { NEO4J_URI: neo4j.uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password, POWERTOOLS_LOG_LEVEL: "WARN" }, localS3Env(s3.endpoint));

const { handler } = await import("../functions/handlers/export");
const result = await handler({ source: "manual" }, lambdaContext("parcours-export"));
console.log(`Exported ${JSON.stringify(result.counts)} to s3://${localBuckets.exports}/:`);
for (const key of Object.values(result.keys)) console.log(`  ${key}  (files in ${localS3Dir(port)}/${localBuckets.exports})`);
await s3.close();
process.exit(0);
