/**
 * The GraphQL API on http://localhost:<port>/graphql, served by the Lambda handler itself: each HTTP
 * request becomes the API Gateway event AWS would send, so local behaviour is production behaviour.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { httpApiEvent, lambdaContext } from "./http-api-event";

const MAX_BODY_BYTES = 1024 * 1024;

export async function serveLocally(port: number): Promise<string> {
  const { handler } = await import("../functions/handlers/graphql");
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const body = await readBody(request);
    if (url.pathname !== "/graphql" || body === undefined) {
      const [status, message] = body === undefined ? [413, "Request body too large"] : [404, "Not found: the API is at /graphql"];
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message }] }));
      return;
    }
    const event = httpApiEvent({
      method: request.method ?? "GET",
      rawQueryString: url.search.slice(1),
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")])),
      body,
      sourceIp: request.socket.remoteAddress ?? "127.0.0.1",
    });
    const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>).end(result.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return `http://localhost:${port}/graphql`;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
