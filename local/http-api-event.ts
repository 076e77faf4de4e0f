/** API Gateway HTTP API (payload v2) events and Lambda contexts, shaped as AWS sends them. */
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { randomUUID } from "node:crypto";

export interface HttpRequest {
  method: string;
  path?: string;
  rawQueryString?: string;
  headers?: Record<string, string>;
  body?: string;
  sourceIp?: string;
}

export function httpApiEvent({ method, path = "/graphql", rawQueryString = "", headers = {}, body, sourceIp = "127.0.0.1" }: HttpRequest): APIGatewayProxyEventV2 {
  const queryStringParameters = rawQueryString ? Object.fromEntries(new URLSearchParams(rawQueryString)) : undefined;
  const userAgent = headers["user-agent"] ?? "";
  const now = new Date();
  return {
    version: "2.0",
    routeKey: `ANY ${path}`,
    rawPath: path,
    rawQueryString,
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "local",
      http: { method, path, protocol: "HTTP/1.1", sourceIp, userAgent },
      requestId: randomUUID(),
      routeKey: `ANY ${path}`,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
    ...(body !== undefined && body !== "" ? { body } : {}),
  };
}

/** The context Lambda gives a function of that time limit (the GraphQL function's by default), invoked now. */
export function lambdaContext(functionName = "parcours-graphql", timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:eu-west-3:123456789012:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
