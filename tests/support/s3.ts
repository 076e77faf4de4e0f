/** Files in the tests' S3 server, and the import and export handlers invoked with the events AWS sends. */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import type { Context, ScheduledEvent } from "aws-lambda";
import { lambdaContext } from "../../local/http-api-event";
import { importContext, objectCreatedEvent } from "../../local/s3-event";
import { localBuckets } from "../../local/s3-server";
import { createS3Client } from "../../functions/storage/s3";
import type { ImportReport } from "../../functions/imports/import-object";
import type { ExportResult } from "../../functions/exports/export-snapshot";

const s3 = () => createS3Client();

export async function upload(key: string, body: string, bucket = localBuckets.imports): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

export async function download(key: string, bucket: string): Promise<string> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToString("utf8");
}

export async function listKeys(bucket: string, prefix = ""): Promise<string[]> {
  const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

/** Uploads a file to the imports bucket and hands the ObjectCreated event to functions/handlers/import.ts. */
export async function importFile(key: string, body: string): Promise<ImportReport> {
  await upload(key, body);
  return invokeImport(key, Buffer.byteLength(body));
}

/**
 * Hands the ObjectCreated event of a file already in the imports bucket to functions/handlers/import.ts, as S3 does, and Lambda again on a retry;
 * with the deployed function's time limit unless `context` gives it another.
 */
export async function invokeImport(key: string, bytes: number, context: Context = importContext()): Promise<ImportReport> {
  const { handler } = await import("../../functions/handlers/import");
  const [report] = await handler(objectCreatedEvent(localBuckets.imports, key, bytes), context);
  return report!;
}

export async function storedReport(key: string): Promise<ImportReport> {
  return JSON.parse(await download(`reports/${key}.json`, localBuckets.imports)) as ImportReport;
}

/** The EventBridge event the export schedule sends. */
export function scheduledEvent(): ScheduledEvent {
  const now = new Date();
  return {
    version: "0",
    id: "00000000-0000-0000-0000-000000000000",
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "123456789012",
    time: now.toISOString(),
    region: "eu-west-3",
    resources: ["arn:aws:events:eu-west-3:123456789012:rule/parcours-exports"],
    detail: {},
  };
}

/** Runs functions/handlers/export.ts as the schedule does. */
export async function runExport(): Promise<ExportResult> {
  const { handler } = await import("../../functions/handlers/export");
  return handler(scheduledEvent(), lambdaContext("parcours-export"));
}

/** The graph as the full export writes it (parcours.json): equal texts, equal graphs. */
export async function exportedGraph(): Promise<string> {
  return download((await runExport()).keys.parcours, localBuckets.exports);
}
