/**
 * Imports: coordinators drop files under incoming/ in the imports bucket; each ObjectCreated event
 * runs functions/handlers/import.handler, which may read incoming/ and write its report under reports/ —
 * nothing else (reports/ is outside the notification's prefix, so a report never triggers an import).
 */
import { importFunctionMemoryMb } from "./function-memory";
import { importFunctionTimeoutSeconds } from "./function-timeouts";
import { builtFunction, neo4jEnvironment } from "./settings";

export const importsBucket = new sst.aws.Bucket("Imports");

export const importFunction = new sst.aws.Function("Import", {
  ...builtFunction("import"),
  memory: `${importFunctionMemoryMb} MB`,
  timeout: `${importFunctionTimeoutSeconds} seconds`,
  environment: { ...neo4jEnvironment },
  permissions: [
    { actions: ["s3:GetObject"], resources: [$interpolate`${importsBucket.arn}/incoming/*`] },
    { actions: ["s3:PutObject"], resources: [$interpolate`${importsBucket.arn}/reports/*`] },
  ],
});

importsBucket.notify({
  notifications: [{ name: "ImportOnUpload", function: importFunction.arn, events: ["s3:ObjectCreated:*"], filterPrefix: "incoming/" }],
});
