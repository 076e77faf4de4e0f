/**
 * Exports: functions/handlers/export.handler writes snapshots (full Parcours JSON, public HSDS and CSV) to the
 * exports bucket every night, and on demand (`aws lambda invoke --function-name <ExportFunction>`).
 * It may only put objects in that bucket. The bucket is private: the full export holds confidential
 * addresses.
 */
import { builtFunction, neo4jEnvironment } from "./settings";

export const exportsBucket = new sst.aws.Bucket("Exports");

export const exportFunction = new sst.aws.Function("Export", {
  ...builtFunction("export"),
  memory: "1024 MB",
  timeout: "2 minutes",
  environment: { ...neo4jEnvironment, EXPORTS_BUCKET: exportsBucket.name },
  permissions: [{ actions: ["s3:PutObject"], resources: [$interpolate`${exportsBucket.arn}/*`] }],
});

new sst.aws.CronV2("NightlyExport", {
  function: exportFunction.arn,
  schedule: "cron(0 3 * * ? *)",
  timezone: "Europe/Paris",
});
