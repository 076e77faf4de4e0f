/**
 * AWS Lambda entry point for imports: S3 ObjectCreated events of the imports bucket. Each new file is
 * imported all or nothing, and its report written under reports/ (functions/imports/import-object.ts).
 * An import the graph failed has its "failed" report and fails the invocation: S3 invokes the function
 * asynchronously, and Lambda tries a failed invocation twice more; one that succeeds writes its report
 * over the failed one.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import type { Context, S3Event } from "aws-lambda";
import { neo4jSettingsFromEnv } from "../config";
import { createDriver } from "../graph/driver";
import { importObject, reportPrefix, type ImportReport } from "../imports/import-object";
import { createS3Client } from "../storage/s3";

const logger = new Logger({ serviceName: "parcours-import" });
const driver = createDriver(neo4jSettingsFromEnv());
const s3 = createS3Client();

export async function handler(event: S3Event, context: Context): Promise<ImportReport[]> {
  logger.addContext(context);
  const deadline = Date.now() + context.getRemainingTimeInMillis();
  const reports: ImportReport[] = [];
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    // S3 event keys are URL-encoded, with "+" for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, " "));
    if (key.startsWith(reportPrefix)) {
      logger.warn("not importing a report", { bucket, key });
      continue;
    }
    reports.push(await importObject({ s3, driver, bucket, key, logger, deadline }));
  }
  return reports;
}
