/**
 * Exports: functions/handlers/export.handler writes snapshots (full Parcours JSON, public HSDS,
 * data·inclusion and CSV) to the exports bucket every night, and on demand (`aws lambda invoke
 * --function-name <ExportFunction>`). It may only write objects in that bucket, and read them to copy
 * them under latest/. The bucket is private: the full export holds confidential addresses.
 */
import { exportFunctionMemoryMb } from "./function-memory";
import { builtFunction, neo4jEnvironment } from "./settings";

export const exportsBucket = new sst.aws.Bucket("Exports");

export const exportFunction = new sst.aws.Function("Export", {
  ...builtFunction("export"),
  memory: `${exportFunctionMemoryMb} MB`,
  // France exported in 41–56 s on a 2-core machine (bench:export): the limit leaves room for a slower run.
  timeout: "10 minutes",
  environment: { ...neo4jEnvironment, EXPORTS_BUCKET: exportsBucket.name },
  // Files are written in parts (a multipart upload, aborted on failure) and copied to latest/, which reads them.
  permissions: [{ actions: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:GetObject"], resources: [$interpolate`${exportsBucket.arn}/*`] }],
});

new sst.aws.CronV2("NightlyExport", {
  function: exportFunction.arn,
  schedule: "cron(0 3 * * ? *)",
  timezone: "Europe/Paris",
});
