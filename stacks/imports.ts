/**
 * Imports: coordinators drop files under incoming/ in the imports bucket; each ObjectCreated event
 * runs functions/handlers/import.handler, which may read incoming/ and write its report under reports/ —
 * nothing else (reports/ is outside the notification's prefix, so a report never triggers an import).
 * S3 invokes the function asynchronously: an import the graph failed is tried twice more by Lambda,
 * then its event goes to the dead letters, a queue an alarm watches (README, Deploy: "Failed imports").
 */
import { importFunctionMemoryMb } from "./function-memory";
import { importFunctionTimeoutSeconds } from "./function-timeouts";
import { builtFunction, neo4jEnvironment } from "./settings";

export const importsBucket = new sst.aws.Bucket("Imports");

/** Lambda's retries of a failed import (its default, written out): about one and three minutes later. */
const importRetryAttempts = 2;
/** A dead letter is kept two weeks (SQS allows at most 14 days): an operator back from a week off still finds it. */
const deadLetterRetentionSeconds = 14 * 24 * 3600;
/**
 * An event waiting for the function (throttled, or between retries) is still imported within 6 hours,
 * Lambda's longest; an older one goes to the dead letters, not silently away.
 */
const importEventMaxAgeSeconds = 6 * 3600;

/** The ObjectCreated events of imports that failed after Lambda's retries, or waited too long. */
export const importDeadLetters = new sst.aws.Queue("ImportDeadLetters", {
  transform: { queue: { messageRetentionSeconds: deadLetterRetentionSeconds } },
});

export const importFunction = new sst.aws.Function("Import", {
  ...builtFunction("import"),
  memory: `${importFunctionMemoryMb} MB`,
  timeout: `${importFunctionTimeoutSeconds} seconds`,
  environment: { ...neo4jEnvironment },
  permissions: [
    { actions: ["s3:GetObject"], resources: [$interpolate`${importsBucket.arn}/incoming/*`] },
    { actions: ["s3:PutObject"], resources: [$interpolate`${importsBucket.arn}/reports/*`] },
    // Lambda sends a failed event to its on-failure destination with the function's own role.
    { actions: ["sqs:SendMessage"], resources: [importDeadLetters.arn] },
  ],
  // `retries` makes SST create the function's asynchronous invocation config; its transform adds the rest.
  retries: importRetryAttempts,
  transform: {
    eventInvokeConfig: {
      maximumEventAgeInSeconds: importEventMaxAgeSeconds,
      destinationConfig: { onFailure: { destination: importDeadLetters.arn } },
    },
  },
});

/** Where the alarms of the imports notify: operators subscribe to it (README, Deploy). */
export const importAlarms = new sst.aws.SnsTopic("ImportAlarms");

/** Any dead letter raises it: an import that wrote nothing after its retries, which someone must look at. */
new aws.cloudwatch.MetricAlarm("ImportDeadLettersWaiting", {
  alarmDescription: "An import failed after Lambda's retries and wrote nothing: its report under reports/ says why (README, Deploy: Failed imports)",
  namespace: "AWS/SQS",
  metricName: "ApproximateNumberOfMessagesVisible",
  dimensions: { QueueName: importDeadLetters.nodes.queue.name },
  statistic: "Maximum",
  period: 300,
  evaluationPeriods: 1,
  comparisonOperator: "GreaterThanThreshold",
  threshold: 0,
  treatMissingData: "notBreaching",
  alarmActions: [importAlarms.arn],
  okActions: [importAlarms.arn],
});

importsBucket.notify({
  notifications: [{ name: "ImportOnUpload", function: importFunction.arn, events: ["s3:ObjectCreated:*"], filterPrefix: "incoming/" }],
});
