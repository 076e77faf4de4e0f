/** S3 ObjectCreated events, shaped as S3 sends them to a Lambda function, and the import function's context. */
import type { Context, S3Event } from "aws-lambda";
import { importFunctionTimeoutSeconds } from "../stacks/function-timeouts";
import { lambdaContext } from "./http-api-event";

/** The context of the import function invoked now, with the time its deployed limit leaves it (or `timeoutMs`). */
export function importContext(timeoutMs = importFunctionTimeoutSeconds * 1000): Context {
  return lambdaContext("parcours-import", timeoutMs);
}

export function objectCreatedEvent(bucket: string, key: string, size: number, eTag = "0"): S3Event {
  const now = new Date();
  return {
    Records: [
      {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: "eu-west-3",
        eventTime: now.toISOString(),
        eventName: "ObjectCreated:Put",
        userIdentity: { principalId: "AWS:AIDAEXAMPLE" },
        requestParameters: { sourceIPAddress: "127.0.0.1" },
        responseElements: { "x-amz-request-id": "LOCAL", "x-amz-id-2": "LOCAL" },
        s3: {
          s3SchemaVersion: "1.0",
          configurationId: "parcours-imports",
          bucket: { name: bucket, ownerIdentity: { principalId: "EXAMPLE" }, arn: `arn:aws:s3:::${bucket}` },
          // Keys arrive URL-encoded, spaces as "+".
          object: { key: encodeURIComponent(key).replace(/%20/g, "+").replace(/%2F/g, "/"), size, eTag, sequencer: now.getTime().toString(16).toUpperCase() },
        },
      },
    ],
  };
}
