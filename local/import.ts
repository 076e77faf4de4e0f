/**
 * `npm run import -- <file>`: uploads a file to the local imports bucket (incoming/<name>) and hands
 * the ObjectCreated event to the import handler, as S3 would on AWS; prints the report. Uses the
 * local Neo4j (started if needed) and the S3 server of `npm start` when it runs, else its own.
 */
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { localInstance, startNeo4j } from "./neo4j-process";
import { importContext, objectCreatedEvent } from "./s3-event";
import { localBuckets, localS3Dir, localS3Env, localS3Port, startOrReuseS3Server } from "./s3-server";

const path = process.argv[2];
if (!path) {
  console.error("Usage: npm run import -- <file.csv|file.json|file.yaml>");
  process.exit(1);
}

const instance = localInstance();
const neo4j = await startNeo4j(instance);
const port = localS3Port();
const s3 = await startOrReuseS3Server(port, localS3Dir(port));
Object.assign(process.env, { NEO4J_URI: neo4j.uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password, POWERTOOLS_LOG_LEVEL: "WARN" }, localS3Env(s3.endpoint));

const body = await readFile(path);
const key = `incoming/${basename(path)}`;
const { createS3Client } = await import("../functions/storage/s3");
await createS3Client().send(new PutObjectCommand({ Bucket: localBuckets.imports, Key: key, Body: body }));
const { handler } = await import("../functions/handlers/import");
const [report] = await handler(objectCreatedEvent(localBuckets.imports, key, body.length), importContext());
console.log(JSON.stringify(report, null, 2));
console.log(`Report stored at s3://${localBuckets.imports}/reports/${key}.json`);
await s3.close();
process.exit(report?.status === "imported" ? 0 : 2);
